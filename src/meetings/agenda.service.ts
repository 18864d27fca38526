import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Forbidden, Invalid, type FieldProblem } from '../http/errors.ts';
import type { Lang } from '../http/i18n.ts';
import type { Ctx } from '../units/roles.ts';
import { loadMeeting, requireState, stale, type LoadedMeeting } from './meeting-access.ts';
import {
  MAX_ITEM_SECONDS,
  type Agenda,
  type AgendaItem,
  type ExtraSpeakerBody,
  type MeetingWarning,
  type SaveAgendaBody,
} from './meetings.schema.ts';
import { canRunMeeting, meetingPermissions } from './meetings.policy.ts';
import * as repo from './meetings.repository.ts';
import { loadNames, secondsBetween, unitName, type Names } from './meetings.service.ts';
import type { MeetingState } from './meetings.states.ts';
import type { AgendaItemRow, MeetingUnitRow } from './meetings.tables.ts';
import { meetingWarning } from './warnings.ts';

/*
 * The agenda: the free items and one item per invited unit, each with a planned duration and a
 * speaker (the unit's confirmed attendee unless named), checked against the meeting's length.
 * Items record when they were spoken (running.service.ts).
 */

/** Speaking time of an item so far, pauses excluded, in whole seconds. */
export function spentSeconds(item: AgendaItemRow, now: string): number {
  if (item.started_at === null) return 0;
  const until = item.ended_at ?? item.paused_at ?? now;
  const ms = Date.parse(until) - Date.parse(item.started_at) - item.paused_ms;
  return Math.max(0, Math.floor(ms / 1000));
}

export function itemStatus(item: AgendaItemRow): AgendaItem['status'] {
  if (item.started_at === null) return 'pending';
  if (item.ended_at !== null) return 'done';
  return item.paused_at !== null ? 'paused' : 'current';
}

export function presentAgendaItems(
  items: AgendaItemRow[],
  units: MeetingUnitRow[],
  names: Names,
  now: string,
): AgendaItem[] {
  const byUnit = new Map(units.map((u) => [u.unit_id, u]));
  return items.map((it, i) => {
    const unit = it.unit_id === null ? undefined : byUnit.get(it.unit_id);
    const confirmed = unit?.response === 'confirmed' && it.speaker_name === null;
    return {
      id: it.id,
      order: i + 1,
      kind: it.kind as AgendaItem['kind'],
      unitId: it.unit_id,
      unitName: unitName(names, it.unit_id),
      title: it.title,
      plannedSeconds: it.planned_seconds,
      speakerName: it.speaker_name ?? (confirmed ? (unit.attendee_name ?? null) : null),
      speakerPosition:
        it.speaker_name !== null
          ? it.speaker_position
          : confirmed
            ? (unit.attendee_position ?? null)
            : null,
      speakerFromConfirmation: confirmed,
      extra: it.extra === 1,
      status: itemStatus(it),
      startedAt: it.started_at,
      endedAt: it.ended_at,
      pausedAt: it.paused_at,
      pausedMs: it.paused_ms,
      spentSeconds: spentSeconds(it, now),
    };
  });
}

const minutes = (seconds: number) => Math.round(seconds / 60);

/** The agenda's total against the meeting's planned length: a warning when it runs over. */
export function agendaWarnings(
  plannedSeconds: number,
  meetingSeconds: number,
  lang: Lang,
): MeetingWarning[] {
  return plannedSeconds > meetingSeconds
    ? [
        meetingWarning('agenda_over_length', lang, {
          planned: minutes(plannedSeconds),
          length: minutes(meetingSeconds),
        }),
      ]
    : [];
}

