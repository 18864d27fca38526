import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api';
import type { UnitKind } from '../../api/types';
import { getLang } from '../../i18n';
import {
  rowsOf,
  type ProgressRowObject,
  type ProgressTableData,
} from '../../../../src/reports/progress-table';

/** Types of the reporting API (see the OpenAPI document, tag "reports"). */

export type ReportState = 'draft' | 'awaiting_approval' | 'submitted' | 'accepted' | 'returned';
export type ReportAction = 'send' | 'approve' | 'send_back' | 'accept' | 'return' | 'reopen';
export type PeriodKind = 'quarter' | 'half' | 'nine_months' | 'year';
export type BoardStatus = 'accepted' | 'submitted' | 'awaiting_approval' | 'returned' | 'missing';
export type ProgressStatus = 'on_track' | 'behind' | 'no_target' | 'no_data';

export interface Period {
  id: number;
  unitId: number;
  kind: PeriodKind;
  year: number;
  number: number;
  name: string;
  startDate: string;
  endDate: string;
  dataFrom: string;
  cutoffDate: string;
  deadline: string;
  templateId: number;
  templateVersionId: number;
  status: 'open' | 'closed';
  unitIds: number[];
  version: number;
}

export interface ReportSummary {
  id: number;
  periodId: number;
  periodName: string;
  deadline: string;
  unitId: number;
  unitName: string;
  state: ReportState;
  late: boolean;
  submittedAt: string | null;
  version: number;
  updatedAt: string;
}

export interface Proposal {
  id: number;
  text: string;
  answer: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  version: number;
}

export interface Report extends ReportSummary {
  periodKind: PeriodKind;
  periodYear: number;
  periodNumber: number;
  periodStatus: string;
  returnComment: string | null;
  acceptedAt: string | null;
  actions: ReportAction[];
  editable: boolean;
  sections: { key: string; title: string; html: string }[];
  indicators: {
    indicatorId: number;
    code: string;
    name: string;
    measure: string;
    allowNegative: boolean;
    /** False for a count (người, nhà, lớp…): whole numbers only. */
    decimals: boolean;
    /** Above this the value is far from the unit's target and history (a warning). */
    farAbove: number | null;
    value: number | null;
  }[];
  proposals: Proposal[];
  attachments: {
    id: number;
    fileName: string;
    mimeType: string;
    size: number;
    uploadedByName: string | null;
    createdAt: string;
  }[];
  events: {
    action: string;
    fromState: string;
    toState: string;
    comment: string | null;
    late: boolean;
    actorName: string | null;
    at: string;
  }[];
  reminders: { message: string; sentByName: string | null; at: string }[];
}

export interface ReportContent {
  sections: Record<string, string>;
  values: { indicatorId: number; value: number | null }[];
  proposals: { id?: number; text: string }[];
}

export interface TemplateSection {
  key: string;
  title: string;
}

/** Which indicators the units of one kind report under a template. */
export interface TemplateIndicators {
  unitKind: UnitKind;
  indicatorIds: number[];
}

export interface Template {
  id: number;
  unitId: number;
  name: string;
  current: {
    id: number;
    number: number;
    sections: TemplateSection[];
    indicators: TemplateIndicators[];
    createdAt: string;
  };
  version: number;
  updatedAt: string;
}

export interface TemplateContent {
  name: string;
  sections: TemplateSection[];
  indicators: TemplateIndicators[];
}

export interface ReportSettings {
  periodRule: { dataFromDay: number; cutoffDay: number; deadlineDaysAfterCutoff: number };
  version: number;
}

export interface Indicator {
  id: number;
  code: string;
  name: string;
  measure: string;
  aggregation: 'sum' | 'latest' | 'max' | 'average';
  higherIsBetter: boolean;
  allowNegative: boolean;
  active: boolean;
  version: number;
}

export interface BoardRow {
  unitId: number;
  unitName: string;
  reportId: number;
  state: ReportState;
  status: BoardStatus;
  late: boolean;
  overdue: boolean;
  submittedAt: string | null;
  reminders: number;
  lastReminderAt: string | null;
}

