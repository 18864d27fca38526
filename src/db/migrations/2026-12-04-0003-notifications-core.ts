import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

// Frozen: never edit after it has landed; add a new migration instead.
// Notifications: each account's in-app list, and the e-mail outbox the sender job works from.
// Both carry the same unique key (kind, subject, recipient, occasion): whatever produces a
// notification twice — a reminder job on two instances, or run again after a restart — finds
// the row already there. Accounts gain an e-mail address, the choice to receive e-mail, and the
// language their e-mail is written in.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('accounts').addColumn('email', 'varchar(254)').execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('email_opt_in', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .alterTable('accounts')
    .addColumn('language', 'varchar(2)', (c) => c.notNull().defaultTo('vi'))
    .execute();

  await withId(db, db.schema.createTable('notifications'))
    .addColumn('account_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('occasion', 'varchar(40)', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(500)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('read_at', 'varchar(30)')
    .execute();
  await db.schema
    .createIndex('notifications_key')
    .on('notifications')
    .columns(['kind', 'subject_type', 'subject_id', 'account_id', 'occasion'])
    .unique()
    .execute();
  await db.schema
    .createIndex('notifications_account_idx')
    .on('notifications')
    .columns(['account_id', 'id'])
    .execute();

  await withId(db, db.schema.createTable('outbox'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('subject_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('subject_id', 'integer', (c) => c.notNull())
    .addColumn('recipient_id', 'integer', (c) =>
      c.notNull().references('accounts.id').onDelete('cascade'),
    )
    .addColumn('occasion', 'varchar(40)', (c) => c.notNull())
    .addColumn('to_address', 'varchar(254)', (c) => c.notNull())
    .addColumn('language', 'varchar(2)', (c) => c.notNull())
    .addColumn('params_json', 'text', (c) => c.notNull())
    .addColumn('link', 'varchar(500)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('claimed_until', 'varchar(30)')
    .addColumn('last_error', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)')
    .execute();
  await db.schema
    .createIndex('outbox_key')
    .on('outbox')
    .columns(['kind', 'subject_type', 'subject_id', 'recipient_id', 'occasion'])
    .unique()
    .execute();
  await db.schema
    .createIndex('outbox_due_idx')
    .on('outbox')
    .columns(['status', 'next_attempt_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('outbox').execute();
  await db.schema.dropTable('notifications').execute();
  for (const c of ['language', 'email_opt_in', 'email'])
    await db.schema.alterTable('accounts').dropColumn(c).execute();
}
