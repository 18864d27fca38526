import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { AppError, Forbidden, Invalid, NotFound, type FieldProblem } from '../http/errors.ts';
import type { Lang } from '../http/i18n.ts';
import { getPeriod, listPeriods } from '../reports/periods.service.ts';
import type { Period } from '../reports/periods.schema.ts';
import { accountPeople, type AccountPerson } from '../units/accounts.service.ts';
import type { Ctx, Role } from '../units/roles.ts';
import type { UnitTree } from '../units/unit-tree.ts';
import { listUnits, loadUnitTree } from '../units/units.service.ts';
import type { Unit } from '../units/units.schema.ts';
import {
  accessOf,
  loadMeeting,
  requireState,
  stale,
  wrongState,
  type LoadedMeeting,
} from './meeting-access.ts';
import {
  DEFAULT_WARNING_SECONDS,
  MAX_MEETING_SECONDS,
  MAX_WARNING_SECONDS,
  type CreateMeetingBody,
  type Meeting,
  type MeetingDefaults,
  type MeetingPeople,
  type MeetingQuery,
  type MeetingSummary,
  type MeetingUnit,
  type MeetingWarning,
  type RespondBody,
  type SendInvitationBody,
  type UpdateMeetingBody,
} from './meetings.schema.ts';
import {
  canPlanMeetings,
  canReadMeeting,
  canRunMeeting,
  meetingPermissions,
  ownInvitedUnits,
} from './meetings.policy.ts';
import { notifyInvitation } from './meetings.notifications.ts';
import * as repo from './meetings.repository.ts';
import type { MeetingState } from './meetings.states.ts';
import type { MeetingGuestRow, MeetingRow, MeetingUnitRow } from './meetings.tables.ts';
import { meetingWarning } from './warnings.ts';
import { isLateNotice, workingDaysNotice } from './working-days.ts';

/*
 * Meetings: planning (time, place, chair, secretary, invited units, guests), the invitation and
 * the units' answers. The agenda, the running, attendance, minutes and conclusion have their
 * own services; the state changes are in transitions.service.ts.
 */

/** The default title: "Hội nghị giao ban khối Đảng, đoàn thể Quý III/2017". */
export function defaultTitle(periodName: string): string {
  return `Hội nghị giao ban khối Đảng, đoàn thể ${periodName}`;
}

/** Default agenda: the free items around the units' reports, in seconds. */
export const FREE_ITEMS = {
  opening: { title: 'Khai mạc', seconds: 5 * 60 },
  summary: { title: 'Báo cáo tổng hợp', seconds: 15 * 60 },
  discussion: { title: 'Thảo luận', seconds: 20 * 60 },
  closing: { title: 'Kết luận', seconds: 15 * 60 },
} as const;

/** What presenting needs besides the meeting: names of units and people, the periods. */
export interface Names {
  units: Map<number, Unit>;
  people: Map<number, AccountPerson>;
  periods: Map<number, Period>;
}

export async function loadNames(db: Db, periodIds?: number[]): Promise<Names> {
  const [units, people, periods] = await Promise.all([
    listUnits(db),
    accountPeople(db),
    periodIds && periodIds.length === 1
      ? getPeriod(db, periodIds[0]!).then((p) => [p])
      : listPeriods(db, {}),
  ]);
  return {
    units: new Map(units.map((u) => [u.id, u])),
    people,
    periods: new Map(periods.map((p) => [p.id, p])),
  };
}

export function personOf(names: Names, id: number | null) {
  const p = id === null ? undefined : names.people.get(id);
  return p ? { accountId: p.accountId, fullName: p.fullName, position: p.position } : null;
}

export const unitName = (names: Names, id: number | null) =>
  id === null ? null : (names.units.get(id)?.name ?? '');

export const secondsBetween = (from: string, to: string) =>
  Math.round((Date.parse(to) - Date.parse(from)) / 1000);

