import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Forbidden, Invalid } from '../http/errors.ts';
import { listMeetings } from '../meetings/meetings.service.ts';
import type { Ctx } from '../units/roles.ts';
import { listUnits, loadUnitTree } from '../units/units.service.ts';
import { addDays, quarterDays, quarterOf, vnToday } from './deadlines.ts';
import * as repo from './overview.repository.ts';
import {
  OVERVIEW_DUE_DAYS,
  type Figure,
  type OverviewQuery,
  type TaskListFilter,
  type TaskOverview,
} from './overview.schema.ts';
import { canReadCommitteeTasks, committeeUnitsOf } from './tasks.policy.ts';
import { OPEN_TASK_STATES, PENDING_TASK_STATES, type TaskState } from './tasks.states.ts';

/*
 * The chair's overview of a convening unit's tasks: open tasks by unit (as lead and as
 * coordinating unit), overdue and due within OVERVIEW_DUE_DAYS (from today in
 * Asia/Ho_Chi_Minh), completion rate per unit and per source meeting, extensions, and the
 * accepted tasks done on time or late per quarter. "Done" is the day the lead unit last
 * reported the task done (the report the secretariat accepted), "on time" that day no later
 * than the deadline in force. Each figure carries the task list's filters that show its tasks.
 */

const OPEN: readonly string[] = OPEN_TASK_STATES;
const PENDING: readonly string[] = PENDING_TASK_STATES;
const ASSIGNED: TaskState[] = [...OPEN_TASK_STATES, 'accepted'];

interface Tally {
  open: number;
  overdue: number;
  dueSoon: number;
  accepted: number;
  assigned: number;
  extended: number;
  extensions: number;
}

const emptyTally = (): Tally => ({
  open: 0,
  overdue: 0,
  dueSoon: 0,
  accepted: 0,
  assigned: 0,
  extended: 0,
  extensions: 0,
});

function add(t: Tally, c: repo.StateCounts): void {
  if (OPEN.includes(c.state)) t.open += c.n;
  if (PENDING.includes(c.state)) {
    t.overdue += c.beforeToday;
    t.dueSoon += c.dueWindow;
  }
  if (c.state === 'accepted') t.accepted += c.n;
  if (c.state !== 'cancelled') t.assigned += c.n;
  t.extended += c.extended;
  t.extensions += c.extensions;
}

function tallyBy(rows: (repo.StateCounts & { groupId: number })[]): Map<number, Tally> {
  const map = new Map<number, Tally>();
  for (const r of rows) {
    const t = map.get(r.groupId) ?? emptyTally();
    add(t, r);
    map.set(r.groupId, t);
  }
  return map;
}

const rate = (accepted: number, assigned: number) =>
  assigned === 0 ? null : Math.round((accepted / assigned) * 1000) / 1000;

/** The figures of one scope (the whole convener, a unit as lead, as coordinating, a meeting). */
function figures(t: Tally, scope: TaskListFilter, today: string, until: string) {
  const fig = (count: number, filter: TaskListFilter): Figure => ({
    count,
    filter: { ...scope, ...filter },
  });
  return {
    open: fig(t.open, { state: [...OPEN_TASK_STATES] }),
    overdue: fig(t.overdue, { overdue: true }),
    dueSoon: fig(t.dueSoon, {
      state: [...PENDING_TASK_STATES],
      deadlineFrom: today,
      deadlineTo: until,
    }),
    accepted: fig(t.accepted, { state: ['accepted'] }),
    assigned: fig(t.assigned, { state: ASSIGNED }),
    rate: rate(t.accepted, t.assigned),
    extended: fig(t.extended, { extended: true }),
    extensions: t.extensions,
  };
}

/** The convening units the caller may see the overview of: where they chair or are the secretariat. */
function convenersOf(ctx: Ctx): number[] {
  return committeeUnitsOf(ctx.actor);
}

