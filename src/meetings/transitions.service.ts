import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Forbidden, Invalid } from '../http/errors.ts';
import type { Lang } from '../http/i18n.ts';
import type { Ctx } from '../units/roles.ts';
import { loadMeeting, stale, wrongState } from './meeting-access.ts';
import type { Meeting, MeetingTransitionBody } from './meetings.schema.ts';
import { canConclude, canRunMeeting, isMeetingChair } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import { presentMeeting } from './meetings.service.ts';
import {
  MEETING_TRANSITIONS,
  checkMeetingTransition,
  type MeetingState,
} from './meetings.states.ts';
import type { MeetingTable } from './meetings.tables.ts';
import { currentItem, endItem } from './running.service.ts';
import { freezeSummary } from './summary.service.ts';
import type { Updateable } from 'kysely';

/**
 * Moves a meeting along its states table: start (the compiled summary is frozen in the same
 * transaction), cancel (with a reason), conclude (the chair, or the secretariat on the chair's
 * behalf, recorded as such; the minutes and the attendance lock). The table says whether the
 * step exists from this state, the policy whether this caller takes it.
 */
export async function transitionMeeting(
  db: Db,
  ctx: Ctx,
  id: number,
  input: MeetingTransitionBody,
  lang: Lang = 'vi',
): Promise<Meeting> {
  const loaded = await loadMeeting(db, ctx, id);
  const { row, tree, access } = loaded;
  const by = MEETING_TRANSITIONS[input.action].by;
  const allowed =
    by === 'chair' ? canConclude(ctx.actor, access, tree) : canRunMeeting(ctx.actor, access, tree);
  if (!allowed) throw Forbidden();
  const from = row.state as MeetingState;
  const check = checkMeetingTransition(from, input.action, input.reason);
  if (!check.ok) {
    if (check.reason === 'reason_required') throw Invalid({ reason: { rule: 'cancelReason' } });
    throw wrongState(from, 'action');
  }
  if (row.version !== input.version) throw stale('meeting', row.version);
  const at = nowOf(ctx);
  const patch: Updateable<MeetingTable> = { state: check.to, updated_at: at };
  if (input.action === 'start') patch.started_at = at;
  if (input.action === 'cancel') patch.cancel_reason = input.reason!.trim();
  if (input.action === 'conclude') {
    const chair = isMeetingChair(ctx.actor, access, tree);
    patch.concluded_at = at;
    patch.ended_at = at;
    patch.concluded_by = ctx.actor.id;
    patch.concluded_by_name = ctx.actor.fullName;
    patch.on_behalf_of = chair ? null : row.chair_account_id;
    const speaking = currentItem(await repo.listAgendaItems(db, id));
    if (speaking) await endItem(db, id, speaking, at);
  }
  const updated = await repo.updateMeeting(db, id, input.version, patch);
  if (!updated) throw stale('meeting', row.version);
  if (input.action === 'start') await freezeSummary(db, ctx, id);
  const meeting = await presentMeeting(db, ctx, { ...loaded, row: updated }, lang);
  await recordAudit(db, ctx, {
    action: 'move',
    unitId: row.unit_id,
    entityType: 'meeting',
    entityId: id,
    summary: row.title,
    before: { state: from },
    after: {
      state: check.to,
      action: input.action,
      ...(input.action === 'cancel' && { reason: patch.cancel_reason }),
      ...(input.action === 'conclude' && {
        concludedBy: ctx.actor.fullName,
        onBehalfOf: meeting.onBehalfOfName,
      }),
    },
  });
  return meeting;
}
