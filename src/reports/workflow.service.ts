import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Forbidden, Invalid, StaleVersion } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import { getUnit } from '../units/units.service.ts';
import { actsAs, loadReadable, type LoadedReport } from './report-access.ts';
import { reportSubmitted } from './report-hooks.ts';
import { notifyReportMoved } from './reports.notifications.ts';
import * as repo from './reports.repository.ts';
import type { Report, TransitionBody } from './reports.schema.ts';
import { presentReport } from './reports.service.ts';
import type { UnitReportTable } from './reports.tables.ts';
import {
  TRANSITIONS,
  checkTransition,
  isLate,
  type ReportAction,
  type ReportState,
} from './reports.states.ts';
import type { Updateable } from 'kysely';

/** The steps as the audit log's summary names them (the committee's language, as the pages do). */
const ACTION_NAMES: Record<ReportAction, string> = {
  send: 'gửi lãnh đạo duyệt',
  approve: 'duyệt và gửi Thị ủy',
  send_back: 'trả lại cán bộ',
  accept: 'tiếp nhận',
  return: 'trả lại đơn vị',
  reopen: 'sửa lại báo cáo',
};

/**
 * Moves a report along the workflow table. The table says whether the step exists from this
 * state; the policy says whether this caller is who takes it. A submission after the deadline
 * is marked late, never refused.
 */
export async function transitionReport(
  db: Db,
  ctx: Ctx,
  id: number,
  input: TransitionBody,
): Promise<Report> {
  return presentReport(db, ctx, await moveReport(db, ctx, id, input));
}

/** transitionReport without presenting the result: what the demo, moving many reports, calls. */
export async function moveReport(
  db: Db,
  ctx: Ctx,
  id: number,
  input: TransitionBody,
): Promise<LoadedReport> {
  const loaded = await loadReadable(db, ctx, id);
  const { row, period } = loaded;
  const transition = TRANSITIONS[input.action];
  if (!actsAs(ctx.actor, transition.by, loaded)) throw Forbidden();
  if (row.version !== input.version) throw StaleVersion('report');
  if (period.status !== 'open' && transition.by !== 'secretariat') {
    throw new AppError(409, 'period_closed', { name: period.name });
  }
  const state = row.state as ReportState;
  const check = checkTransition(state, input.action, input.comment);
  if (!check.ok) {
    if (check.reason === 'comment_required') throw Invalid({ comment: { rule: 'reasonRequired' } });
    throw new AppError(409, 'report_wrong_state', { state });
  }
  const at = nowOf(ctx);
  const comment = input.comment?.trim() || null;
  const patch: Updateable<UnitReportTable> = { state: check.to, updated_at: at };
  let late = false;
  if (check.to === 'submitted') {
    late = isLate(period.deadline, at);
    patch.late = late ? 1 : 0;
    patch.submitted_at = at;
  }
  if (check.to === 'accepted') patch.accepted_at = at;
  // The reason of a return (by the secretariat, or by the unit's head) is shown to the reporter.
  if (TRANSITIONS[input.action].comment) patch.return_comment = comment;
  if (input.action === 'send') patch.return_comment = null;
  const updated = await repo.updateReport(db, id, input.version, patch, state);
  if (!updated) throw StaleVersion('report');
  await repo.insertEvent(db, {
    report_id: id,
    action: input.action,
    from_state: state,
    to_state: check.to,
    comment,
    late: late ? 1 : 0,
    actor_id: ctx.actor.id,
    actor_name: ctx.actor.fullName,
    at,
  });
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: row.unit_id,
    entityType: 'report',
    entityId: id,
    summary: `${period.name}: ${(await getUnit(db, row.unit_id)).name} – ${ACTION_NAMES[input.action]}`,
    before: { state },
    after: { state: check.to, ...(comment && { comment }), ...(late && { late }) },
  });
  if (check.to === 'submitted')
    await reportSubmitted(db, ctx, {
      id,
      unitId: row.unit_id,
      periodId: period.id,
      convenerId: period.unit_id,
      at,
    });
  await notifyReportMoved(
    db,
    ctx,
    { id, unitId: row.unit_id, periodName: period.name },
    input.action,
    comment,
  );
  return { ...loaded, row: updated };
}