function presentSummary(
  ctx: Ctx,
  row: MeetingRow,
  units: MeetingUnitRow[],
  tree: UnitTree,
  names: Names,
): MeetingSummary {
  return {
    id: row.id,
    periodId: row.period_id,
    periodName: names.periods.get(row.period_id)?.name ?? '',
    unitId: row.unit_id,
    unitName: unitName(names, row.unit_id) ?? '',
    title: row.title,
    startsAt: row.starts_at,
    plannedEndAt: row.planned_end_at,
    place: row.place,
    state: row.state as MeetingState,
    invitationSentAt: row.invitation_sent_at,
    version: row.version,
    actions: meetingPermissions(ctx.actor, accessOf(row, units), tree),
  };
}

export function presentMeetingUnit(u: MeetingUnitRow, names: Names): MeetingUnit {
  return {
    unitId: u.unit_id,
    unitName: unitName(names, u.unit_id) ?? '',
    order: u.sort_order,
    response: u.response as MeetingUnit['response'],
    attendeeKind: u.attendee_kind as MeetingUnit['attendeeKind'],
    attendeeName: u.attendee_name,
    attendeePosition: u.attendee_position,
    declineReason: u.decline_reason,
    respondedAt: u.responded_at,
    respondedByName: u.responded_by_name,
    attendance: u.attendance as MeetingUnit['attendance'],
    attendanceName: u.attendance_name,
    attendancePosition: u.attendance_position,
    absenceReason: u.absence_reason,
  };
}

export function presentGuest(g: MeetingGuestRow) {
  return {
    id: g.id,
    name: g.name,
    position: g.position,
    organization: g.organization,
    present: g.present === 1,
  };
}

