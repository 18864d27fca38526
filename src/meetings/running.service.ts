import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Forbidden, Invalid } from '../http/errors.ts';
import type { Lang } from '../http/i18n.ts';
import type { Ctx } from '../units/roles.ts';
import { presentAgenda, presentAgendaItems } from './agenda.service.ts';
import { loadMeeting, requireState } from './meeting-access.ts';
import type { Agenda, ProjectorState, SpeakerBody } from './meetings.schema.ts';
import { canRunMeeting } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import { loadNames } from './meetings.service.ts';
import type { MeetingState } from './meetings.states.ts';
import type { AgendaItemRow } from './meetings.tables.ts';

/*
 * Running the meeting: the secretary starts and stops each speaker (actual begin and end),
 * pauses and resumes (the pause is left out of the speaking time), moves to the next. The
 * projector and the running tab read the same rows through projectorState.
 */

const msBetween = (from: string, to: string) => Math.max(0, Date.parse(to) - Date.parse(from));

/** Ends an item being spoken now, a pause folded into its paused time. */
export async function endItem(db: Db, meetingId: number, item: AgendaItemRow, at: string) {
  await repo.updateAgendaItem(db, meetingId, item.id, {
    ended_at: at,
    paused_at: null,
    paused_ms: item.paused_ms + (item.paused_at ? msBetween(item.paused_at, at) : 0),
  });
}

/** The item being spoken (running or paused), if any. */
export function currentItem(items: AgendaItemRow[]): AgendaItemRow | undefined {
  return items.find((it) => it.started_at !== null && it.ended_at === null);
}

/** start / stop / pause / resume / next, as SpeakerBody says. */
export async function speakerAction(
  db: Db,
  ctx: Ctx,
  id: number,
  input: SpeakerBody,
  lang: Lang = 'vi',
): Promise<Agenda> {
  const loaded = await loadMeeting(db, ctx, id);
  const { row, tree } = loaded;
  if (!canRunMeeting(ctx.actor, loaded.access, tree)) throw Forbidden();
  requireState(row, ['in_progress'], 'action');
  const at = nowOf(ctx);
  const items = await repo.listAgendaItems(db, id);
  const current = currentItem(items);
  const noCurrent = () =>
    new AppError(409, 'meeting_no_current_speaker', {}, { action: { rule: 'invalid' } });
  let subject: AgendaItemRow | undefined = current;

  const startItem = async (item: AgendaItemRow) => {
    await repo.updateAgendaItem(db, id, item.id, {
      started_at: at,
      ended_at: null,
      paused_at: null,
      paused_ms: 0,
    });
    subject = item;
  };
  const firstPending = () => items.find((it) => it.started_at === null);

  switch (input.action) {
    case 'start': {
      const target =
        input.itemId === undefined ? firstPending() : items.find((it) => it.id === input.itemId);
      if (!target) {
        if (input.itemId !== undefined) throw Invalid({ itemId: { rule: 'notInMeeting' } });
        throw new AppError(409, 'meeting_agenda_finished', {}, { action: { rule: 'invalid' } });
      }
      if (target.id === current?.id) break;
      if (target.ended_at !== null)
        throw new AppError(
          409,
          'meeting_item_done',
          { title: target.title },
          { itemId: { rule: 'invalid' } },
        );
      if (current) await endItem(db, id, current, at);
      await startItem(target);
      break;
    }
    case 'stop':
      if (!current) throw noCurrent();
      await endItem(db, id, current, at);
      break;
    case 'pause':
      if (!current) throw noCurrent();
      if (current.paused_at !== null)
        throw new AppError(409, 'meeting_speaker_paused', {}, { action: { rule: 'invalid' } });
      await repo.updateAgendaItem(db, id, current.id, { paused_at: at });
      break;
    case 'resume':
      if (!current) throw noCurrent();
      if (current.paused_at === null)
        throw new AppError(409, 'meeting_speaker_not_paused', {}, { action: { rule: 'invalid' } });
      await repo.updateAgendaItem(db, id, current.id, {
        paused_at: null,
        paused_ms: current.paused_ms + msBetween(current.paused_at, at),
      });
      break;
    case 'next': {
      const following = firstPending();
      if (!current && !following)
        throw new AppError(409, 'meeting_agenda_finished', {}, { action: { rule: 'invalid' } });
      if (current) await endItem(db, id, current, at);
      if (following) await startItem(following);
      break;
    }
  }
  if (subject) {
    await recordAudit(db, ctx, {
      action: 'update',
      unitId: row.unit_id,
      entityType: 'meeting_speaker',
      entityId: subject.id,
      summary: `${row.title} — ${subject.title}`,
      after: { action: input.action, itemId: subject.id, at },
    });
  }
  return presentAgenda(db, ctx, loaded, lang);
}

/**
 * What the room's screen shows: the meeting, the item being spoken with its timing, the next
 * two, and the running total. The client counts down from startedAt, pausedAt and pausedMs,
 * corrected by its offset to serverTime.
 */
export async function projectorState(db: Db, ctx: Ctx, meetingId: number): Promise<ProjectorState> {
  const { row, units } = await loadMeeting(db, ctx, meetingId);
  const now = nowOf(ctx);
  const names = await loadNames(db, [row.period_id]);
  const items = presentAgendaItems(await repo.listAgendaItems(db, meetingId), units, names, now);
  const currentIndex = items.findIndex((it) => it.status === 'current' || it.status === 'paused');
  const current = currentIndex >= 0 ? items[currentIndex]! : null;
  const next = items
    .filter((it, i) => it.status === 'pending' && i > currentIndex)
    .slice(0, 2)
    .map((it) => ({
      itemId: it.id,
      title: it.title,
      unitName: it.unitName,
      speakerName: it.speakerName,
      plannedSeconds: it.plannedSeconds,
    }));
  return {
    meetingId,
    title: row.title,
    state: row.state as MeetingState,
    place: row.place,
    serverTime: now,
    warningSeconds: row.warning_seconds,
    current: current && {
      itemId: current.id,
      title: current.title,
      unitName: current.unitName,
      speakerName: current.speakerName,
      speakerPosition: current.speakerPosition,
      plannedSeconds: current.plannedSeconds,
      startedAt: current.startedAt!,
      pausedAt: current.pausedAt,
      pausedMs: current.pausedMs,
    },
    next,
    totals: {
      plannedSeconds: items.reduce((s, it) => s + it.plannedSeconds, 0),
      spentSeconds: items.reduce((s, it) => s + it.spentSeconds, 0),
      items: items.length,
      done: items.filter((it) => it.status === 'done').length,
    },
  };
}
