import type { Db } from '../db/schema.ts';
import { AppError, Forbidden, NotFound, StaleVersion, type FieldProblem } from '../http/errors.ts';
import type { MessageCode } from '../http/messages.ts';
import type { Ctx } from '../units/roles.ts';
import type { UnitTree } from '../units/unit-tree.ts';
import { loadUnitTree } from '../units/units.service.ts';
import { canReadMeeting, canReadRecord, type MeetingAccess } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import type { MeetingState } from './meetings.states.ts';
import type { MeetingRow, MeetingUnitRow } from './meetings.tables.ts';

/** A meeting as the services work on it: its row, its invited units and the unit tree. */
export interface LoadedMeeting {
  row: MeetingRow;
  units: MeetingUnitRow[];
  tree: UnitTree;
  access: MeetingAccess;
}

export function accessOf(row: MeetingRow, units: readonly MeetingUnitRow[]): MeetingAccess {
  return {
    unitId: row.unit_id,
    state: row.state as MeetingState,
    chairAccountId: row.chair_account_id,
    secretaryAccountId: row.secretary_account_id,
    invitedUnitIds: units.map((u) => u.unit_id),
  };
}

/**
 * Loads a meeting the caller may read (`record`: its minutes and conclusion): 404 when it does
 * not exist, 403 when not theirs.
 */
export async function loadMeeting(
  db: Db,
  ctx: Ctx,
  id: number,
  need: 'read' | 'record' = 'read',
): Promise<LoadedMeeting> {
  const row = await repo.findMeeting(db, id);
  if (!row) throw NotFound('meeting');
  const units = await repo.listMeetingUnits(db, [id]);
  const tree = await loadUnitTree(db);
  const access = accessOf(row, units);
  const allowed =
    need === 'read'
      ? canReadMeeting(ctx.actor, access, tree)
      : canReadRecord(ctx.actor, access, tree);
  if (!allowed) throw Forbidden();
  return { row, units, tree, access };
}

const STATE_ERRORS: Record<MeetingState, { code: MessageCode; rule: FieldProblem['rule'] }> = {
  planned: { code: 'meeting_not_started', rule: 'meetingNotStarted' },
  in_progress: { code: 'meeting_started', rule: 'meetingStarted' },
  concluded: { code: 'meeting_concluded', rule: 'meetingConcluded' },
  cancelled: { code: 'meeting_cancelled', rule: 'meetingCancelled' },
};

/** 409 saying why nothing can be done in the meeting's state, naming the field refused. */
export function wrongState(state: string, field: string): AppError {
  const e = STATE_ERRORS[state as MeetingState];
  return new AppError(409, e.code, {}, { [field]: { rule: e.rule } });
}

/** Refuses unless the meeting is in one of `states`. */
export function requireState(row: MeetingRow, states: readonly MeetingState[], field: string) {
  if (!states.includes(row.state as MeetingState)) throw wrongState(row.state, field);
}

/** 409 for a version the client read that is no longer the stored one. */
export function stale(
  entity: 'meeting' | 'agenda' | 'attendance' | 'minutes' | 'conclusion',
  current: number,
  extra: Record<string, unknown> = {},
): AppError {
  const base = StaleVersion(entity);
  return new AppError(
    409,
    base.code,
    base.params,
    { version: { rule: 'staleVersion', params: { current } } },
    {},
    extra,
  );
}
