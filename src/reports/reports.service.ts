import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Forbidden, Invalid, StaleVersion, type FieldProblem } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import { getUnit, listUnits, loadUnitTree } from '../units/units.service.ts';
import { getTemplateVersion, indicatorIdsFor, listIndicators } from './catalog.service.ts';
import * as figures from './figures.repository.ts';
import { listPeriods } from './periods.repository.ts';
import * as periodsRepo from './periods.repository.ts';
import { allowedActions, canEditNow, loadReadable, type LoadedReport } from './report-access.ts';
import { presentProposal } from './proposals.service.ts';
import { canReadProposals, canReadReport, canWriteReport } from './reports.policy.ts';
import * as repo from './reports.repository.ts';
import { indexReport } from './search-entries.service.ts';
import type { Report, ReportQuery, ReportSummary, SaveReportBody } from './reports.schema.ts';
import type { PeriodRow, ReportRow } from './reports.tables.ts';
import { sanitizeRichText } from './sanitize.ts';
import { farAbove, measureAllowsDecimals, parseFigure } from '../text/index.ts';
import type { ReportState } from './reports.states.ts';

/** What a revision keeps: the whole content as saved. */
export interface ReportContent {
  sections: Record<string, string>;
  values: Record<string, number>;
  proposals: string[];
}

function summary(row: ReportRow, period: PeriodRow, unitName: string): ReportSummary {
  return {
    id: row.id,
    periodId: row.period_id,
    periodName: period.name,
    deadline: period.deadline,
    unitId: row.unit_id,
    unitName,
    state: row.state as ReportState,
    late: row.late === 1,
    submittedAt: row.submitted_at,
    version: row.version,
    updatedAt: row.updated_at,
  };
}

/** The reports the caller may read, newest period first. */
export async function listReports(db: Db, ctx: Ctx, query: ReportQuery): Promise<ReportSummary[]> {
  const tree = await loadUnitTree(db);
  const periods = new Map((await listPeriods(db, {})).map((p) => [p.id, p]));
  const units = new Map((await listUnits(db)).map((u) => [u.id, u]));
  const rows = await repo.listReports(db, {
    periodId: query.periodId,
    unitIds: query.unitId === undefined ? undefined : [query.unitId],
    state: query.state,
  });
  return rows
    .filter((r) =>
      canReadReport(
        ctx.actor,
        { unitId: r.unit_id, convenerId: periods.get(r.period_id)!.unit_id },
        tree,
      ),
    )
    .map((r) => summary(r, periods.get(r.period_id)!, units.get(r.unit_id)?.name ?? ''));
}

/** Only quarters carry indicator values; longer periods show their quarters' totals. */
function quarterOf(period: PeriodRow): number | null {
  return period.kind === 'quarter' ? period.number : null;
}

async function reportIndicators(db: Db, loaded: LoadedReport) {
  const quarter = quarterOf(loaded.period);
  if (quarter === null) return [];
  const unit = await getUnit(db, loaded.row.unit_id);
  const version = await getTemplateVersion(db, loaded.period.template_version_id);
  const ids = indicatorIdsFor(version, unit.kind);
  const all = new Map((await listIndicators(db)).map((i) => [i.id, i]));
  const values = await figures.quarterValues(db, loaded.row.unit_id, loaded.period.year, quarter);
  const refs = await figures.plausibilityReferences(db, loaded.row.unit_id, loaded.period.year);
  return ids
    .map((id) => all.get(id))
    .filter((i) => i !== undefined)
    .map((i) => ({
      indicatorId: i.id,
      code: i.code,
      name: i.name,
      measure: i.measure,
      allowNegative: i.allowNegative,
      decimals: measureAllowsDecimals(i.measure),
      farAbove: farAbove(refs.targets.get(i.id) ?? null, refs.largestSent.get(i.id) ?? null),
      value: values.get(i.id) ?? null,
    }));
}

/** Maps a loaded report to what the API returns, for this caller (its allowed actions). */
export async function presentReport(db: Db, ctx: Ctx, loaded: LoadedReport): Promise<Report> {
  const { row, period } = loaded;
  const unit = await getUnit(db, row.unit_id);
  const version = await getTemplateVersion(db, period.template_version_id);
  const stored = JSON.parse(row.sections_json) as Record<string, string>;
  const readsProposals =
    row.state !== 'draft' ||
    canReadProposals(
      ctx.actor,
      { unitId: row.unit_id, convenerId: period.unit_id, state: row.state },
      await loadUnitTree(db),
    );
  const proposals = readsProposals ? await repo.listProposals(db, [row.id]) : [];
  return {
    ...summary(row, period, unit.name),
    periodKind: period.kind as Report['periodKind'],
    periodYear: period.year,
    periodNumber: period.number,
    periodStatus: period.status as Report['periodStatus'],
    returnComment: row.return_comment,
    acceptedAt: row.accepted_at,
    actions: allowedActions(ctx.actor, loaded),
    editable: canEditNow(ctx.actor, loaded),
    sections: version.sections.map((s) => ({
      key: s.key,
      title: s.title,
      html: stored[s.key] ?? '',
    })),
    indicators: await reportIndicators(db, loaded),
    proposals: proposals.map(presentProposal),
    attachments: (await repo.listAttachments(db, row.id)).map((a) => ({
      id: a.id,
      fileName: a.file_name,
      mimeType: a.mime_type,
      size: a.size,
      uploadedByName: a.uploaded_by_name,
      createdAt: a.created_at,
    })),
    events: (await repo.listEvents(db, row.id)).map((e) => ({
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      comment: e.comment,
      late: e.late === 1,
      actorName: e.actor_name,
      at: e.at,
    })),
    reminders: (await periodsRepo.listReminders(db, period.id, row.unit_id)).map((m) => ({
      message: m.message,
      sentByName: m.sent_by_name,
      at: m.at,
    })),
  };
}

