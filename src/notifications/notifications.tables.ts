import type { Generated, Selectable } from 'kysely';

/** An entry of an account's in-app list. `params_json` fills the kind's template when shown. */
export interface NotificationTable {
  id: Generated<number>;
  account_id: number;
  kind: string;
  subject_type: string;
  subject_id: number;
  /** What makes this occasion distinct (a deadline, a sending time); '' when there is one only. */
  occasion: string;
  params_json: string;
  /** The workspace path of the subject (/app/tasks/12). */
  link: string;
  created_at: string;
  read_at: string | null;
}

/** An e-mail to send: written with the change that causes it, claimed and sent by the sender job. */
export interface OutboxTable {
  id: Generated<number>;
  kind: string;
  subject_type: string;
  subject_id: number;
  recipient_id: number;
  occasion: string;
  to_address: string;
  language: string;
  params_json: string;
  link: string;
  /** pending → sending → sent; back to pending after a failed try; failed after the last one; skipped while e-mail is off. */
  status: string;
  attempts: Generated<number>;
  next_attempt_at: string;
  /** While `sending`: until when the claim holds (a crashed sender's rows are taken again after). */
  claimed_until: string | null;
  last_error: string | null;
  created_at: string;
  sent_at: string | null;
}

export interface NotificationTables {
  notifications: NotificationTable;
  outbox: OutboxTable;
}

export type NotificationRow = Selectable<NotificationTable>;
export type OutboxRow = Selectable<OutboxTable>;