/** The meeting as the API answers it, with the caller's actions and the warnings. */
export async function presentMeeting(
  db: Db,
  ctx: Ctx,
  loaded: Pick<LoadedMeeting, 'row' | 'units' | 'tree'>,
  lang: Lang = 'vi',
): Promise<Meeting> {
  const { row, units, tree } = loaded;
  const names = await loadNames(db, [row.period_id]);
  const guests = await repo.listGuests(db, row.id);
  const period = names.periods.get(row.period_id)!;
  const notice =
    row.invitation_sent_at === null
      ? null
      : workingDaysNotice(row.invitation_sent_at, row.starts_at);
  const late =
    row.invitation_sent_at !== null && isLateNotice(row.invitation_sent_at, row.starts_at);
  const warnings: MeetingWarning[] = [];
  if (late) warnings.push(meetingWarning('invitation_late', lang, { days: notice ?? 0 }));
  const responses = { confirmed: 0, declined: 0, none: 0 };
  for (const u of units) responses[u.response as keyof typeof responses]++;
  return {
    ...presentSummary(ctx, row, units, tree, names),
    periodStatus: period.status,
    plannedSeconds: secondsBetween(row.starts_at, row.planned_end_at),
    chair: personOf(names, row.chair_account_id),
    secretary: personOf(names, row.secretary_account_id),
    cancelReason: row.cancel_reason,
    invitationSentByName: row.invitation_sent_by_name,
    invitationNoticeDays: notice,
    invitationLate: late,
    startedAt: row.started_at,
    endedAt: row.ended_at,
    concludedAt: row.concluded_at,
    concludedByName: row.concluded_by_name,
    onBehalfOfName:
      row.on_behalf_of === null ? null : (personOf(names, row.on_behalf_of)?.fullName ?? null),
    warningSeconds: row.warning_seconds,
    agendaVersion: row.agenda_version,
    attendanceVersion: row.attendance_version,
    respondUnitIds:
      row.state === 'planned' ? ownInvitedUnits(ctx.actor, accessOf(row, units), tree) : [],
    units: units.map((u) => presentMeetingUnit(u, names)),
    guests: guests.map(presentGuest),
    responses,
    warnings,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

/** The meetings the caller may read, newest first. */
export async function listMeetings(
  db: Db,
  ctx: Ctx,
  query: MeetingQuery,
): Promise<{ items: MeetingSummary[] }> {
  const { invitedUnitId, ...filter } = query;
  let rows = await repo.listMeetings(db, filter);
  if (invitedUnitId !== undefined) {
    const inviting = await repo.meetingIdsInviting(db, [invitedUnitId]);
    rows = rows.filter((r) => inviting.has(r.id));
  }
  const units = await repo.listMeetingUnits(
    db,
    rows.map((r) => r.id),
  );
  const byMeeting = new Map<number, MeetingUnitRow[]>();
  for (const u of units) byMeeting.set(u.meeting_id, [...(byMeeting.get(u.meeting_id) ?? []), u]);
  const tree = await loadUnitTree(db);
  const readable = rows.filter((r) =>
    canReadMeeting(ctx.actor, accessOf(r, byMeeting.get(r.id) ?? []), tree),
  );
  if (readable.length === 0) return { items: [] };
  const names = await loadNames(db);
  return {
    items: readable.map((r) => presentSummary(ctx, r, byMeeting.get(r.id) ?? [], tree, names)),
  };
}

export async function getMeeting(db: Db, ctx: Ctx, id: number, lang: Lang = 'vi') {
  return presentMeeting(db, ctx, await loadMeeting(db, ctx, id), lang);
}

async function periodForPlanning(db: Db, ctx: Ctx, periodId: number) {
  const period = await getPeriod(db, periodId).catch((error: unknown) => {
    if (error instanceof AppError && error.status === 404)
      throw Invalid({ periodId: { rule: 'notFound' } });
    throw error;
  });
  const tree = await loadUnitTree(db);
  if (!canPlanMeetings(ctx.actor, period.unitId, tree)) throw Forbidden();
  return { period, tree };
}

/** The chair account of a unit: the first active account holding `chair` in the unit itself. */
function defaultChair(names: Names, unitId: number): number | null {
  const chairs = [...names.people.values()]
    .filter((p) => p.active && p.roles.some((r) => r.role === 'chair' && r.unitId === unitId))
    .sort((a, b) => a.accountId - b.accountId);
  return chairs[0]?.accountId ?? null;
}

/** The period's reporting units in the unit tree's order (the period board's order). */
function periodUnitOrder(period: Period, names: Names): number[] {
  const order = new Map([...names.units.keys()].map((id, i) => [id, i]));
  return [...period.unitIds].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
}

/** What a new meeting of the period gets unless the secretariat says otherwise. */
export async function meetingDefaults(
  db: Db,
  ctx: Ctx,
  periodId: number,
): Promise<MeetingDefaults> {
  const { period } = await periodForPlanning(db, ctx, periodId);
  const names = await loadNames(db, [periodId]);
  const chair = defaultChair(names, period.unitId);
  return {
    periodId,
    unitId: period.unitId,
    title: defaultTitle(period.name),
    chair: personOf(names, chair),
    units: periodUnitOrder(period, names).map((id) => ({
      unitId: id,
      unitName: unitName(names, id) ?? '',
    })),
    warningSeconds: DEFAULT_WARNING_SECONDS,
  };
}

// Checking input

const MAX_MEETING_HOURS = MAX_MEETING_SECONDS / 3600;

function cleanLine(value: string, field: string): string {
  const trimmed = value.trim().replace(/\s+/g, ' ');
  if (!trimmed) throw Invalid({ [field]: { rule: 'blank' } });
  return trimmed;
}

function checkTimes(startsAt: string, plannedEndAt: string): { starts: string; ends: string } {
  const starts = new Date(startsAt).toISOString();
  const ends = new Date(plannedEndAt).toISOString();
  const length = secondsBetween(starts, ends);
  if (length <= 0 || length > MAX_MEETING_SECONDS)
    throw Invalid({
      plannedEndAt: {
        rule: 'meetingLength',
        params: { max: MAX_MEETING_HOURS, limit: MAX_MEETING_SECONDS },
      },
    });
  return { starts, ends };
}

export function checkWarningSeconds(value: number, field = 'warningSeconds'): number {
  if (value < 0 || value > MAX_WARNING_SECONDS)
    throw Invalid({
      [field]: {
        rule: 'warningTime',
        params: { limit: MAX_WARNING_SECONDS, max: MAX_WARNING_SECONDS / 60 },
      },
    });
  return value;
}

function checkAccount(names: Names, id: number | null, field: string): number | null {
  if (id === null) return null;
  const p = names.people.get(id);
  if (!p || !p.active) throw Invalid({ [field]: { rule: 'notFound' } });
  return id;
}

/** The role an account needs to be a meeting's chair or secretary. */
const PERSON_ROLE = { chairAccountId: 'chair', secretaryAccountId: 'secretariat' } as const;
type PersonField = keyof typeof PERSON_ROLE;

/** Active accounts holding `role` in the convening unit or a unit above it, by name. */
function holdersOver(
  people: Map<number, AccountPerson>,
  role: Role,
  unitId: number,
  tree: UnitTree,
): AccountPerson[] {
  return [...people.values()]
    .filter(
      (p) => p.active && p.roles.some((r) => r.role === role && tree.isWithin(unitId, r.unitId)),
    )
    .sort((a, b) => a.fullName.localeCompare(b.fullName, 'vi') || a.accountId - b.accountId);
}

/**
 * A chair or secretary the secretariat picked: an active account holding `chair` (for the
 * chair) or `secretariat` (for the secretary) in the convening unit or above. `keep` is the
 * meeting's current one, accepted unchanged even if its roles changed since.
 */
function checkPerson(
  names: Names,
  id: number | null,
  field: PersonField,
  unitId: number,
  tree: UnitTree,
  keep?: number | null,
): number | null {
  if (id === null || id === keep) return id;
  checkAccount(names, id, field);
  if (!holdersOver(names.people, PERSON_ROLE[field], unitId, tree).some((p) => p.accountId === id))
    throw Invalid({
      [field]: { rule: field === 'chairAccountId' ? 'notChair' : 'notSecretariat' },
    });
  return id;
}

/** Who the planning dialog offers as chair and as secretary of a meeting the unit convenes. */
export async function meetingPeople(db: Db, ctx: Ctx, unitId: number): Promise<MeetingPeople> {
  const tree = await loadUnitTree(db);
  if (!tree.has(unitId)) throw Invalid({ unitId: { rule: 'notFound' } });
  if (!canPlanMeetings(ctx.actor, unitId, tree)) throw Forbidden();
  const people = await accountPeople(db);
  const list = (role: Role) =>
    holdersOver(people, role, unitId, tree).map((p) => ({
      accountId: p.accountId,
      fullName: p.fullName,
      position: p.position,
    }));
  return { unitId, chairs: list('chair'), secretaries: list('secretariat') };
}

/** Invited units: units under the convening one, each once. */
function checkInvited(unitIds: number[], convenerId: number, tree: UnitTree): number[] {
  const fields: Record<string, FieldProblem> = {};
  const seen = new Set<number>();
  unitIds.forEach((id, i) => {
    if (!tree.has(id)) fields[`unitIds.${i}`] = { rule: 'notFound' };
    else if (id === convenerId || !tree.isWithin(id, convenerId))
      fields[`unitIds.${i}`] = { rule: 'notUnitOfConvener' };
    else if (seen.has(id)) fields[`unitIds.${i}`] = { rule: 'duplicate' };
    seen.add(id);
  });
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  return unitIds;
}

type GuestInput = NonNullable<CreateMeetingBody['guests']>[number];

function cleanGuests(guests: GuestInput[]) {
  return guests.map((g, i) => ({
    id: g.id,
    name: cleanLine(g.name, `guests.${i}.name`),
    position: (g.position ?? '').trim(),
    organization: (g.organization ?? '').trim(),
  }));
}

async function saveGuests(
  db: Db,
  meetingId: number,
  guests: ReturnType<typeof cleanGuests>,
): Promise<void> {
  const existing = new Map((await repo.listGuests(db, meetingId)).map((g) => [g.id, g]));
  const fields: Record<string, FieldProblem> = {};
  guests.forEach((g, i) => {
    if (g.id !== undefined && !existing.has(g.id))
      fields[`guests.${i}.id`] = { rule: 'notInMeeting' };
  });
  if (Object.keys(fields).length > 0) throw Invalid(fields);
  const kept = new Set(guests.flatMap((g) => (g.id === undefined ? [] : [g.id])));
  await repo.deleteGuests(
    db,
    meetingId,
    [...existing.keys()].filter((id) => !kept.has(id)),
  );
  for (const [i, g] of guests.entries()) {
    const values = {
      sort_order: i + 1,
      name: g.name,
      position: g.position,
      organization: g.organization,
    };
    if (g.id === undefined)
      await repo.insertGuest(db, { meeting_id: meetingId, ...values, present: 0 });
    else await repo.updateGuest(db, meetingId, g.id, values);
  }
}

function newUnitRow(meetingId: number, unitId: number, order: number) {
  return {
    meeting_id: meetingId,
    unit_id: unitId,
    sort_order: order,
    response: 'none',
    attendee_kind: null,
    attendee_name: null,
    attendee_position: null,
    decline_reason: null,
    responded_at: null,
    responded_by_name: null,
    attendance: 'unknown',
    attendance_name: null,
    attendance_position: null,
    absence_reason: null,
  };
}

/** A unit item's planned duration in a new agenda: the length left by the free items, shared. */
export function unitItemSeconds(meetingSeconds: number, unitCount: number): number {
  const free = Object.values(FREE_ITEMS).reduce((s, f) => s + f.seconds, 0);
  if (unitCount === 0) return 5 * 60;
  const share = Math.floor((meetingSeconds - free) / unitCount / 60) * 60;
  return Math.min(15 * 60, Math.max(3 * 60, share));
}

async function insertDefaultAgenda(
  db: Db,
  meetingId: number,
  unitIds: number[],
  names: Names,
  meetingSeconds: number,
) {
  const unitSeconds = unitItemSeconds(meetingSeconds, unitIds.length);
  const items = [
    { kind: 'free', unit_id: null, ...free(FREE_ITEMS.opening) },
    { kind: 'free', unit_id: null, ...free(FREE_ITEMS.summary) },
    ...unitIds.map((id) => ({
      kind: 'unit',
      unit_id: id,
      title: unitName(names, id) ?? '',
      planned_seconds: unitSeconds,
    })),
    { kind: 'free', unit_id: null, ...free(FREE_ITEMS.discussion) },
    { kind: 'free', unit_id: null, ...free(FREE_ITEMS.closing) },
  ];
  for (const [i, item] of items.entries()) {
    await repo.insertAgendaItem(db, {
      meeting_id: meetingId,
      sort_order: i + 1,
      ...item,
      speaker_name: null,
      speaker_position: null,
      extra: 0,
      paused_ms: 0,
    });
  }
}

function free(f: { title: string; seconds: number }) {
  return { title: f.title, planned_seconds: f.seconds };
}

function auditView(m: Meeting) {
  const { actions: _a, respondUnitIds: _r, warnings: _w, ...rest } = m;
  return rest;
}

/** Plans a meeting of a period; the default agenda is built from the invited units. */
export async function createMeeting(
  db: Db,
  ctx: Ctx,
  input: CreateMeetingBody,
  lang: Lang = 'vi',
): Promise<Meeting> {
  const { period, tree } = await periodForPlanning(db, ctx, input.periodId);
  if (period.status !== 'open')
    throw new AppError(
      409,
      'meeting_period_closed',
      { name: period.name },
      { periodId: { rule: 'meetingPeriodClosed', params: { name: period.name } } },
    );
  const names = await loadNames(db, [period.id]);
  const { starts, ends } = checkTimes(input.startsAt, input.plannedEndAt);
  const title = cleanLine(input.title ?? defaultTitle(period.name), 'title');
  const place = cleanLine(input.place, 'place');
  const chair =
    input.chairAccountId === undefined
      ? defaultChair(names, period.unitId)
      : checkPerson(names, input.chairAccountId, 'chairAccountId', period.unitId, tree);
  const secretary = checkPerson(
    names,
    input.secretaryAccountId === undefined ? ctx.actor.id : input.secretaryAccountId,
    'secretaryAccountId',
    period.unitId,
    tree,
  );
  const unitIds = checkInvited(
    input.unitIds ?? periodUnitOrder(period, names),
    period.unitId,
    tree,
  );
  const guests = cleanGuests(input.guests ?? []);
  const warningSeconds = checkWarningSeconds(input.warningSeconds ?? DEFAULT_WARNING_SECONDS);
  const at = nowOf(ctx);
  const row = await repo.insertMeeting(db, {
    period_id: period.id,
    unit_id: period.unitId,
    title,
    starts_at: starts,
    planned_end_at: ends,
    place,
    chair_account_id: chair,
    secretary_account_id: secretary,
    state: 'planned',
    cancel_reason: null,
    invitation_sent_at: null,
    invitation_sent_by_name: null,
    started_at: null,
    ended_at: null,
    concluded_at: null,
    concluded_by: null,
    concluded_by_name: null,
    on_behalf_of: null,
    warning_seconds: warningSeconds,
    created_at: at,
    updated_at: at,
  });
  await repo.insertMeetingUnits(
    db,
    unitIds.map((id, i) => newUnitRow(row.id, id, i + 1)),
  );
  await saveGuests(db, row.id, guests);
  const blank = { updated_at: at, updated_by: null, updated_by_name: null };
  await repo.insertMinutes(db, row.id, {
    body_json: JSON.stringify({ speeches: {}, closing: '' }),
    ...blank,
  });
  await repo.insertConclusion(db, row.id, { acknowledged: '', shortcomings: '', ...blank });
  await insertDefaultAgenda(db, row.id, unitIds, names, secondsBetween(starts, ends));
  const units = await repo.listMeetingUnits(db, [row.id]);
  const meeting = await presentMeeting(db, ctx, { row, units, tree }, lang);
  await recordAudit(db, ctx, {
    action: 'create',
    unitId: row.unit_id,
    entityType: 'meeting',
    entityId: row.id,
    summary: row.title,
    after: auditView(meeting),
  });
  return meeting;
}

const PLANNING_FIELDS = [
  'title',
  'startsAt',
  'plannedEndAt',
  'place',
  'chairAccountId',
  'secretaryAccountId',
  'unitIds',
  'guests',
] as const;

/**
 * Changes a planned meeting: only the fields given. While it runs only the countdown's warning
 * time changes; after the conclusion nothing does.
 */
export async function updateMeeting(
  db: Db,
  ctx: Ctx,
  id: number,
  input: UpdateMeetingBody,
  lang: Lang = 'vi',
): Promise<Meeting> {
  const loaded = await loadMeeting(db, ctx, id);
  const { row, tree } = loaded;
  if (!canRunMeeting(ctx.actor, loaded.access, tree)) throw Forbidden();
  if (row.version !== input.version) throw stale('meeting', row.version);
  const planning = PLANNING_FIELDS.filter((f) => input[f] !== undefined);
  if (row.state !== 'planned') {
    if (planning.length > 0 || row.state !== 'in_progress')
      throw wrongState(row.state, planning[0] ?? 'warningSeconds');
  }
  const before = await presentMeeting(db, ctx, loaded, lang);
  const names = await loadNames(db, [row.period_id]);
  const times =
    input.startsAt !== undefined || input.plannedEndAt !== undefined
      ? checkTimes(input.startsAt ?? row.starts_at, input.plannedEndAt ?? row.planned_end_at)
      : null;
  const patch = {
    ...(input.title !== undefined && { title: cleanLine(input.title, 'title') }),
    ...(input.place !== undefined && { place: cleanLine(input.place, 'place') }),
    ...(times && { starts_at: times.starts, planned_end_at: times.ends }),
    ...(input.chairAccountId !== undefined && {
      chair_account_id: checkPerson(
        names,
        input.chairAccountId,
        'chairAccountId',
        row.unit_id,
        tree,
        row.chair_account_id,
      ),
    }),
    ...(input.secretaryAccountId !== undefined && {
      secretary_account_id: checkPerson(
        names,
        input.secretaryAccountId,
        'secretaryAccountId',
        row.unit_id,
        tree,
        row.secretary_account_id,
      ),
    }),
    ...(input.warningSeconds !== undefined && {
      warning_seconds: checkWarningSeconds(input.warningSeconds),
    }),
    updated_at: nowOf(ctx),
  };
  const guests = input.guests && cleanGuests(input.guests);
  const unitIds = input.unitIds && checkInvited(input.unitIds, row.unit_id, tree);
  const updated = await repo.updateMeeting(db, id, input.version, patch);
  if (!updated) throw stale('meeting', row.version);
  if (guests) await saveGuests(db, id, guests);
  if (unitIds) await replaceInvited(db, ctx, loaded, unitIds, names);
  const units = await repo.listMeetingUnits(db, [id]);
  const current = await repo.findMeeting(db, id);
  const meeting = await presentMeeting(db, ctx, { row: current!, units, tree }, lang);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: row.unit_id,
    entityType: 'meeting',
    entityId: id,
    summary: meeting.title,
    before: auditView(before),
    after: auditView(meeting),
  });
  return meeting;
}

