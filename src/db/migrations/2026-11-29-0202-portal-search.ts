import type { Kysely } from 'kysely';
import { createArticleSearchIndex, dropArticleSearchIndex } from '../dialect.ts';

// Frozen: never edit after it has landed; add a new migration instead.

/** The full-text index over the folded title and body (FTS5 table / PostgreSQL GIN index). */
export async function up(db: Kysely<any>): Promise<void> {
  await createArticleSearchIndex(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropArticleSearchIndex(db);
}