export async function presentAgenda(
  db: Db,
  ctx: Ctx,
  loaded: Pick<LoadedMeeting, 'row' | 'units' | 'tree' | 'access'>,
  lang: Lang,
): Promise<Agenda> {
  const { row, units } = loaded;
  const now = nowOf(ctx);
  const names = await loadNames(db, [row.period_id]);
  const items = presentAgendaItems(await repo.listAgendaItems(db, row.id), units, names, now);
  const plannedSeconds = items.reduce((s, it) => s + it.plannedSeconds, 0);
  const meetingSeconds = secondsBetween(row.starts_at, row.planned_end_at);
  return {
    meetingId: row.id,
    state: row.state as MeetingState,
    version: row.agenda_version,
    serverTime: now,
    warningSeconds: row.warning_seconds,
    items,
    currentItemId:
      items.find((it) => it.status === 'current' || it.status === 'paused')?.id ?? null,
    plannedSeconds,
    meetingSeconds,
    spentSeconds: items.reduce((s, it) => s + it.spentSeconds, 0),
    warnings: agendaWarnings(plannedSeconds, meetingSeconds, lang),
    actions: meetingPermissions(ctx.actor, loaded.access, loaded.tree),
  };
}

export async function getAgenda(db: Db, ctx: Ctx, id: number, lang: Lang = 'vi') {
  return presentAgenda(db, ctx, await loadMeeting(db, ctx, id), lang);
}

/** 0 < d ≤ 8 h, else a field error saying the bound. */
export function checkDuration(seconds: number, field: string): number {
  if (seconds <= 0 || seconds > MAX_ITEM_SECONDS)
    throw Invalid({
      [field]: {
        rule: 'duration',
        params: { max: MAX_ITEM_SECONDS / 3600, limit: MAX_ITEM_SECONDS },
      },
    });
  return seconds;
}

const cleanOptional = (value: string | null | undefined) => value?.trim() || null;

/** Reloads the meeting (the versions moved) and answers its agenda. */
async function answer(db: Db, ctx: Ctx, loaded: LoadedMeeting, lang: Lang) {
  const row = (await repo.findMeeting(db, loaded.row.id))!;
  return presentAgenda(db, ctx, { ...loaded, row }, lang);
}

/**
 * Saves the whole agenda in its new order (the workspace reorders by drag and drop and sends
 * the list): items without an id are added, items left out are removed. Items already spoken
 * stay, with their unit.
 */
export async function saveAgenda(
  db: Db,
  ctx: Ctx,
  id: number,
  input: SaveAgendaBody,
  lang: Lang = 'vi',
): Promise<Agenda> {
  const loaded = await loadMeeting(db, ctx, id);
  const { row, units, tree } = loaded;
  if (!canRunMeeting(ctx.actor, loaded.access, tree)) throw Forbidden();
  requireState(row, ['planned', 'in_progress'], 'items');
  if (row.agenda_version !== input.version) throw stale('agenda', row.agenda_version);
  const existing = new Map((await repo.listAgendaItems(db, id)).map((it) => [it.id, it]));
  const invited = new Set(units.map((u) => u.unit_id));
  const names = await loadNames(db, [row.period_id]);
  const fields: Record<string, FieldProblem> = {};
  const seen = new Set<number>();
  const cleaned = input.items.map((it, i) => {
    const at = `items.${i}`;
    const old = it.id === undefined ? undefined : existing.get(it.id);
    if (it.id !== undefined && !old) fields[`${at}.id`] = { rule: 'notInMeeting' };
    else if (it.id !== undefined && seen.has(it.id)) fields[`${at}.id`] = { rule: 'duplicate' };
    if (it.id !== undefined) seen.add(it.id);
    const unitId = it.kind === 'unit' ? (it.unitId ?? null) : null;
    if (it.kind === 'unit' && unitId === null) fields[`${at}.unitId`] = { rule: 'required' };
    else if (unitId !== null && !invited.has(unitId))
      fields[`${at}.unitId`] = { rule: 'notInvited' };
    if (old && old.started_at !== null && old.unit_id !== unitId)
      fields[`${at}.unitId`] = { rule: 'spokenItem' };
    const title =
      it.title?.trim().replace(/\s+/g, ' ') ||
      (unitId !== null ? (unitName(names, unitId) ?? '') : '');
    if (!title) fields[`${at}.title`] = { rule: 'blank' };
    try {
      checkDuration(it.plannedSeconds, `${at}.plannedSeconds`);
    } catch {
      fields[`${at}.plannedSeconds`] = {
        rule: 'duration',
        params: { max: MAX_ITEM_SECONDS / 3600, limit: MAX_ITEM_SECONDS },
      };
    }
    return {
      id: it.id,
      kind: it.kind,
      unit_id: unitId,
      title,
      planned_seconds: it.plannedSeconds,
      speaker_name: cleanOptional(it.speakerName),
      speaker_position: cleanOptional(it.speakerName) ? cleanOptional(it.speakerPosition) : null,
    };
  });
  const removedSpoken = [...existing.values()].filter(
    (it) => !seen.has(it.id) && it.started_at !== null,
  );
  if (removedSpoken.length > 0) fields.items = { rule: 'spokenItem' };
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  const before = await presentAgenda(db, ctx, loaded, lang);
  if (!(await repo.bumpPart(db, id, 'agenda_version', input.version, nowOf(ctx))))
    throw stale('agenda', row.agenda_version);
  await repo.deleteAgendaItems(
    db,
    id,
    [...existing.keys()].filter((k) => !seen.has(k)),
  );
  for (const [i, it] of cleaned.entries()) {
    const { id: itemId, ...values } = it;
    if (itemId === undefined) {
      await repo.insertAgendaItem(db, {
        meeting_id: id,
        sort_order: i + 1,
        ...values,
        extra: 0,
        paused_ms: 0,
      });
    } else {
      await repo.updateAgendaItem(db, id, itemId, { sort_order: i + 1, ...values });
    }
  }
  const agenda = await answer(db, ctx, loaded, lang);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: row.unit_id,
    entityType: 'meeting_agenda',
    entityId: id,
    summary: row.title,
    before: auditItems(before.items),
    after: auditItems(agenda.items),
  });
  return agenda;
}

