import type { Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// The compiled summary of a meeting as frozen when it started: what was presented, and what
// documents are rendered from, whatever happens to the reports afterwards.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('meeting_summaries')
    .addColumn('meeting_id', 'integer', (c) =>
      c.primaryKey().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('frozen_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('meeting_summaries').execute();
}