/**
 * New invited units: the units dropped leave with their agenda items, the units added get an
 * item after the last unit item, everyone keeps its answer, the order follows the list.
 */
async function replaceInvited(
  db: Db,
  ctx: Ctx,
  loaded: LoadedMeeting,
  unitIds: number[],
  names: Names,
): Promise<void> {
  const id = loaded.row.id;
  const wanted = new Set(unitIds);
  const current = new Set(loaded.units.map((u) => u.unit_id));
  const dropped = [...current].filter((u) => !wanted.has(u));
  const added = unitIds.filter((u) => !current.has(u));
  if (dropped.length === 0 && added.length === 0) {
    for (const [i, unitId] of unitIds.entries())
      await repo.updateMeetingUnit(db, id, unitId, { sort_order: i + 1 });
    return;
  }
  await repo.deleteMeetingUnits(db, id, dropped);
  await repo.insertMeetingUnits(
    db,
    added.map((u) => newUnitRow(id, u, 0)),
  );
  for (const [i, unitId] of unitIds.entries())
    await repo.updateMeetingUnit(db, id, unitId, { sort_order: i + 1 });
  const items = await repo.listAgendaItems(db, id);
  await repo.deleteAgendaItems(
    db,
    id,
    items.filter((it) => it.unit_id !== null && dropped.includes(it.unit_id)).map((it) => it.id),
  );
  const kept = items.filter((it) => !(it.unit_id !== null && dropped.includes(it.unit_id)));
  const lastUnit = kept.map((it) => it.kind).lastIndexOf('unit');
  const insertAt = lastUnit >= 0 ? lastUnit + 1 : Math.min(2, kept.length);
  const seconds = unitItemSeconds(
    secondsBetween(loaded.row.starts_at, loaded.row.planned_end_at),
    unitIds.length,
  );
  const order = [
    ...kept.slice(0, insertAt),
    ...added.map((u) => ({ newUnit: u })),
    ...kept.slice(insertAt),
  ];
  for (const [i, it] of order.entries()) {
    if ('newUnit' in it) {
      await repo.insertAgendaItem(db, {
        meeting_id: id,
        sort_order: i + 1,
        kind: 'unit',
        unit_id: it.newUnit,
        title: unitName(names, it.newUnit) ?? '',
        planned_seconds: seconds,
        speaker_name: null,
        speaker_position: null,
        extra: 0,
        paused_ms: 0,
      });
    } else if (it.sort_order !== i + 1) {
      await repo.updateAgendaItem(db, id, it.id, { sort_order: i + 1 });
    }
  }
  await repo.bumpPart(db, id, 'agenda_version', null, nowOf(ctx));
  await repo.bumpPart(db, id, 'attendance_version', null, nowOf(ctx));
}

