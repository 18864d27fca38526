import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, api } from '../../api';
import { getLang } from '../../i18n';
import { rowsOf, type ProgressRowObject } from '../../../../src/reports/progress-table';
import type { Static } from 'typebox';
import type * as catalog from '../../../../src/reports/catalog.schema.ts';
import type * as figures from '../../../../src/reports/figures.schema.ts';
import type * as periods from '../../../../src/reports/periods.schema.ts';
import type * as reports from '../../../../src/reports/reports.schema.ts';

/*
 * Types of the reporting API, from the server's schemas (type-only: nothing of the server is
 * bundled; `npm run typecheck` fails when they no longer fit what this feature does).
 */

export type { ReportAction, ReportState } from '../../../../src/reports/reports.states.ts';
export type { PeriodKind } from '../../../../src/reports/period-rules.ts';
export type { ProgressStatus } from '../../../../src/reports/progress-math.ts';
export type Period = periods.Period;
export type PeriodDefaults = Static<typeof periods.PeriodDefaults>;
export type NewPeriod = periods.CreatePeriodBody;
export type BoardStatus = Static<typeof periods.BoardStatus>;
type BoardResponse = Static<typeof periods.Board>;
/** The submissions board of a period (its `period` is a schema reference, typed here). */
export type Board = Omit<BoardResponse, 'period'> & { period: Period };
export type BoardRow = BoardResponse['rows'][number];
export type ReportSummary = reports.ReportSummary;
export type Proposal = Static<typeof reports.Proposal>;
export type ProposalItem = Static<typeof reports.ProposalItem>;
export type Report = reports.Report;
/** What the report form edits and saves: the body without its version, figures as numbers
 * (the form parses what is typed; the API also takes the typed text). */
export type ReportContent = Omit<reports.SaveReportBody, 'version' | 'values'> & {
  values: { indicatorId: number; value: number | null }[];
};
export type Revision = Static<typeof reports.RevisionList>['items'][number];
export type RevisionDiff = reports.ReportDiff;
export type TemplateSection = Static<typeof catalog.TemplateSection>;
/** Which indicators the units of one kind report under a template. */
export type TemplateIndicators = Static<typeof catalog.TemplateIndicators>;
export type Template = catalog.Template;
export type TemplateContent = Omit<catalog.UpdateTemplateBody, 'version'>;
export type ReportSettings = catalog.ReportSettings;
export type Indicator = catalog.Indicator;
export type NewIndicator = catalog.CreateIndicatorBody;
export type TargetList = Static<typeof figures.TargetList>;
export type Targets = figures.SetTargetsBody;

/** The progress API's answer; its rule is the server's (src/reports/progress-table.ts). */
export type ProgressTable = figures.ProgressTable;
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
export function createTemplate(body: catalog.CreateTemplateBody): Promise<Template> {
  return api.post<Template>('/templates', body);
}

/** Saves a new version of a template; `version` is the one the editor read (409 if stale). */
export function saveTemplate(id: number, body: catalog.UpdateTemplateBody): Promise<Template> {
  return putJson<Template>(`/templates/${id}`, body);
}

export function useReportSettings() {
  return useQuery({
    queryKey: [...reportsKey, 'settings'],
    queryFn: () => api.get<ReportSettings>('/report-settings'),
  });
}

export function saveReportSettings(
  body: catalog.UpdateReportSettingsBody,
): Promise<ReportSettings> {
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
    queryFn: () => api.get<Board>(`/periods/${periodId}/board`),
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
    queryFn: async () => (await api.get<Items<Revision>>(`/reports/${reportId}/revisions`)).items,
  });
}

export function useProposals(periodId: number | undefined) {
  return useQuery({
    queryKey: [...reportsKey, 'proposals', periodId ?? null],
    queryFn: async () => (await api.get<Items<ProposalItem>>('/proposals', { periodId })).items,
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
    mutationFn: (body: reports.SaveReportBody) => putJson<Report>(`/reports/${id}`, body),
    onSuccess: store,
  });
  const transition = useMutation({
    mutationFn: (body: reports.TransitionBody) =>
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
