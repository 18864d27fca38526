import type { Insertable, Kysely } from 'kysely';
import { engineOf } from '../db/dialect.ts';
import type { Db } from '../db/schema.ts';
import type { NotificationTable, OutboxRow, OutboxTable } from './notifications.tables.ts';

/** The key both tables are unique on; the recipient column differs by name. */
const NOTIFICATION_KEY = ['kind', 'subject_type', 'subject_id', 'account_id', 'occasion'] as const;
const OUTBOX_KEY = ['kind', 'subject_type', 'subject_id', 'recipient_id', 'occasion'] as const;

/** Inserts what is not there yet (ON CONFLICT DO NOTHING); the ids of the rows written. */
export async function insertNotifications(
  db: Db,
  rows: Insertable<NotificationTable>[],
): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const done = await db
      .insertInto('notifications')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns([...NOTIFICATION_KEY]).doNothing())
      .returning('id')
      .execute();
    written += done.length;
  }
  return written;
}

export async function insertOutbox(db: Db, rows: Insertable<OutboxTable>[]): Promise<number> {
  let written = 0;
  for (let i = 0; i < rows.length; i += 500) {
    const done = await db
      .insertInto('outbox')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.columns([...OUTBOX_KEY]).doNothing())
      .returning('id')
      .execute();
    written += done.length;
  }
  return written;
}

export interface Recipient {
  id: number;
  email: string | null;
  email_opt_in: number;
  language: string;
}

export function activeRecipients(db: Db, ids: number[]): Promise<Recipient[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('accounts')
    .select(['id', 'email', 'email_opt_in', 'language'])
    .where('id', 'in', ids)
    .where('active', '=', 1)
    .execute();
}

/** Accounts holding one of `roles` in one of `unitIds` (the unit itself), by unit. */
export async function accountsByUnit(
  db: Db,
  unitIds: number[],
  roles: string[],
): Promise<{ unit_id: number; account_id: number }[]> {
  if (unitIds.length === 0 || roles.length === 0) return [];
  return db
    .selectFrom('account_roles')
    .innerJoin('accounts', 'accounts.id', 'account_roles.account_id')
    .select(['account_roles.unit_id', 'account_roles.account_id'])
    .where('account_roles.unit_id', 'in', unitIds)
    .where('account_roles.role', 'in', roles)
    .where('accounts.active', '=', 1)
    .distinct()
    .execute();
}

/* ---------- the in-app list ---------- */

export function listNotifications(
  db: Db,
  accountId: number,
  opts: { unread: boolean; offset: number; limit: number },
) {
  let q = db.selectFrom('notifications').selectAll().where('account_id', '=', accountId);
  if (opts.unread) q = q.where('read_at', 'is', null);
  return q.orderBy('id', 'desc').offset(opts.offset).limit(opts.limit).execute();
}

export async function countNotifications(
  db: Db,
  accountId: number,
): Promise<{ total: number; unread: number }> {
  const row = await db
    .selectFrom('notifications')
    .select((eb) => [
      eb.fn.countAll<number | string>().as('total'),
      eb.fn
        .count<number | string>(eb.case().when('read_at', 'is', null).then(1).end())
        .as('unread'),
    ])
    .where('account_id', '=', accountId)
    .executeTakeFirstOrThrow();
  return { total: Number(row.total), unread: Number(row.unread) };
}