function auditItems(items: AgendaItem[]) {
  return items.map((it) => ({
    id: it.id,
    title: it.title,
    unitId: it.unitId,
    plannedSeconds: it.plannedSeconds,
    speakerName: it.speakerName,
  }));
}

/**
 * An extra speaker while the meeting runs (a unit asking to speak again): an item of an invited
 * unit placed right after the one being spoken (or the last one spoken).
 */
export async function addExtraSpeaker(
  db: Db,
  ctx: Ctx,
  id: number,
  input: ExtraSpeakerBody,
  lang: Lang = 'vi',
): Promise<Agenda> {
  const loaded = await loadMeeting(db, ctx, id);
  const { row, units, tree } = loaded;
  if (!canRunMeeting(ctx.actor, loaded.access, tree)) throw Forbidden();
  requireState(row, ['in_progress'], 'unitId');
  if (!units.some((u) => u.unit_id === input.unitId))
    throw Invalid({ unitId: { rule: 'notInvited' } });
  checkDuration(input.plannedSeconds, 'plannedSeconds');
  const names = await loadNames(db, [row.period_id]);
  const items = await repo.listAgendaItems(db, id);
  const current = items.findIndex((it) => it.started_at !== null && it.ended_at === null);
  const lastSpoken = items.map((it) => it.started_at !== null).lastIndexOf(true);
  const insertAt = (current >= 0 ? current : lastSpoken) + 1;
  for (const [i, it] of items.entries()) {
    const order = i < insertAt ? i + 1 : i + 2;
    if (it.sort_order !== order) await repo.updateAgendaItem(db, id, it.id, { sort_order: order });
  }
  const speaker = cleanOptional(input.speakerName);
  const item = await repo.insertAgendaItem(db, {
    meeting_id: id,
    sort_order: insertAt + 1,
    kind: 'unit',
    unit_id: input.unitId,
    title: input.title?.trim() || (unitName(names, input.unitId) ?? ''),
    planned_seconds: input.plannedSeconds,
    speaker_name: speaker,
    speaker_position: speaker ? cleanOptional(input.speakerPosition) : null,
    extra: 1,
    paused_ms: 0,
  });
  await repo.bumpPart(db, id, 'agenda_version', null, nowOf(ctx));
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: row.unit_id,
    entityType: 'meeting_agenda_item',
    entityId: item.id,
    summary: `${row.title} — ${item.title}`,
    after: {
      unitId: item.unit_id,
      title: item.title,
      plannedSeconds: item.planned_seconds,
      extra: true,
    },
  });
  return answer(db, ctx, loaded, lang);
}
