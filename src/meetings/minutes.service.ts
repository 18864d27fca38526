import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Forbidden, Invalid, type FieldProblem } from '../http/errors.ts';
import { sanitizeRichText } from '../text/rich-text.ts';
import type { Ctx } from '../units/roles.ts';
import { presentAgendaItems } from './agenda.service.ts';
import { attendanceOf } from './attendance.service.ts';
import { loadMeeting, requireState, stale, type LoadedMeeting } from './meeting-access.ts';
import type { Minutes, SaveMinutesBody } from './meetings.schema.ts';
import { canRunMeeting, meetingPermissions } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import { indexMinutes } from './search-entries.service.ts';
import { loadNames, personOf, unitName } from './meetings.service.ts';
import { isOpen, type MeetingState } from './meetings.states.ts';

/*
 * The minutes (biên bản): pre-filled from the meeting (time, place, chair, secretary,
 * attendance, agenda with the actual times), one text per agenda item and a free closing part,
 * saved over the version the writer read: a stale save is refused with the minutes as they are
 * now, so nothing typed is lost. Locked at the conclusion, readable after.
 */

interface MinutesBody {
  speeches: Record<string, string>;
  closing: string;
}

async function presentMinutes(db: Db, ctx: Ctx, loaded: LoadedMeeting): Promise<Minutes> {
  const { row, units, tree, access } = loaded;
  const now = nowOf(ctx);
  const [names, stored, items, guests] = await Promise.all([
    loadNames(db, [row.period_id]),
    repo.findMinutes(db, row.id),
    repo.listAgendaItems(db, row.id),
    repo.listGuests(db, row.id),
  ]);
  const body = JSON.parse(stored!.body_json) as MinutesBody;
  const agenda = presentAgendaItems(items, units, names, now);
  return {
    meetingId: row.id,
    state: row.state as MeetingState,
    version: stored!.version,
    locked: !isOpen(row.state as MeetingState),
    prefill: {
      title: row.title,
      periodName: names.periods.get(row.period_id)?.name ?? '',
      unitName: unitName(names, row.unit_id) ?? '',
      startsAt: row.starts_at,
      plannedEndAt: row.planned_end_at,
      startedAt: row.started_at,
      endedAt: row.ended_at,
      place: row.place,
      chair: personOf(names, row.chair_account_id),
      secretary: personOf(names, row.secretary_account_id),
      attendance: attendanceOf(units, guests, names),
      agenda,
    },
    speeches: agenda.map((it) => ({ itemId: it.id, html: body.speeches[String(it.id)] ?? '' })),
    closing: body.closing,
    updatedAt: stored!.updated_by === null ? null : stored!.updated_at,
    updatedByName: stored!.updated_by_name,
    actions: meetingPermissions(ctx.actor, access, tree),
  };
}

export async function getMinutes(db: Db, ctx: Ctx, id: number): Promise<Minutes> {
  return presentMinutes(db, ctx, await loadMeeting(db, ctx, id, 'record'));
}

/** Saves the texts given over the version read; the other items' texts are kept. */
export async function saveMinutes(
  db: Db,
  ctx: Ctx,
  id: number,
  input: SaveMinutesBody,
): Promise<Minutes> {
  const loaded = await loadMeeting(db, ctx, id, 'record');
  const { row, tree } = loaded;
  if (!canRunMeeting(ctx.actor, loaded.access, tree)) throw Forbidden();
  requireState(row, ['planned', 'in_progress'], input.speeches ? 'speeches' : 'closing');
  const stored = (await repo.findMinutes(db, id))!;
  if (stored.version !== input.version)
    throw stale('minutes', stored.version, { current: await presentMinutes(db, ctx, loaded) });
  const itemIds = new Set((await repo.listAgendaItems(db, id)).map((it) => it.id));
  const fields: Record<string, FieldProblem> = {};
  (input.speeches ?? []).forEach((s, i) => {
    if (!itemIds.has(s.itemId)) fields[`speeches.${i}.itemId`] = { rule: 'notInMeeting' };
  });
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  const body = JSON.parse(stored.body_json) as MinutesBody;
  const before = { ...body, speeches: { ...body.speeches } };
  for (const s of input.speeches ?? []) body.speeches[String(s.itemId)] = sanitizeRichText(s.html);
  // Texts of items no longer on the agenda are dropped with them.
  for (const key of Object.keys(body.speeches))
    if (!itemIds.has(Number(key))) delete body.speeches[key];
  if (input.closing !== undefined) body.closing = sanitizeRichText(input.closing);
  const updated = await repo.updateMinutes(db, id, input.version, {
    body_json: JSON.stringify(body),
    updated_at: nowOf(ctx),
    updated_by: ctx.actor.id,
    updated_by_name: ctx.actor.fullName,
  });
  if (!updated)
    throw stale('minutes', stored.version, { current: await presentMinutes(db, ctx, loaded) });
  await indexMinutes(db, ctx, id);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: row.unit_id,
    entityType: 'meeting_minutes',
    entityId: id,
    summary: row.title,
    before,
    after: body,
  });
  return presentMinutes(db, ctx, loaded);
}