export async function markRead(
  db: Db,
  accountId: number,
  id: number | null,
  at: string,
): Promise<number> {
  let q = db
    .updateTable('notifications')
    .set({ read_at: at })
    .where('account_id', '=', accountId)
    .where('read_at', 'is', null);
  if (id !== null) q = q.where('id', '=', id);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export function findNotification(db: Db, id: number) {
  return db.selectFrom('notifications').selectAll().where('id', '=', id).executeTakeFirst();
}

/* ---------- the outbox ---------- */

/**
 * Claims up to `limit` due rows for this sender until `until`: pending ones whose time has come,
 * and `sending` ones whose claim ran out (their sender stopped mid-way). On PostgreSQL the rows
 * are locked FOR UPDATE SKIP LOCKED, so senders on other instances claim other rows at the same
 * moment; SQLite's write transaction lets one claim at a time. Call inside a transaction.
 */
export async function claimDue(
  db: Db,
  now: string,
  until: string,
  limit: number,
): Promise<OutboxRow[]> {
  let q = db
    .selectFrom('outbox')
    .select('id')
    .where((eb) =>
      eb.or([
        eb.and([eb('status', '=', 'pending'), eb('next_attempt_at', '<=', now)]),
        eb.and([eb('status', '=', 'sending'), eb('claimed_until', '<', now)]),
      ]),
    )
    .orderBy('id')
    .limit(limit);
  if (engineOf(db as Kysely<unknown>) === 'postgres') q = q.forUpdate().skipLocked();
  const ids = (await q.execute()).map((r) => r.id);
  if (ids.length === 0) return [];
  return db
    .updateTable('outbox')
    .set({ status: 'sending', claimed_until: until })
    .where('id', 'in', ids)
    .returningAll()
    .execute();
}

export async function markSent(db: Db, id: number, at: string): Promise<void> {
  await db
    .updateTable('outbox')
    .set((eb) => ({
      status: 'sent',
      sent_at: at,
      claimed_until: null,
      last_error: null,
      attempts: eb('attempts', '+', 1),
    }))
    .where('id', '=', id)
    .execute();
}

export async function markFailed(
  db: Db,
  id: number,
  patch: {
    status: 'pending' | 'failed' | 'skipped';
    attempts: number;
    next: string;
    error: string;
  },
): Promise<void> {
  await db
    .updateTable('outbox')
    .set({
      status: patch.status,
      attempts: patch.attempts,
      next_attempt_at: patch.next,
      claimed_until: null,
      last_error: patch.error,
    })
    .where('id', '=', id)
    .execute();
}

/** Claimed rows handed back untried (the server could not be reached): due again at once. */
export async function release(db: Db, ids: number[]): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('outbox')
    .set({ status: 'pending', claimed_until: null })
    .where('id', 'in', ids)
    .where('status', '=', 'sending')
    .execute();
}

export function listOutbox(db: Db, statuses: string[], offset: number, limit: number) {
  return db
    .selectFrom('outbox')
    .innerJoin('accounts', 'accounts.id', 'outbox.recipient_id')
    .select([
      'outbox.id',
      'outbox.kind',
      'outbox.subject_type',
      'outbox.subject_id',
      'outbox.to_address',
      'outbox.status',
      'outbox.attempts',
      'outbox.next_attempt_at',
      'outbox.last_error',
      'outbox.created_at',
      'outbox.sent_at',
      'accounts.full_name',
      'outbox.recipient_id',
      'outbox.params_json',
    ])
    .where('outbox.status', 'in', statuses)
    .orderBy('outbox.id', 'desc')
    .offset(offset)
    .limit(limit)
    .execute();
}

export async function countOutbox(db: Db): Promise<Record<string, number>> {
  const rows = await db
    .selectFrom('outbox')
    .select(['status', (eb) => eb.fn.countAll<number | string>().as('n')])
    .groupBy('status')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.status, Number(r.n)]));
}

export function findOutbox(db: Db, id: number) {
  return db.selectFrom('outbox').selectAll().where('id', '=', id).executeTakeFirst();
}

/** A failed (or skipped) e-mail back in the queue, tried again from its first attempt. */
export async function requeue(db: Db, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: at, claimed_until: null })
    .where('id', '=', id)
    .where('status', 'in', ['failed', 'skipped'])
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/* ---------- an account's e-mail settings ---------- */

export function mailSettingsOf(db: Db, accountId: number) {
  return db
    .selectFrom('accounts')
    .select(['email', 'email_opt_in', 'language'])
    .where('id', '=', accountId)
    .executeTakeFirst();
}

export async function saveMailSettings(
  db: Db,
  accountId: number,
  patch: { email: string | null; email_opt_in: number; language: string; updated_at: string },
): Promise<void> {
  await db
    .updateTable('accounts')
    .set((eb) => ({ ...patch, version: eb('version', '+', 1) }))
    .where('id', '=', accountId)
    .execute();
}
