import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Forbidden, Invalid, type FieldProblem } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import { loadMeeting, requireState, stale, type LoadedMeeting } from './meeting-access.ts';
import type { Attendance, SaveAttendanceBody } from './meetings.schema.ts';
import { canRunMeeting, meetingPermissions } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import { loadNames, presentGuest, unitName, type Names } from './meetings.service.ts';
import { isOpen, type MeetingState } from './meetings.states.ts';
import type { MeetingGuestRow, MeetingUnitRow } from './meetings.tables.ts';

/*
 * Attendance per invited unit (present: its head; represented by a named delegate; absent with
 * a reason) and per guest. Pre-filled from the invitation's answers, corrected at the door,
 * locked at the conclusion.
 */

export function attendanceOf(units: MeetingUnitRow[], guests: MeetingGuestRow[], names: Names) {
  const rows = units.map((u) => ({
    unitId: u.unit_id,
    unitName: unitName(names, u.unit_id) ?? '',
    attendance: u.attendance as Attendance['units'][number]['attendance'],
    name: u.attendance_name,
    position: u.attendance_position,
    absenceReason: u.absence_reason,
    response: u.response as Attendance['units'][number]['response'],
    attendeeName: u.attendee_name,
    attendeePosition: u.attendee_position,
  }));
  const count = (a: string) => rows.filter((r) => r.attendance === a).length;
  const presentGuests = guests.map(presentGuest);
  return {
    units: rows,
    guests: presentGuests,
    totals: {
      units: rows.length,
      present: count('present'),
      delegate: count('delegate'),
      absent: count('absent'),
      unknown: count('unknown'),
      guests: presentGuests.length,
      guestsPresent: presentGuests.filter((g) => g.present).length,
    },
  };
}

async function presentAttendance(db: Db, ctx: Ctx, loaded: LoadedMeeting): Promise<Attendance> {
  const { row, units, tree, access } = loaded;
  const names = await loadNames(db, [row.period_id]);
  return {
    meetingId: row.id,
    state: row.state as MeetingState,
    version: row.attendance_version,
    locked: !isOpen(row.state as MeetingState),
    ...attendanceOf(units, await repo.listGuests(db, row.id), names),
    actions: meetingPermissions(ctx.actor, access, tree),
  };
}

export async function getAttendance(db: Db, ctx: Ctx, id: number): Promise<Attendance> {
  return presentAttendance(db, ctx, await loadMeeting(db, ctx, id));
}

const clean = (value: string | null | undefined) => value?.trim().replace(/\s+/g, ' ') || null;

/** Records attendance for the units and guests listed; the others keep theirs. */
export async function saveAttendance(
  db: Db,
  ctx: Ctx,
  id: number,
  input: SaveAttendanceBody,
): Promise<Attendance> {
  const loaded = await loadMeeting(db, ctx, id);
  const { row, units, tree } = loaded;
  if (!canRunMeeting(ctx.actor, loaded.access, tree)) throw Forbidden();
  requireState(row, ['planned', 'in_progress'], input.units ? 'units' : 'guests');
  if (row.attendance_version !== input.version) throw stale('attendance', row.attendance_version);
  const invited = new Map(units.map((u) => [u.unit_id, u]));
  const guestIds = new Set((await repo.listGuests(db, id)).map((g) => g.id));
  const fields: Record<string, FieldProblem> = {};
  const unitPatches = (input.units ?? []).map((u, i) => {
    const at = `units.${i}`;
    const current = invited.get(u.unitId);
    if (!current) fields[`${at}.unitId`] = { rule: 'notInvited' };
    const name = clean(u.name);
    const position = clean(u.position);
    const reason = clean(u.reason);
    if (u.attendance === 'delegate') {
      if (!name) fields[`${at}.name`] = { rule: 'delegateName' };
      if (!position) fields[`${at}.position`] = { rule: 'delegatePosition' };
    }
    if (u.attendance === 'absent' && !reason) fields[`${at}.reason`] = { rule: 'absenceReason' };
    const headFromAnswer = current?.attendee_kind === 'head';
    return {
      unitId: u.unitId,
      patch: {
        attendance: u.attendance,
        attendance_name:
          u.attendance === 'delegate'
            ? name
            : u.attendance === 'present'
              ? (name ?? (headFromAnswer ? current.attendee_name : null))
              : null,
        attendance_position:
          u.attendance === 'delegate'
            ? position
            : u.attendance === 'present'
              ? (position ?? (headFromAnswer ? current.attendee_position : null))
              : null,
        absence_reason: u.attendance === 'absent' ? reason : null,
      },
    };
  });
  (input.guests ?? []).forEach((g, i) => {
    if (!guestIds.has(g.id)) fields[`guests.${i}.id`] = { rule: 'notInMeeting' };
  });
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  const before = await presentAttendance(db, ctx, loaded);
  if (!(await repo.bumpPart(db, id, 'attendance_version', input.version, nowOf(ctx))))
    throw stale('attendance', row.attendance_version);
  for (const u of unitPatches) await repo.updateMeetingUnit(db, id, u.unitId, u.patch);
  for (const g of input.guests ?? [])
    await repo.updateGuest(db, id, g.id, { present: g.present ? 1 : 0 });
  const reloaded = {
    ...loaded,
    row: (await repo.findMeeting(db, id))!,
    units: await repo.listMeetingUnits(db, [id]),
  };
  const attendance = await presentAttendance(db, ctx, reloaded);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: row.unit_id,
    entityType: 'meeting_attendance',
    entityId: id,
    summary: row.title,
    before: { units: before.units, guests: before.guests },
    after: { units: attendance.units, guests: attendance.guests },
  });
  return attendance;
}
