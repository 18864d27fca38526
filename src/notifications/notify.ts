import { sql, type Insertable, type RawBuilder, type SqlBool } from 'kysely';
import { nowOf, type Clock } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import type { Role } from '../units/roles.ts';
import * as repo from './notifications.repository.ts';
import type { NotificationTable, OutboxTable } from './notifications.tables.ts';
import type { NotificationKind, NotificationParams } from './templates.ts';

export type { NotificationParams };

export interface NotifyInput {
  kind: NotificationKind;
  /** What the notification is about: its type and id (with kind, recipient and occasion, the key). */
  subject: { type: string; id: number };
  /**
   * What makes this occasion distinct from another of the same kind and subject: the deadline
   * of a "due soon" reminder (an extension gives a new one), the time an invitation was sent;
   * '' when a kind happens once per subject.
   */
  occasion: string;
  /** Account ids; repeated and inactive ones, and the caller, are left out. */
  recipients: number[];
  params: NotificationParams;
  /** The subject's page in the workspace, e.g. /app/tasks/12. */
  link: string;
}

/** Who is notifying: the caller (left out of the recipients), or a job (actor null), and the clock. */
export interface NotifyCtx {
  actor: { id: number } | null;
  now?: Clock;
}

/**
 * Notifies accounts of something: an entry in each one's in-app list, and an e-mail in the
 * outbox for those with an address who chose to receive e-mail. Written in the caller's
 * transaction (the change and its notifications commit together) and idempotent by the key
 * (kind, subject, recipient, occasion): producing it again — a reminder run twice, on two
 * instances — writes nothing (ON CONFLICT DO NOTHING on both engines). Returns how many in-app
 * entries were new.
 */
export async function notify(db: Db, ctx: NotifyCtx, input: NotifyInput): Promise<number> {
  return notifyMany(db, ctx, [input]);
}

/** notify for many notifications at once: one look-up of the recipients, inserts in batches. */
export async function notifyMany(db: Db, ctx: NotifyCtx, inputs: NotifyInput[]): Promise<number> {
  const leaveOut = ctx.actor?.id;
  const wanted = [...new Set(inputs.flatMap((i) => i.recipients))].filter((id) => id !== leaveOut);
  if (wanted.length === 0) return 0;
  const people = new Map((await repo.activeRecipients(db, wanted)).map((p) => [p.id, p]));
  const at = nowOf(ctx);
  const entries: Insertable<NotificationTable>[] = [];
  const mail: Insertable<OutboxTable>[] = [];
  for (const input of inputs) {
    const params = JSON.stringify(input.params);
    const key = {
      kind: input.kind,
      subject_type: input.subject.type,
      subject_id: input.subject.id,
      occasion: input.occasion,
    };
    for (const id of new Set(input.recipients)) {
      const p = people.get(id);
      if (!p) continue;
      entries.push({
        ...key,
        account_id: id,
        params_json: params,
        link: input.link,
        created_at: at,
      });
      if (p.email && p.email_opt_in === 1)
        mail.push({
          ...key,
          recipient_id: id,
          to_address: p.email,
          language: p.language === 'en' ? 'en' : 'vi',
          params_json: params,
          link: input.link,
          status: 'pending',
          next_attempt_at: at,
          created_at: at,
        });
    }
  }
  const written = await repo.insertNotifications(db, entries);
  await repo.insertOutbox(db, mail);
  return written;
}

/**
 * The active accounts holding one of `roles` in each of `unitIds` (in the unit itself, not above
 * it: the people of that unit), by unit.
 */
export async function accountsHolding(
  db: Db,
  unitIds: number[],
  roles: Role[],
): Promise<Map<number, number[]>> {
  const byUnit = new Map<number, number[]>();
  for (const r of await repo.accountsByUnit(db, [...new Set(unitIds)], roles)) {
    const list = byUnit.get(r.unit_id) ?? [];
    list.push(r.account_id);
    byUnit.set(r.unit_id, list);
  }
  return byUnit;
}

/** accountsHolding flattened: everyone holding one of `roles` in any of `unitIds`. */
export async function peopleOf(db: Db, unitIds: number[], roles: Role[]): Promise<number[]> {
  return [...new Set([...(await accountsHolding(db, unitIds, roles)).values()].flat())];
}

/**
 * A WHERE condition for a reminder job's query: no notification of `kind` about the row
 * `subjectId` names has been written for the occasion `occasion` names yet (both column
 * references of the query, e.g. 'tasks.id' and 'tasks.deadline'), so a job run again, or on
 * another instance, finds nothing left to remind.
 */
export function notYetNotified(
  kind: NotificationKind,
  subjectType: string,
  subjectId: string,
  occasion: string,
): RawBuilder<SqlBool> {
  return sql<SqlBool>`NOT EXISTS (SELECT 1 FROM notifications
    WHERE notifications.kind = ${kind} AND notifications.subject_type = ${subjectType}
      AND notifications.subject_id = ${sql.ref(subjectId)}
      AND notifications.occasion = ${sql.ref(occasion)})`;
}