export async function getReport(db: Db, ctx: Ctx, id: number): Promise<Report> {
  return presentReport(db, ctx, await loadReadable(db, ctx, id));
}

/** The content as a revision snapshot. */
export async function contentOf(
  db: Db,
  loaded: LoadedReport,
  known?: { indicators: { indicatorId: number; value: number | null }[] },
): Promise<ReportContent> {
  const indicators = known?.indicators ?? (await reportIndicators(db, loaded));
  return {
    sections: JSON.parse(loaded.row.sections_json) as Record<string, string>,
    values: Object.fromEntries(
      indicators.filter((i) => i.value !== null).map((i) => [String(i.indicatorId), i.value!]),
    ),
    proposals: (await repo.listProposals(db, [loaded.row.id])).map((p) => p.text),
  };
}

/** Loads a report for a change of content: readable, writable by the caller, a draft, current. */
export async function loadForEdit(
  db: Db,
  ctx: Ctx,
  id: number,
  version: number,
): Promise<LoadedReport> {
  const loaded = await loadReadable(db, ctx, id);
  if (!canWriteReport(ctx.actor, loaded.row.unit_id, loaded.tree)) throw Forbidden();
  if (loaded.period.status !== 'open')
    throw new AppError(409, 'period_closed', { name: loaded.period.name });
  if (loaded.row.state !== 'draft') throw new AppError(409, 'report_not_editable');
  if (loaded.row.version !== version) throw StaleVersion('report');
  return loaded;
}

/**
 * Checks every value first: all field problems at once, nothing written on any. A value sent as
 * text is read the Vietnamese way (src/text/numbers.ts); the measure's rule on decimals applies
 * to numbers and text alike.
 */
export function checkValues(
  values: SaveReportBody['values'],
  allowed: Map<number, { allowNegative: boolean; measure: string }>,
  fieldOf: (i: number, part: 'indicatorId' | 'value') => string = (i, part) =>
    `values.${i}.${part}`,
): Map<number, number | null> {
  const problems: Record<string, FieldProblem> = {};
  const result = new Map<number, number | null>();
  for (const [i, v] of values.entries()) {
    const indicator = allowed.get(v.indicatorId);
    if (!indicator) problems[fieldOf(i, 'indicatorId')] = { rule: 'notFound' };
    else if (result.has(v.indicatorId)) problems[fieldOf(i, 'indicatorId')] = { rule: 'duplicate' };
    else {
      const figure = v.value === null ? null : parseFigure(v.value, indicator.measure);
      if (figure && !figure.ok)
        problems[fieldOf(i, 'value')] = { rule: figure.rule, params: figure.params };
      else if (figure && figure.value !== null && figure.value < 0 && !indicator.allowNegative)
        problems[fieldOf(i, 'value')] = { rule: 'negative' };
      else result.set(v.indicatorId, figure?.value ?? null);
    }
  }
  if (Object.keys(problems).length > 0) throw Invalid(problems);
  return result;
}

async function syncProposals(
  db: Db,
  reportId: number,
  input: SaveReportBody['proposals'],
  at: string,
) {
  const existing = await repo.listProposals(db, [reportId]);
  const byId = new Map(existing.map((p) => [p.id, p]));
  const kept = new Set<number>();
  const problems: Record<string, FieldProblem> = {};
  for (const [i, p] of input.entries()) {
    const text = p.text.trim();
    if (!text) problems[`proposals.${i}.text`] = { rule: 'blank' };
    if (p.id !== undefined && !byId.has(p.id)) problems[`proposals.${i}.id`] = { rule: 'notFound' };
  }
  if (Object.keys(problems).length > 0) throw Invalid(problems);
  for (const [i, p] of input.entries()) {
    const text = p.text.trim();
    const old = p.id === undefined ? undefined : byId.get(p.id);
    if (old) {
      kept.add(old.id);
      // An answered proposal is a record the committee has acted on: its text stays as answered.
      if (old.answer === null && (old.text !== text || old.sort_order !== i))
        await repo.updateProposalText(db, old.id, i, text, at);
    } else {
      await repo.insertProposal(db, reportId, i, text, at);
    }
  }
  await repo.deleteProposals(
    db,
    existing.filter((p) => !kept.has(p.id) && p.answer === null).map((p) => p.id),
  );
}