export async function taskOverview(db: Db, ctx: Ctx, q: OverviewQuery): Promise<TaskOverview> {
  const tree = await loadUnitTree(db);
  const conveners = convenersOf(ctx);
  const unitId = q.unitId ?? conveners[0];
  if (unitId === undefined) throw Forbidden();
  if (!tree.has(unitId)) throw Invalid({ unitId: { rule: 'notFound' } });
  if (!canReadCommitteeTasks(ctx.actor, unitId, tree)) throw Forbidden();

  const today = vnToday(nowOf(ctx));
  const until = addDays(today, OVERVIEW_DUE_DAYS);
  const window = { today, until };
  const [byLead, byCoordinating, byMeeting, accepted, units] = await Promise.all([
    repo.countsByLeadUnit(db, unitId, window),
    repo.countsByCoordinatingUnit(db, unitId, window),
    repo.countsByMeeting(db, unitId),
    repo.acceptedTasks(db, unitId),
    listUnits(db),
  ]);
  const names = new Map(units.map((u) => [u.id, u.name]));
  const base: TaskListFilter = { convenerId: unitId };

  const total = emptyTally();
  for (const r of byLead) add(total, r);
  const lead = tallyBy(byLead);
  const coordinating = tallyBy(byCoordinating);
  const unitRows = units
    .filter((u) => lead.has(u.id) || coordinating.has(u.id))
    .map((u) => {
      const asLead = figures(
        lead.get(u.id) ?? emptyTally(),
        { ...base, unitId: u.id, role: 'lead' },
        today,
        until,
      );
      const asCoordinating = figures(
        coordinating.get(u.id) ?? emptyTally(),
        { ...base, unitId: u.id, role: 'coordinating' },
        today,
        until,
      );
      return {
        unitId: u.id,
        unitName: u.name,
        lead: { open: asLead.open, overdue: asLead.overdue, dueSoon: asLead.dueSoon },
        coordinating: {
          open: asCoordinating.open,
          overdue: asCoordinating.overdue,
          dueSoon: asCoordinating.dueSoon,
        },
        accepted: asLead.accepted,
        assigned: asLead.assigned,
        rate: asLead.rate,
        extended: asLead.extended,
        extensions: asLead.extensions,
      };
    });

  const perMeeting = new Map<number, Tally>();
  for (const r of byMeeting) {
    const t = perMeeting.get(r.meetingId) ?? emptyTally();
    add(t, { state: r.state, n: r.n, beforeToday: 0, dueWindow: 0, extended: 0, extensions: 0 });
    perMeeting.set(r.meetingId, t);
  }
  const meetings = perMeeting.size === 0 ? [] : (await listMeetings(db, ctx, { unitId })).items;
  const meetingOf = new Map(meetings.map((m) => [m.id, m]));
  const meetingRows = [...perMeeting.entries()]
    .map(([meetingId, t]) => {
      const f = figures(t, { ...base, meetingId }, today, until);
      const m = meetingOf.get(meetingId);
      return {
        meetingId,
        title: m?.title ?? `#${meetingId}`,
        startsAt: m?.startsAt ?? null,
        open: f.open,
        accepted: f.accepted,
        assigned: f.assigned,
        rate: f.rate,
      };
    })
    .sort(
      (a, b) => (b.startsAt ?? '').localeCompare(a.startsAt ?? '') || b.meetingId - a.meetingId,
    );

  const quarters = new Map<
    string,
    { year: number; quarter: number; onTime: number; late: number }
  >();
  for (const t of accepted) {
    if (t.doneAt === null) continue;
    const day = vnToday(t.doneAt);
    const { year, quarter } = quarterOf(day);
    const key = `${year}-${quarter}`;
    const q = quarters.get(key) ?? { year, quarter, onTime: 0, late: 0 };
    if (day > t.deadline) q.late++;
    else q.onTime++;
    quarters.set(key, q);
  }
  const quarterRows = [...quarters.values()]
    .sort((a, b) => a.year - b.year || a.quarter - b.quarter)
    .map((q) => {
      const days = quarterDays(q.year, q.quarter);
      const filter = (late: boolean): TaskListFilter => ({
        ...base,
        state: ['accepted'],
        doneFrom: days.from,
        doneTo: days.to,
        late,
      });
      return {
        year: q.year,
        quarter: q.quarter,
        onTime: { count: q.onTime, filter: filter(false) },
        late: { count: q.late, filter: filter(true) },
      };
    });

  return {
    unitId,
    unitName: names.get(unitId) ?? '',
    today,
    dueDays: OVERVIEW_DUE_DAYS,
    conveners: conveners.map((id) => ({ unitId: id, unitName: names.get(id) ?? '' })),
    totals: figures(total, base, today, until),
    units: unitRows,
    meetings: meetingRows,
    quarters: quarterRows,
  };
}
