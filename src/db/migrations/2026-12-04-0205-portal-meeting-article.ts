import type { Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// An article drafted from a concluded briefing meeting names it: the meeting's page links to
// the article once it is published, and a meeting has at most one such article. No foreign key
// to meetings: the portal's tables come before the meetings' in the migration order.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portal_articles').addColumn('meeting_id', 'integer').execute();
  await db.schema
    .createIndex('portal_articles_meeting_key')
    .on('portal_articles')
    .column('meeting_id')
    .unique()
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('portal_articles_meeting_key').execute();
  await db.schema.alterTable('portal_articles').dropColumn('meeting_id').execute();
}