/** Writes a new revision with the report's content as it now stands. */
export async function writeRevision(
  db: Db,
  ctx: Ctx,
  loaded: LoadedReport,
  note: string,
  content?: ReportContent,
) {
  content ??= await contentOf(db, loaded);
  await repo.insertRevision(db, {
    report_id: loaded.row.id,
    number: (await repo.countRevisions(db, loaded.row.id)) + 1,
    state: loaded.row.state,
    content_json: JSON.stringify(content),
    author_id: ctx.actor.id,
    author_name: ctx.actor.fullName,
    note,
    at: nowOf(ctx),
  });
}

/**
 * Saves sections, values and proposals. The caller sends the version it read: a stale one is
 * 409 and nothing is written. Every save keeps a revision.
 */
export async function saveReport(
  db: Db,
  ctx: Ctx,
  id: number,
  input: SaveReportBody,
  note: 'save' | 'excel' = 'save',
): Promise<Report> {
  return presentReport(db, ctx, await storeReport(db, ctx, id, input, note));
}

/** saveReport without presenting the result: what the demo, saving many reports, calls. */
export async function storeReport(
  db: Db,
  ctx: Ctx,
  id: number,
  input: SaveReportBody,
  note: 'save' | 'excel' = 'save',
): Promise<LoadedReport> {
  const loaded = await loadForEdit(db, ctx, id, input.version);
  const version = await getTemplateVersion(db, loaded.period.template_version_id);
  const keys = new Set(version.sections.map((s) => s.key));
  const unknown = Object.keys(input.sections).filter((k) => !keys.has(k));
  if (unknown.length > 0)
    throw Invalid(Object.fromEntries(unknown.map((k) => [`sections.${k}`, { rule: 'unknown' }])));
  const indicators = await reportIndicators(db, loaded);
  const values = checkValues(input.values, new Map(indicators.map((i) => [i.indicatorId, i])));
  const before = await contentOf(db, loaded, { indicators });
  const sections = { ...before.sections };
  for (const [k, html] of Object.entries(input.sections)) sections[k] = sanitizeRichText(html);
  const at = nowOf(ctx);
  const updated = await repo.updateReport(db, id, input.version, {
    sections_json: JSON.stringify(sections),
    updated_at: at,
  });
  if (!updated) throw StaleVersion('report');
  const quarter = quarterOf(loaded.period);
  if (quarter !== null) {
    await figures.writeQuarterValues(
      db,
      { unitId: updated.unit_id, year: loaded.period.year, quarter, reportId: id },
      values,
      at,
    );
  }
  await syncProposals(db, id, input.proposals, at);
  const after = { ...loaded, row: updated };
  // The values as just written: those sent replace (null removes), the others stay.
  const written = indicators.map((i) =>
    values.has(i.indicatorId) ? { ...i, value: values.get(i.indicatorId) ?? null } : i,
  );
  const content = await contentOf(db, after, { indicators: written });
  await writeRevision(db, ctx, after, note, content);
  await indexReport(db, ctx, id);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: updated.unit_id,
    entityType: 'report',
    entityId: id,
    summary: `${loaded.period.name}: ${(await getUnit(db, updated.unit_id)).name}`,
    before,
    after: content,
  });
  return after;
}

/** A period's report as another feature's compilation shows it: content only once sent. */
export interface CompiledReport {
  id: number;
  unitId: number;
  state: ReportState;
  late: boolean;
  submittedAt: string | null;
  acceptedAt: string | null;
  /** The template's sections with the stored (sanitized) HTML; null unless the report is sent. */
  sections: { key: string; title: string; html: string }[] | null;
  /** The proposals raised in it with their answers so far; empty unless the report is sent. */
  proposals: Report['proposals'];
}

/**
 * The reports of some units in a period, read in a few queries, for a feature compiling them
 * for the committee (the briefing meeting's summary), which has checked its reader itself. Only
 * a sent report (submitted or accepted, as for the figures) gives its sections and proposals:
 * a draft, one awaiting its head and a returned one are the unit's own until sent.
 */
export async function reportsForCompilation(
  db: Db,
  periodId: number,
  unitIds: number[],
): Promise<CompiledReport[]> {
  const period = await periodsRepo.findPeriod(db, periodId);
  if (!period) return [];
  const rows = await repo.listReports(db, { periodId, unitIds });
  const sent = rows.filter((r) => (figures.SENT_STATES as readonly string[]).includes(r.state));
  const version = await getTemplateVersion(db, period.template_version_id);
  const proposals = await repo.listProposals(
    db,
    sent.map((r) => r.id),
  );
  return rows.map((r) => {
    const isSent = sent.includes(r);
    const stored = isSent ? (JSON.parse(r.sections_json) as Record<string, string>) : null;
    return {
      id: r.id,
      unitId: r.unit_id,
      state: r.state as ReportState,
      late: r.late === 1,
      submittedAt: r.submitted_at,
      acceptedAt: r.accepted_at,
      sections:
        stored &&
        version.sections.map((s) => ({ key: s.key, title: s.title, html: stored[s.key] ?? '' })),
      proposals: proposals.filter((p) => p.report_id === r.id).map(presentProposal),
    };
  });
}
