import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Invalid, NotFound, type FieldProblem } from '../http/errors.ts';
import { vnToday } from '../reports/board.service.ts';
import { loadPeriod } from '../reports/periods.service.ts';
import { progressTable } from '../reports/progress.service.ts';
import { reportsForCompilation, type CompiledReport } from '../reports/reports.service.ts';
import type { Ctx } from '../units/roles.ts';
import { listUnits } from '../units/units.service.ts';
import { loadMeeting } from './meeting-access.ts';
import * as meetings from './meetings.repository.ts';
import type { AgendaItemRow, MeetingUnitRow } from './meetings.tables.ts';
import type { CompiledSummary, MeetingCompiledSummary, SummaryUnit } from './summary.schema.ts';
import * as repo from './summary.repository.ts';
import type { MeetingSummaryRow } from './summary.tables.ts';

/** What a unit's report gives the summary: accepted, submitted (marked), or missing and why. */
function standing(
  report: CompiledReport | undefined,
): Pick<SummaryUnit, 'status' | 'missingReason'> {
  switch (report?.state) {
    case 'accepted':
      return { status: 'accepted', missingReason: null };
    case 'submitted':
      return { status: 'submitted', missingReason: null };
    case 'draft':
    case 'awaiting_approval':
    case 'returned':
      return { status: 'missing', missingReason: report.state };
    case undefined:
      return { status: 'missing', missingReason: 'no_report' };
  }
}

/**
 * The compiled summary (báo cáo tổng hợp) of a period for the units given, in their order:
 * each unit's report section by section (accepted ones, and submitted ones not yet accepted,
 * marked; drafts, reports awaiting the unit's head, returned reports and absent ones listed as
 * missing, their content never shown), the year's targets and progress from the reporting
 * feature's progress table (values of sent reports only), and every proposal raised in the sent
 * reports with its answer so far. Content is kept as stored (sanitized HTML). Whoever calls it
 * has checked that the caller may read the meeting it is for.
 */
export async function buildCompiledSummary(
  db: Db,
  ctx: Ctx,
  input: { periodId: number; unitIds: readonly number[] },
): Promise<CompiledSummary> {
  const period = await loadPeriod(db, input.periodId);
  const units = new Map((await listUnits(db)).map((u) => [u.id, u]));
  const problems: Record<string, FieldProblem> = {};
  input.unitIds.forEach((id, i) => {
    if (!units.has(id)) problems[`unitIds.${i}`] = { rule: 'notFound' };
  });
  if (Object.keys(problems).length > 0) throw Invalid(problems);
  const unitIds = [...new Set(input.unitIds)];
  const reports = new Map(
    (await reportsForCompilation(db, period.id, unitIds)).map((r) => [r.unitId, r]),
  );
  const unitNames = new Map([...units].map(([id, u]) => [id, u.name]));
  const table =
    unitIds.length === 0
      ? null
      : await progressTable(db, period.year, {
          unitIds,
          // The period's own date: a quarter's meeting speaks of the year through that quarter.
          asOf: period.end_date,
          unitNames,
          today: vnToday(nowOf(ctx)),
        });

  const rowsByUnit = new Map<number, SummaryUnit['figures']['rows']>();
  if (table) {
    const r = table.rows;
    r.unitId.forEach((unitId, i) => {
      let list = rowsByUnit.get(unitId);
      if (!list) rowsByUnit.set(unitId, (list = []));
      list.push({
        indicatorId: r.indicatorId[i]!,
        target: r.target[i]!,
        actual: r.actual[i]!,
        percent: r.percent[i]!,
        status: r.status[i]!,
      });
    });
  }
  const unitAsOf = new Map(table?.units.map((u) => [u.id, u.asOf]) ?? []);

  const summaryUnits: SummaryUnit[] = unitIds.map((unitId, i) => {
    const report = reports.get(unitId);
    const { status, missingReason } = standing(report);
    return {
      position: i + 1,
      unitId,
      unitName: unitNames.get(unitId) ?? '',
      status,
      missingReason,
      reportId: report?.id ?? null,
      reportState: report?.state ?? null,
      late: status !== 'missing' && (report?.late ?? false),
      submittedAt: status === 'missing' ? null : (report?.submittedAt ?? null),
      acceptedAt: status === 'accepted' ? (report?.acceptedAt ?? null) : null,
      sections: status === 'missing' ? [] : (report?.sections ?? []),
      figures: { asOf: unitAsOf.get(unitId) ?? null, rows: rowsByUnit.get(unitId) ?? [] },
    };
  });

  const totals = new Map(table?.totals.map((t) => [t.indicatorId, t]) ?? []);
  const proposals = summaryUnits.flatMap((u) =>
    u.status === 'missing'
      ? []
      : (reports.get(u.unitId)?.proposals ?? []).map((p) => ({
          id: p.id,
          unitId: u.unitId,
          unitName: u.unitName,
          reportId: u.reportId!,
          text: p.text,
          answer: p.answer,
          answeredByName: p.answeredByName,
          answeredAt: p.answeredAt,
        })),
  );
  const count = (s: SummaryUnit['status']) => summaryUnits.filter((u) => u.status === s).length;
  return {
    periodId: period.id,
    periodName: period.name,
    year: period.year,
    builtAt: nowOf(ctx),
    counts: {
      units: summaryUnits.length,
      accepted: count('accepted'),
      submitted: count('submitted'),
      missing: count('missing'),
    },
    units: summaryUnits,
    missing: summaryUnits
      .filter((u) => u.status === 'missing')
      .map((u) => ({ unitId: u.unitId, unitName: u.unitName, reason: u.missingReason! })),
    indicators: {
      year: period.year,
      asOf: table?.asOf ?? null,
      coverage: table?.coverage ?? { covered: 0, units: 0 },
      counted: table?.counted ?? [],
      items: (table?.indicators ?? []).map((ind) => {
        const t = totals.get(ind.id);
        return {
          indicatorId: ind.id,
          code: ind.code,
          name: ind.name,
          measure: ind.measure,
          aggregation: ind.aggregation,
          target: t?.target ?? null,
          actual: t?.actual ?? null,
          percent: t?.percent ?? null,
          expected: t?.expected ?? null,
          status: t?.status ?? 'no_data',
        };
      }),
    },
    proposals,
  };
}

