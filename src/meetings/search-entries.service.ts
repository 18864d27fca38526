import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { putSearchEntry, searchText } from '../db/search-index.ts';
import type { Ctx } from '../units/roles.ts';
import { loadUnitTree } from '../units/units.service.ts';
import { accessOf } from './meeting-access.ts';
import { canReadRecord } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import { meetingsByIds } from './search-entries.repository.ts';

/*
 * The meetings feature's rows of the workspace search index (src/db/search-index.ts): a
 * meeting's minutes and its conclusion with the directives, written in the transaction of the
 * save; and who may open what the search found (the record's reader: the convening side
 * always, the invited units once the meeting is concluded).
 */

interface MinutesBody {
  speeches: Record<string, string>;
  closing: string;
}

/** Writes the index row of a meeting's minutes as they now stand. */
export async function indexMinutes(db: Db, ctx: Ctx, meetingId: number): Promise<void> {
  const [m, minutes] = await Promise.all([
    repo.findMeeting(db, meetingId),
    repo.findMinutes(db, meetingId),
  ]);
  if (!m || !minutes) return;
  const body = JSON.parse(minutes.body_json) as MinutesBody;
  await putSearchEntry(
    db,
    {
      kind: 'minutes',
      subjectId: m.id,
      unitId: m.unit_id,
      title: `Biên bản: ${m.title}`,
      body: searchText([...Object.values(body.speeches), body.closing], true),
      at: m.starts_at,
    },
    nowOf(ctx),
  );
}

/** Writes the index row of a meeting's conclusion (its texts, then each directive). */
export async function indexConclusion(db: Db, ctx: Ctx, meetingId: number): Promise<void> {
  const [m, c, directives] = await Promise.all([
    repo.findMeeting(db, meetingId),
    repo.findConclusion(db, meetingId),
    repo.listDirectives(db, meetingId),
  ]);
  if (!m || !c) return;
  await putSearchEntry(
    db,
    {
      kind: 'conclusion',
      subjectId: m.id,
      unitId: m.unit_id,
      title: `Kết luận: ${m.title}`,
      body: [
        searchText([c.acknowledged, c.shortcomings], true),
        searchText(directives.map((d) => d.text)),
      ]
        .filter((t) => t !== '')
        .join('\n'),
      at: m.starts_at,
    },
    nowOf(ctx),
  );
}

/** Of these meetings, those whose minutes and conclusion the caller may read. */
export async function readableRecords(
  db: Db,
  ctx: Ctx,
  ids: readonly number[],
): Promise<Set<number>> {
  const rows = await meetingsByIds(db, ids);
  const units = await repo.listMeetingUnits(
    db,
    rows.map((m) => m.id),
  );
  const tree = await loadUnitTree(db);
  return new Set(
    rows
      .filter((m) =>
        canReadRecord(
          ctx.actor,
          accessOf(
            m,
            units.filter((u) => u.meeting_id === m.id),
          ),
          tree,
        ),
      )
      .map((m) => m.id),
  );
}
