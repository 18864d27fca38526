import type { Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// Categories become editable (rename, reorder): a version for optimistic saves.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('portal_categories')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('portal_categories').dropColumn('version').execute();
}
