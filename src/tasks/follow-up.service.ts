import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { loadMeeting } from '../meetings/meeting-access.ts';
import { getPeriod } from '../reports/periods.service.ts';
import { reportsForCompilation } from '../reports/reports.service.ts';
import type { Ctx } from '../units/roles.ts';
import { dueStatus, vnToday } from './deadlines.ts';
import * as loop from './loop.repository.ts';
import type { FollowUpItem, FollowUpMissing, TaskFollowUp } from './report-answers.schema.ts';
import { lastUpdatesAt, presentUpdate, unitNames } from './report-answers.service.ts';
import { canReadTask } from './tasks.policy.ts';
import * as repo from './tasks.repository.ts';
import { PENDING_TASK_STATES, isOpenTask, type TaskState } from './tasks.states.ts';

/*
 * The follow-up of the committee's tasks in a meeting's compiled summary: each task of the
 * convening unit that was open during the meeting's period, with its state, deadline and last
 * update as they stood when the meeting started (now, while it is planned), and the units that
 * did not answer, in their report for the period, about a task they lead. Read from the tasks'
 * history and updates with their times, so a later change does not rewrite what the meeting saw.
 */

const SENT = ['submitted', 'accepted'];
const isPending = (s: TaskState) => (PENDING_TASK_STATES as readonly TaskState[]).includes(s);

interface AsOf {
  state: TaskState;
  deadline: string;
  /** When it was closed (accepted or cancelled), if it was by then. */
  closedAt: string | null;
}

/** Each task's state and deadline as its history says they stood at `at`. */
async function statesAt(db: Db, taskIds: number[], at: string): Promise<Map<number, AsOf>> {
  const out = new Map<number, AsOf>();
  for (const h of await loop.historyUpTo(db, taskIds, at)) {
    const prev = out.get(h.task_id);
    const state = (h.to_state ?? prev?.state) as TaskState | undefined;
    const deadline = h.new_deadline ?? prev?.deadline;
    if (!state || !deadline) continue;
    const closed = !isOpenTask(state);
    out.set(h.task_id, {
      state,
      deadline,
      closedAt: closed ? (prev && !isOpenTask(prev.state) ? prev.closedAt : h.at) : null,
    });
  }
  return out;
}

/** The follow-up of a meeting, to whoever may read the meeting (tasks limited to what they read). */
export async function taskFollowUp(db: Db, ctx: Ctx, meetingId: number): Promise<TaskFollowUp> {
  const { row: meeting, tree } = await loadMeeting(db, ctx, meetingId);
  const asOf = meeting.started_at ?? nowOf(ctx);
  const period = await getPeriod(db, meeting.period_id);
  const issued = await loop.tasksIssuedBy(db, meeting.unit_id, asOf);
  const coordinating = await repo.coordinatingUnits(
    db,
    issued.map((t) => t.id),
  );
  const states = await statesAt(
    db,
    issued.map((t) => t.id),
    asOf,
  );
  // Open at some time of the period: still open then, or closed on or after its first day.
  const tasks = issued.filter((t) => {
    const s = states.get(t.id);
    if (!s) return false;
    if (s.closedAt && vnToday(s.closedAt) < period.startDate) return false;
    return canReadTask(
      ctx.actor,
      {
        unitId: t.unit_id,
        leadUnitId: t.lead_unit_id,
        coordinatingUnitIds: coordinating.get(t.id) ?? [],
        state: s.state,
      },
      tree,
    );
  });
  const names = await unitNames(db);
  const unit = (id: number) => ({ unitId: id, unitName: names.get(id) ?? '' });
  const last = await lastUpdatesAt(
    db,
    tasks.map((t) => t.id),
    asOf,
  );

  // The lead units' reports for the period, and what each answered in it by then.
  const leads = [...new Set(tasks.map((t) => t.lead_unit_id))].filter((u) =>
    period.unitIds.includes(u),
  );
  const reports = new Map(
    (await reportsForCompilation(db, period.id, leads)).map((r) => [r.unitId, r]),
  );
  const answered = new Set(
    (
      await loop.updatesOfReports(
        db,
        [...reports.values()].map((r) => r.id),
        asOf,
      )
    ).map((u) => `${u.report_id}:${u.task_id}`),
  );

  const today = vnToday(asOf);
  const missing = new Map<number, FollowUpMissing>();
  const items: FollowUpItem[] = tasks.map((t) => {
    const s = states.get(t.id)!;
    const report = reports.get(t.lead_unit_id);
    const inReport = !!report && answered.has(`${report.id}:${t.id}`);
    // Owed in the period's report: still owed, led by a unit reporting in the period, and
    // issued by the period's end (a later task is asked about in the next report).
    const owed =
      isPending(s.state) &&
      period.unitIds.includes(t.lead_unit_id) &&
      vnToday(t.created_at) <= period.endDate;
    if (owed && !inReport) {
      const sent =
        !!report &&
        SENT.includes(report.state) &&
        report.submittedAt !== null &&
        report.submittedAt <= asOf;
      // A task issued after the unit sent its report could not be answered in it.
      if (!sent || t.created_at < report.submittedAt!) {
        let entry = missing.get(t.lead_unit_id);
        if (!entry) {
          entry = {
            ...unit(t.lead_unit_id),
            reason: sent ? 'not_answered' : 'not_sent',
            tasks: [],
          };
          missing.set(t.lead_unit_id, entry);
        }
        entry.tasks.push({ taskId: t.id, title: t.title });
      }
    }
    const update = last.get(t.id);
    return {
      taskId: t.id,
      title: t.title,
      leadUnit: unit(t.lead_unit_id),
      coordinatingUnits: (coordinating.get(t.id) ?? []).map(unit),
      deadline: s.deadline,
      state: s.state,
      overdue: dueStatus(s.deadline, isPending(s.state), today).overdue,
      lastUpdate: update ? presentUpdate(update, names) : null,
      answeredInReport: inReport,
    };
  });
  const order = new Map([...names.keys()].map((id, i) => [id, i]));
  return {
    meetingId: meeting.id,
    asOf,
    live: meeting.started_at === null,
    items,
    missing: [...missing.values()].sort(
      (a, b) => (order.get(a.unitId) ?? 0) - (order.get(b.unitId) ?? 0),
    ),
  };
}
