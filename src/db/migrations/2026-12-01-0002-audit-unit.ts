import type { Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// The unit an audit entry is about, so an admin of a unit reads the entries of their subtree.
// No foreign key: the log outlives what it describes. Entries written before have none, and
// only admins of a top-level unit read them.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('audit_log').addColumn('unit_id', 'integer').execute();
  await db.schema
    .createIndex('audit_log_unit_at_idx')
    .on('audit_log')
    .columns(['unit_id', 'at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('audit_log_unit_at_idx').execute();
  await db.schema.alterTable('audit_log').dropColumn('unit_id').execute();
}
