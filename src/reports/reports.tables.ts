import type { Generated, Selectable } from 'kysely';

/**
 * Tables of the reporting feature. Dates are 'YYYY-MM-DD', timestamps ISO UTC strings, flags
 * 0/1, structured content JSON text; indicator values `double precision` (JS numbers on both).
 */
export interface ReportTables {
  report_settings: ReportSettingTable;
  indicators: IndicatorTable;
  report_templates: ReportTemplateTable;
  report_template_versions: ReportTemplateVersionTable;
  report_periods: ReportPeriodTable;
  unit_reports: UnitReportTable;
  report_revisions: ReportRevisionTable;
  report_events: ReportEventTable;
  report_reminders: ReportReminderTable;
  indicator_values: IndicatorValueTable;
  indicator_targets: IndicatorTargetTable;
  indicator_unit_years: IndicatorUnitYearTable;
  report_proposals: ReportProposalTable;
  report_attachments: ReportAttachmentTable;
}

export interface ReportSettingTable {
  key: string;
  value_json: string;
  version: Generated<number>;
  updated_at: string;
}

export interface IndicatorTable {
  id: Generated<number>;
  code: string;
  name: string;
  measure: string;
  aggregation: string;
  higher_is_better: number;
  allow_negative: number;
  sort_order: number;
  active: number;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReportTemplateTable {
  id: Generated<number>;
  unit_id: number;
  name: string;
  current_version_id: number | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReportTemplateVersionTable {
  id: Generated<number>;
  template_id: number;
  number: number;
  sections_json: string;
  indicators_json: string;
  created_at: string;
}

export interface ReportPeriodTable {
  id: Generated<number>;
  unit_id: number;
  kind: string;
  year: number;
  number: number;
  name: string;
  start_date: string;
  end_date: string;
  data_from: string;
  cutoff_date: string;
  deadline: string;
  template_version_id: number;
  status: string;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface UnitReportTable {
  id: Generated<number>;
  period_id: number;
  unit_id: number;
  state: string;
  sections_json: string;
  late: Generated<number>;
  return_comment: string | null;
  submitted_at: string | null;
  accepted_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReportRevisionTable {
  id: Generated<number>;
  report_id: number;
  number: number;
  state: string;
  content_json: string;
  author_id: number | null;
  author_name: string | null;
  note: string;
  at: string;
}

export interface ReportEventTable {
  id: Generated<number>;
  report_id: number;
  action: string;
  from_state: string;
  to_state: string;
  comment: string | null;
  late: number;
  actor_id: number | null;
  actor_name: string | null;
  at: string;
}

export interface ReportReminderTable {
  id: Generated<number>;
  period_id: number;
  unit_id: number;
  message: string;
  sent_by: number | null;
  sent_by_name: string | null;
  at: string;
}

export interface IndicatorValueTable {
  unit_id: number;
  indicator_id: number;
  year: number;
  quarter: number;
  value: number;
  report_id: number | null;
  updated_at: string;
}

export interface IndicatorTargetTable {
  unit_id: number;
  indicator_id: number;
  year: number;
  value: number;
  updated_at: string;
}

/**
 * Derived: one unit's year, its indicators' Q1–Q4 and target as a JSON array of
 * [indicatorId, q1, q2, q3, q4, target] sorted by indicator id, kept in step on every write.
 */
export interface IndicatorUnitYearTable {
  year: number;
  unit_id: number;
  figures: string;
  /** End of the last quarter whose report the unit has sent ('YYYY-MM-DD'), null when none. */
  as_of: string | null;
}

export interface ReportProposalTable {
  id: Generated<number>;
  report_id: number;
  sort_order: number;
  text: string;
  answer: string | null;
  answered_by: number | null;
  answered_by_name: string | null;
  answered_at: string | null;
  version: Generated<number>;
  created_at: string;
  updated_at: string;
}

export interface ReportAttachmentTable {
  id: Generated<number>;
  report_id: number;
  file_name: string;
  mime_type: string;
  size: number;
  data: Buffer;
  uploaded_by: number | null;
  uploaded_by_name: string | null;
  created_at: string;
}

export type IndicatorRow = Selectable<IndicatorTable>;
export type PeriodRow = Selectable<ReportPeriodTable>;
export type ReportRow = Selectable<UnitReportTable>;
export type TemplateRow = Selectable<ReportTemplateTable>;
export type TemplateVersionRow = Selectable<ReportTemplateVersionTable>;
export type ProposalRow = Selectable<ReportProposalTable>;