/** Sends the invitation in the workspace (again, if it changed); warns when notice is short. */
export async function sendInvitation(
  db: Db,
  ctx: Ctx,
  id: number,
  input: SendInvitationBody,
  lang: Lang = 'vi',
): Promise<Meeting> {
  const loaded = await loadMeeting(db, ctx, id);
  const { row, tree } = loaded;
  if (!canRunMeeting(ctx.actor, loaded.access, tree)) throw Forbidden();
  requireState(row, ['planned'], 'invitation');
  if (row.version !== input.version) throw stale('meeting', row.version);
  const at = nowOf(ctx);
  const updated = await repo.updateMeeting(db, id, input.version, {
    invitation_sent_at: at,
    invitation_sent_by_name: ctx.actor.fullName,
    updated_at: at,
  });
  if (!updated) throw stale('meeting', row.version);
  const meeting = await presentMeeting(db, ctx, { ...loaded, row: updated }, lang);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: row.unit_id,
    entityType: 'meeting_invitation',
    entityId: id,
    summary: row.title,
    after: {
      invitationSentAt: at,
      noticeDays: meeting.invitationNoticeDays,
      units: meeting.units.length,
    },
  });
  return notifyInvitation(db, ctx, meeting);
}

/**
 * An invited unit's answer: who attends (its head, or a named delegate with a position), or
 * that it declines and why. Until the meeting starts; pre-fills the unit's attendance.
 */