/** The progress API's answer; its rule is the server's (src/reports/progress-table.ts). */
export type ProgressTable = ProgressTableData & { counted: string[] };
export type { ProgressRowObject };

/** A row to show: the unit's and indicator's descriptions joined to the figures. */
export interface ProgressRow extends Omit<ProgressRowObject, 'unitId' | 'quarters'> {
  key: string;
  unitId: number | null;
  unitName: string | null;
  unitAsOf: string | null;
  quarters: (number | null)[];
  code: string;
  name: string;
  measure: string;
}

/** The table's rows (or its drafts, or its totals) ready to show. */
export function progressRows(
  table: ProgressTable,
  part: 'rows' | 'drafts' | 'totals',
): ProgressRow[] {
  const indicators = new Map(table.indicators.map((i) => [i.id, i]));
  const units = new Map(table.units.map((u) => [u.id, u]));
  const draftUnits = new Map(table.drafts.units.map((u) => [u.id, u]));
  const describe = (unitId: number | null, indicatorId: number) => {
    const ind = indicators.get(indicatorId);
    const unit = unitId === null ? undefined : units.get(unitId);
    return {
      key: `${part}-${unitId ?? 0}-${indicatorId}`,
      unitId,
      unitName: unit?.name ?? null,
      unitAsOf:
        unitId === null
          ? table.asOf
          : part === 'drafts'
            ? (draftUnits.get(unitId)?.asOf ?? null)
            : (unit?.asOf ?? null),
      code: ind?.code ?? '',
      name: ind?.name ?? '',
      measure: ind?.measure ?? '',
    };
  };
  if (part === 'totals')
    return table.totals.map((t) => ({ ...t, ...describe(null, t.indicatorId) }));
  return rowsOf(part === 'rows' ? table.rows : table.drafts.rows).map((r) => ({
    ...r,
    ...describe(r.unitId, r.indicatorId),
  }));
}

export interface RevisionDiff {
  from: number;
  to: number;
  sections: {
    key: string;
    title: string;
    changed: boolean;
    changes: { op: 'equal' | 'insert' | 'delete'; text: string }[];
  }[];
  values: {
    indicatorId: number;
    code: string;
    name: string;
    before: number | null;
    after: number | null;
  }[];
  proposals: { added: string[]; removed: string[] };
}

type Items<T> = { items: T[] };

export const reportsKey = ['reports'] as const;

export function usePeriods() {
  return useQuery({
    queryKey: [...reportsKey, 'periods'],
    queryFn: async () => (await api.get<Items<Period>>('/periods')).items,
  });
}

export function useTemplates() {
  return useQuery({
    queryKey: [...reportsKey, 'templates'],
    queryFn: async () => (await api.get<Items<Template>>('/templates')).items,
  });
}

export function useTemplate(id: number) {
  return useQuery({
    queryKey: [...reportsKey, 'template', id],
    queryFn: () => api.get<Template>(`/templates/${id}`),
  });
}

/** Creates a template with the default sections, for the user's convening unit. */
export function createTemplate(body: { unitId: number; name: string }): Promise<Template> {
  return api.post<Template>('/templates', body);
}

/** Saves a new version of a template; `version` is the one the editor read (409 if stale). */
export function saveTemplate(
  id: number,
  body: TemplateContent & { version: number },
): Promise<Template> {
  return putJson<Template>(`/templates/${id}`, body);
}

export function useReportSettings() {
  return useQuery({
    queryKey: [...reportsKey, 'settings'],
    queryFn: () => api.get<ReportSettings>('/report-settings'),
  });
}

export function saveReportSettings(body: ReportSettings): Promise<ReportSettings> {
  return putJson<ReportSettings>('/report-settings', body);
}

/** Sets the units that must report in a period; the server refuses to drop a started report. */
export function setPeriodUnits(period: Period, unitIds: number[]): Promise<Period> {
  return api.patch<Period>(`/periods/${period.id}`, { version: period.version, unitIds });
}

