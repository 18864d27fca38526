import type { Db } from '../db/schema.ts';
import { NotFound } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import { loadUnitTree } from '../units/units.service.ts';
import { accessOf } from './meeting-access.ts';
import { canReadMeeting, isConvener } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import { loadNames, personOf, unitName } from './meetings.service.ts';
import type { MeetingState } from './meetings.states.ts';

/*
 * What a concluded meeting decided, for the portal's news article about it: the time and place,
 * the chair, the units that reported (in agenda order, with who spoke), what the conclusion
 * acknowledged and found short, and its directives. The conclusion is what the committee makes
 * public; the portal, which checks its own people (editors, and the meeting's convening side),
 * reads it here without the meeting's reader check, as another feature's compilation would.
 */

export interface MeetingForArticle {
  id: number;
  title: string;
  state: MeetingState;
  unitId: number;
  unitName: string;
  periodName: string;
  startsAt: string;
  place: string;
  chair: { fullName: string; position: string | null } | null;
  /** The units that reported, in agenda order, with who spoke for each. */
  reporters: Array<{
    unitName: string;
    speakerName: string | null;
    speakerPosition: string | null;
  }>;
  /** Sanitized rich text of the conclusion. */
  acknowledged: string;
  shortcomings: string;
  directives: Array<{ text: string; leadUnitName: string | null; deadline: string | null }>;
}

/** A meeting's public record, or 404. */
export async function meetingForArticle(db: Db, id: number): Promise<MeetingForArticle> {
  const row = await repo.findMeeting(db, id);
  if (!row) throw NotFound('meeting');
  const [names, items, conclusion, directives, units] = await Promise.all([
    loadNames(db, [row.period_id]),
    repo.listAgendaItems(db, id),
    repo.findConclusion(db, id),
    repo.listDirectives(db, id),
    repo.listMeetingUnits(db, [id]),
  ]);
  const attendee = new Map(units.map((u) => [u.unit_id, u]));
  const seen = new Set<number>();
  const chair = personOf(names, row.chair_account_id);
  return {
    id: row.id,
    title: row.title,
    state: row.state as MeetingState,
    unitId: row.unit_id,
    unitName: unitName(names, row.unit_id) ?? '',
    periodName: names.periods.get(row.period_id)?.name ?? '',
    startsAt: row.starts_at,
    place: row.place,
    chair: chair && { fullName: chair.fullName, position: chair.position },
    // Each unit once, in the order it first spoke; who spoke: the item's speaker, else the
    // person who attended for the unit.
    reporters: items.flatMap((it) => {
      if (it.kind !== 'unit' || it.unit_id === null || seen.has(it.unit_id)) return [];
      seen.add(it.unit_id);
      const u = attendee.get(it.unit_id);
      return [
        {
          unitName: unitName(names, it.unit_id) ?? '',
          speakerName: it.speaker_name ?? u?.attendance_name ?? u?.attendee_name ?? null,
          speakerPosition:
            it.speaker_name !== null
              ? it.speaker_position
              : (u?.attendance_position ?? u?.attendee_position ?? null),
        },
      ];
    }),
    acknowledged: conclusion?.acknowledged ?? '',
    shortcomings: conclusion?.shortcomings ?? '',
    directives: directives.map((d) => ({
      text: d.text,
      leadUnitName: unitName(names, d.lead_unit_id),
      deadline: d.deadline,
    })),
  };
}

/** The concluded meetings, newest first (for an editor choosing one to write about). */
export async function concludedMeetings(db: Db) {
  const names = await loadNames(db);
  return (await repo.listMeetings(db, { state: 'concluded' })).map((m) => ({
    id: m.id,
    title: m.title,
    startsAt: m.starts_at,
    place: m.place,
    unitName: unitName(names, m.unit_id) ?? '',
  }));
}

/** What the caller is to a meeting: its convening side, a reader, or neither. */
export async function meetingRelation(
  db: Db,
  ctx: Ctx,
  id: number,
): Promise<{ convener: boolean; reader: boolean; state: MeetingState; title: string }> {
  const row = await repo.findMeeting(db, id);
  if (!row) throw NotFound('meeting');
  const access = accessOf(row, await repo.listMeetingUnits(db, [id]));
  const tree = await loadUnitTree(db);
  return {
    convener: isConvener(ctx.actor, access, tree),
    reader: canReadMeeting(ctx.actor, access, tree),
    state: row.state as MeetingState,
    title: row.title,
  };
}
