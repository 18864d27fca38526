import type { Database } from '../db/database.ts';
import { saveAgenda } from '../meetings/agenda.service.ts';
import { createMeeting, getMeeting } from '../meetings/meetings.service.ts';
import { speakerAction } from '../meetings/running.service.ts';
import { transitionMeeting } from '../meetings/transitions.service.ts';
import type { Ctx } from '../units/roles.ts';
import { buildAccount } from './factories.ts';
import { buildReportSetup } from './report-factories.ts';

/*
 * A meeting under way, for the live tests and the projector benchmark: a period of a
 * committee with two invited units, an agenda of `items` speakers of those units (planned by
 * the secretariat through the services), started, the first one speaking, and `readers` more
 * secretariat accounts (each a projector's session).
 */

export interface RunningMeeting {
  meetingId: number;
  itemIds: number[];
  /** Usernames (password TEST_PASSWORD). */
  secretary: string;
  /** The secretary's service context. */
  secretaryCtx: Ctx;
  readers: string[];
}

export async function buildRunningMeeting(
  db: Database,
  { items = 6, readers = 1 }: { items?: number; readers?: number } = {},
): Promise<RunningMeeting> {
  const setup = await buildReportSetup(db);
  const ctx = setup.ctx.secretary;
  const now = Date.now();
  const iso = (ms: number) => new Date(ms).toISOString();
  const units = [setup.unit, setup.other];
  const meeting = await createMeeting(db, ctx, {
    periodId: setup.period.id,
    title: 'Hội nghị giao ban khối Đảng, đoàn thể',
    startsAt: iso(now - 600_000),
    plannedEndAt: iso(now - 600_000 + items * 300_000),
    place: 'Hội trường Thị ủy',
    unitIds: units.map((u) => u.id),
  });
  const agenda = await saveAgenda(db, ctx, meeting.id, {
    version: meeting.agendaVersion,
    items: Array.from({ length: items }, (_, i) => ({
      kind: 'unit' as const,
      unitId: units[i % units.length]!.id,
      title: `Báo cáo ${i + 1}`,
      plannedSeconds: 300,
      speakerName: `Người phát biểu ${i + 1}`,
      speakerPosition: 'Trưởng ban',
    })),
  });
  const current = await getMeeting(db, ctx, meeting.id);
  await transitionMeeting(db, ctx, meeting.id, { version: current.version, action: 'start' });
  await speakerAction(db, ctx, meeting.id, { action: 'start' });
  const readerAccounts = [];
  for (let i = 0; i < readers; i++) {
    readerAccounts.push(
      await buildAccount(db, { roles: [{ unitId: setup.convener.id, role: 'secretariat' }] }),
    );
  }
  return {
    meetingId: meeting.id,
    itemIds: agenda.items.map((it) => it.id),
    secretary: setup.accounts.secretary.username,
    secretaryCtx: ctx,
    readers: readerAccounts.map((a) => a.username),
  };
}