export async function respondToInvitation(
  db: Db,
  ctx: Ctx,
  id: number,
  unitId: number,
  input: RespondBody,
  lang: Lang = 'vi',
): Promise<Meeting> {
  const loaded = await loadMeeting(db, ctx, id);
  const { row, tree, units } = loaded;
  const unit = units.find((u) => u.unit_id === unitId);
  if (!unit) throw NotFound('unit');
  if (!ownInvitedUnits(ctx.actor, loaded.access, tree).includes(unitId)) throw Forbidden();
  requireState(row, ['planned'], 'response');
  if (row.invitation_sent_at === null)
    throw new AppError(409, 'meeting_invitation_not_sent', {}, { response: { rule: 'invalid' } });
  const at = nowOf(ctx);
  const names = await loadNames(db, [row.period_id]);
  let patch;
  if (input.response === 'declined') {
    const reason = input.reason?.trim();
    if (!reason) throw Invalid({ reason: { rule: 'declineReason' } });
    patch = {
      response: 'declined',
      attendee_kind: null,
      attendee_name: null,
      attendee_position: null,
      decline_reason: reason,
      attendance: 'absent',
      attendance_name: null,
      attendance_position: null,
      absence_reason: reason,
    };
  } else {
    const kind = input.attendeeKind ?? 'head';
    const name =
      input.name?.trim() || (kind === 'head' ? headOf(names, unitId)?.fullName : undefined);
    const position =
      input.position?.trim() ||
      (kind === 'head' ? (headOf(names, unitId)?.position ?? undefined) : undefined);
    if (kind === 'delegate' && !name) throw Invalid({ name: { rule: 'delegateName' } });
    if (kind === 'delegate' && !position) throw Invalid({ position: { rule: 'delegatePosition' } });
    patch = {
      response: 'confirmed',
      attendee_kind: kind,
      attendee_name: name ?? null,
      attendee_position: position ?? null,
      decline_reason: null,
      attendance: kind === 'head' ? 'present' : 'delegate',
      attendance_name: name ?? null,
      attendance_position: position ?? null,
      absence_reason: null,
    };
  }
  await repo.updateMeetingUnit(db, id, unitId, {
    ...patch,
    responded_at: at,
    responded_by_name: ctx.actor.fullName,
  });
  await repo.bumpPart(db, id, 'attendance_version', null, at);
  const current = (await repo.findMeeting(db, id))!;
  const meeting = await presentMeeting(
    db,
    ctx,
    { row: current, units: await repo.listMeetingUnits(db, [id]), tree },
    lang,
  );
  await recordAudit(db, ctx, {
    action: 'update',
    unitId,
    entityType: 'meeting_response',
    entityId: `${id}:${unitId}`,
    summary: `${row.title} — ${unitName(names, unitId)}`,
    before: presentMeetingUnit(unit, names),
    after: meeting.units.find((u) => u.unitId === unitId),
  });
  return meeting;
}

/** The unit's head: the first active account holding unit_head in the unit itself. */
function headOf(names: Names, unitId: number): AccountPerson | undefined {
  return [...names.people.values()]
    .filter((p) => p.active && p.roles.some((r) => r.role === 'unit_head' && r.unitId === unitId))
    .sort((a, b) => a.accountId - b.accountId)[0];
}
