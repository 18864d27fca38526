import { Type, type Static } from 'typebox';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Nullable } from '../http/schema-helpers.ts';
import type { Ctx } from '../units/roles.ts';
import { listUnits, loadUnitTree } from '../units/units.service.ts';
import { boardStatus, vnToday } from './board.service.ts';
import * as periodsRepo from './periods.repository.ts';
import { listProposals } from './proposals.service.ts';
import { canFollowPeriods, canHeadReport, canWriteReport } from './reports.policy.ts';
import * as repo from './reports.repository.ts';
import { ReportStateSchema } from './reports.schema.ts';
import type { PeriodRow, ReportRow } from './reports.tables.ts';
import type { ReportState } from './reports.states.ts';

/*
 * What the reporting feature asks of the signed-in person, for the home page: reports to write
 * (with a returned one's reason and the reminders the secretariat sent), reports to approve, the
 * boards of the open periods the person follows, and proposals to answer. Only open periods: a
 * closed period takes no more work. "Overdue" compares the deadline with today in Vietnam, from
 * the request's clock.
 */

const MAX_PROPOSALS = 5;

const ReportItem = Type.Object({
  reportId: Type.Integer(),
  periodId: Type.Integer(),
  periodName: Type.String(),
  unitId: Type.Integer(),
  unitName: Type.String(),
  state: ReportStateSchema,
  deadline: Type.String({ description: 'YYYY-MM-DD' }),
  daysLeft: Type.Integer({ description: 'Days from today (Vietnam) to the deadline; < 0 overdue' }),
  overdue: Type.Boolean(),
  comment: Nullable(Type.String({ description: 'Why it came back (head or secretariat)' })),
  commentByName: Nullable(Type.String()),
});

export const ReportsTodo = Type.Object({
  toWrite: Type.Array(ReportItem, { description: 'Drafts and returned reports the person writes' }),
  toApprove: Type.Array(ReportItem, { description: "Reports awaiting the unit head's approval" }),
  reminders: Type.Array(
    Type.Object({
      reportId: Type.Integer(),
      periodId: Type.Integer(),
      periodName: Type.String(),
      unitName: Type.String(),
      message: Type.String(),
      sentByName: Nullable(Type.String()),
      at: Type.String(),
    }),
    { description: 'Reminders sent to the units of the reports still to write, newest first' },
  ),
  boards: Type.Array(
    Type.Object({
      periodId: Type.Integer(),
      periodName: Type.String(),
      deadline: Type.String(),
      overdue: Type.Boolean({ description: 'The deadline has passed and reports are missing' }),
      units: Type.Integer(),
      sent: Type.Integer({ description: 'Submitted or accepted' }),
      late: Type.Integer({ description: 'Sent after the deadline' }),
      missing: Type.Integer({ description: 'Not at the committee yet' }),
      toReview: Type.Integer({ description: 'Submitted, waiting to be accepted or returned' }),
    }),
    { description: 'Open periods of the committees the person follows' },
  ),
  proposals: Type.Object({
    total: Type.Integer(),
    items: Type.Array(
      Type.Object({
        id: Type.Integer(),
        text: Type.String(),
        reportId: Type.Integer(),
        unitName: Type.String(),
        periodId: Type.Integer(),
        periodName: Type.String(),
      }),
      { description: `Unanswered, the first ${MAX_PROPOSALS}` },
    ),
  }),
});
export type ReportsTodo = Static<typeof ReportsTodo>;

const dayNumber = (day: string) => Date.parse(`${day}T00:00:00Z`) / 86_400_000;