export function useIndicators() {
  return useQuery({
    queryKey: [...reportsKey, 'indicators'],
    queryFn: async () => (await api.get<Items<Indicator>>('/indicators')).items,
  });
}

export function useReportList(periodId: number | undefined) {
  return useQuery({
    queryKey: [...reportsKey, 'list', periodId ?? null],
    queryFn: async () => (await api.get<Items<ReportSummary>>('/reports', { periodId })).items,
  });
}

export function useReport(id: number) {
  return useQuery({
    queryKey: [...reportsKey, 'report', id],
    queryFn: () => api.get<Report>(`/reports/${id}`),
  });
}

export function useBoard(periodId: number) {
  return useQuery({
    queryKey: [...reportsKey, 'board', periodId],
    queryFn: () =>
      api.get<{ period: Period; today: string; counts: Record<string, number>; rows: BoardRow[] }>(
        `/periods/${periodId}/board`,
      ),
  });
}

export function useProgress(query: {
  year: number;
  unitId?: number;
  indicatorId?: number;
  view?: 'all' | 'totals';
}) {
  return useQuery({
    queryKey: [...reportsKey, 'progress', query],
    queryFn: () => api.get<ProgressTable>('/progress', query),
  });
}

export function useRevisions(reportId: number, enabled: boolean) {
  return useQuery({
    queryKey: [...reportsKey, 'revisions', reportId],
    enabled,
    queryFn: async () =>
      (
        await api.get<
          Items<{
            number: number;
            state: string;
            note: string;
            authorName: string | null;
            at: string;
          }>
        >(`/reports/${reportId}/revisions`)
      ).items,
  });
}

export function useProposals(periodId: number | undefined) {
  return useQuery({
    queryKey: [...reportsKey, 'proposals', periodId ?? null],
    queryFn: async () =>
      (
        await api.get<
          Items<
            Proposal & { reportId: number; unitName: string; periodId: number; periodName: string }
          >
        >('/proposals', { periodId })
      ).items,
  });
}

/** Invalidates everything of the feature after a change. */
export function useReportsRefresh() {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: reportsKey });
}

export function useReportMutations(id: number) {
  const queryClient = useQueryClient();
  const store = (report: Report) => {
    queryClient.setQueryData([...reportsKey, 'report', id], report);
    void queryClient.invalidateQueries({
      queryKey: reportsKey,
      predicate: (q) => q.queryKey[2] !== id,
    });
  };
  const save = useMutation({
    mutationFn: (body: ReportContent & { version: number }) =>
      putJson<Report>(`/reports/${id}`, body),
    onSuccess: store,
  });
  const transition = useMutation({
    mutationFn: (body: { version: number; action: ReportAction; comment?: string }) =>
      api.post<Report>(`/reports/${id}/transitions`, body),
    onSuccess: store,
  });
  return { save, transition };
}

async function sendRaw<T>(method: string, path: string, body: BodyInit, type?: string): Promise<T> {
  const headers: Record<string, string> = {
    Accept: 'application/json',
    'Accept-Language': getLang(),
  };
  if (type) headers['Content-Type'] = type;
  let response: Response;
  try {
    response = await fetch(`/api/v1${path}`, { method, body, credentials: 'same-origin', headers });
  } catch {
    throw new ApiError(0, 'network', 'Network error');
  }
  const data = (await response.json().catch(() => null)) as {
    error?: { code?: string; message?: string; fields?: Record<string, string> };
  } | null;
  if (!response.ok) {
    throw new ApiError(
      response.status,
      data?.error?.code ?? `http_${response.status}`,
      data?.error?.message ?? response.statusText,
      data?.error?.fields ?? {},
    );
  }
  return data as T;
}

/** PUT with a JSON body (the shared client has no PUT). */
export function putJson<T>(path: string, body: unknown): Promise<T> {
  return sendRaw<T>('PUT', path, JSON.stringify(body), 'application/json');
}

/** Uploads one file as multipart/form-data, in the field "file". */
export function uploadFile<T>(path: string, file: File): Promise<T> {
  const form = new FormData();
  form.append('file', file);
  return sendRaw<T>('POST', path, form);
}