/** The invited units in agenda order: the agenda's unit items first, then the others invited. */
export function agendaOrder(
  invited: readonly MeetingUnitRow[],
  agenda: readonly AgendaItemRow[],
): number[] {
  const invitedIds = new Set(invited.map((u) => u.unit_id));
  const order = new Set<number>();
  for (const item of agenda)
    if (item.kind === 'unit' && item.unit_id !== null && invitedIds.has(item.unit_id))
      order.add(item.unit_id);
  for (const u of [...invited].sort((a, b) => a.sort_order - b.sort_order)) order.add(u.unit_id);
  return [...order];
}

/**
 * Freezes the meeting's compiled summary: built now, for its invited units in agenda order, and
 * stored, in the caller's transaction (the meeting's start, which has checked the caller). A
 * summary once frozen is kept as it was presented: freezing again returns the stored one.
 */
export async function freezeSummary(
  db: Db,
  ctx: Ctx,
  meetingId: number,
): Promise<{ frozenAt: string; summary: CompiledSummary }> {
  const stored = await repo.findSummary(db, meetingId);
  if (stored) return presentStored(stored);
  const meeting = await meetings.findMeeting(db, meetingId);
  if (!meeting) throw NotFound('meeting');
  const [invited, agenda] = await Promise.all([
    meetings.listMeetingUnits(db, [meetingId]),
    meetings.listAgendaItems(db, meetingId),
  ]);
  const built = await buildCompiledSummary(db, ctx, {
    periodId: meeting.period_id,
    unitIds: agendaOrder(invited, agenda),
  });
  // Frozen at the start's own moment, in the same transaction.
  const frozenAt = meeting.started_at ?? nowOf(ctx);
  const summary = { ...built, builtAt: frozenAt };
  await repo.insertSummary(db, {
    meeting_id: meetingId,
    body_json: JSON.stringify(summary),
    frozen_at: frozenAt,
  });
  return { frozenAt, summary };
}

function presentStored(row: MeetingSummaryRow): { frozenAt: string; summary: CompiledSummary } {
  return { frozenAt: row.frozen_at, summary: JSON.parse(row.body_json) as CompiledSummary };
}

/**
 * The meeting's summary as its page shows it, to whoever may read the meeting: the stored
 * snapshot once the meeting has started (frozenAt set), built live before that.
 */
export async function readMeetingSummary(
  db: Db,
  ctx: Ctx,
  meetingId: number,
): Promise<MeetingCompiledSummary> {
  // The snapshot is read beside the meeting's checks (side by side on a pool) and only
  // returned once they pass: a refusal throws before it is used.
  const [loaded, stored] = await Promise.all([
    loadMeeting(db, ctx, meetingId),
    repo.findSummary(db, meetingId),
  ]);
  if (stored) return presentStored(stored);
  const summary = await buildCompiledSummary(db, ctx, {
    periodId: loaded.row.period_id,
    unitIds: agendaOrder(loaded.units, await meetings.listAgendaItems(db, meetingId)),
  });
  return { frozenAt: null, summary };
}