export async function reportsTodo(db: Db, ctx: Ctx): Promise<ReportsTodo> {
  const today = vnToday(new Date(nowOf(ctx)));
  const tree = await loadUnitTree(db);
  const units = new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  const open = await periodsRepo.listPeriods(db, { status: 'open' });
  const periods = new Map(open.map((p) => [p.id, p]));
  const rows: ReportRow[] = [];
  for (const p of open) rows.push(...(await repo.listReports(db, { periodId: p.id })));
  const byDeadline = (a: { deadline: string }, b: { deadline: string }) =>
    a.deadline.localeCompare(b.deadline);

  const item = async (row: ReportRow, period: PeriodRow) => {
    let comment: string | null = null;
    let commentByName: string | null = null;
    if (row.state === 'returned' || row.state === 'draft') {
      // The last step brought it back: the secretariat's return or the head's send-back.
      const last = (await repo.listEvents(db, row.id)).at(-1);
      if (last && (last.action === 'return' || last.action === 'send_back')) {
        comment = last.comment ?? (row.state === 'returned' ? row.return_comment : null);
        commentByName = last.actor_name;
      }
    }
    const daysLeft = dayNumber(period.deadline) - dayNumber(today);
    return {
      reportId: row.id,
      periodId: period.id,
      periodName: period.name,
      unitId: row.unit_id,
      unitName: units.get(row.unit_id) ?? '',
      state: row.state as ReportState,
      deadline: period.deadline,
      daysLeft,
      overdue: daysLeft < 0,
      comment,
      commentByName,
    };
  };

  const writing = rows.filter(
    (r) =>
      (r.state === 'draft' || r.state === 'returned') && canWriteReport(ctx.actor, r.unit_id, tree),
  );
  const toWrite = [];
  const reminders: ReportsTodo['reminders'] = [];
  for (const row of writing) {
    const period = periods.get(row.period_id)!;
    toWrite.push(await item(row, period));
    for (const m of await periodsRepo.listReminders(db, period.id, row.unit_id)) {
      reminders.push({
        reportId: row.id,
        periodId: period.id,
        periodName: period.name,
        unitName: units.get(row.unit_id) ?? '',
        message: m.message,
        sentByName: m.sent_by_name,
        at: m.at,
      });
    }
  }
  const toApprove = [];
  for (const row of rows) {
    if (row.state === 'awaiting_approval' && canHeadReport(ctx.actor, row.unit_id, tree))
      toApprove.push(await item(row, periods.get(row.period_id)!));
  }

  const boards = open
    .filter((p) => canFollowPeriods(ctx.actor, p.unit_id, tree))
    .map((p) => {
      const mine = rows.filter((r) => r.period_id === p.id);
      const statuses = mine.map((r) => boardStatus(r.state as ReportState));
      const sent = statuses.filter((s) => s === 'submitted' || s === 'accepted').length;
      const missing = mine.length - sent;
      return {
        periodId: p.id,
        periodName: p.name,
        deadline: p.deadline,
        overdue: missing > 0 && today > p.deadline,
        units: mine.length,
        sent,
        late: mine.filter(
          (r, i) => r.late === 1 && (statuses[i] === 'submitted' || statuses[i] === 'accepted'),
        ).length,
        missing,
        toReview: statuses.filter((s) => s === 'submitted').length,
      };
    })
    .sort(byDeadline);

  // Proposals are answered by the committee's secretariat or chair, in any period still open or not.
  const follows = ctx.actor.roles.some((g) => g.role === 'secretariat' || g.role === 'chair');
  const allPeriods = new Map((await periodsRepo.listPeriods(db, {})).map((p) => [p.id, p.unit_id]));
  const unanswered = follows
    ? (await listProposals(db, ctx, { status: 'open' })).items.filter((p) =>
        canFollowPeriods(ctx.actor, allPeriods.get(p.periodId)!, tree),
      )
    : [];

  return {
    toWrite: toWrite.sort(byDeadline),
    toApprove: toApprove.sort(byDeadline),
    reminders: reminders.sort((a, b) => b.at.localeCompare(a.at)),
    boards,
    proposals: {
      total: unanswered.length,
      items: unanswered.slice(0, MAX_PROPOSALS).map((p) => ({
        id: p.id,
        text: p.text,
        reportId: p.reportId,
        unitName: p.unitName,
        periodId: p.periodId,
        periodName: p.periodName,
      })),
    },
  };
}
