import { sql, type Kysely } from 'kysely';
import { engineOf } from '../dialect.ts';

// Frozen: never edit after it has landed; add a new migration instead.
// The portal at a province's size (100,000 articles and more):
// - PostgreSQL keeps each article's search vector as a stored column with its GIN index, so a
//   search reads the index and ranks stored vectors instead of re-parsing every body;
// - a category's published articles, newest first, come from one index of the category links,
//   which carry the publish time of a published article (NULL otherwise);
// - one counter row that every article or category write bumps tells each instance's page cache
//   that something changed, without scanning the articles.

export async function up(db: Kysely<any>): Promise<void> {
  if (engineOf(db) === 'postgres') {
    await sql`ALTER TABLE portal_articles ADD COLUMN search_vector tsvector GENERATED ALWAYS AS (setweight(to_tsvector('simple', title_folded), 'A') || setweight(to_tsvector('simple', body_folded), 'B')) STORED`.execute(
      db,
    );
    await sql`DROP INDEX portal_articles_search_idx`.execute(db);
    await sql`CREATE INDEX portal_articles_vector_idx ON portal_articles USING gin (search_vector)`.execute(
      db,
    );
  }

  await db.schema
    .alterTable('portal_article_categories')
    .addColumn('published_at', 'varchar(30)')
    .execute();
  await sql`UPDATE portal_article_categories SET published_at = (SELECT a.publish_at FROM portal_articles a WHERE a.id = portal_article_categories.article_id AND a.state = 'published')`.execute(
    db,
  );
  await db.schema
    .createIndex('portal_article_categories_published_idx')
    .on('portal_article_categories')
    .columns(['category_id', 'published_at', 'article_id'])
    .execute();
  await db.schema
    .createIndex('portal_articles_published_idx')
    .on('portal_articles')
    .columns(['state', 'publish_at', 'id'])
    .execute();
  await db.schema.dropIndex('portal_articles_state_idx').execute();

  await db.schema
    .createTable('portal_changes')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('counter', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('portal_changes').values({ id: 1, counter: 0 }).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('portal_changes').execute();
  await db.schema
    .createIndex('portal_articles_state_idx')
    .on('portal_articles')
    .columns(['state', 'publish_at'])
    .execute();
  await db.schema.dropIndex('portal_articles_published_idx').execute();
  await db.schema.dropIndex('portal_article_categories_published_idx').execute();
  await db.schema.alterTable('portal_article_categories').dropColumn('published_at').execute();
  if (engineOf(db) === 'postgres') {
    await sql`DROP INDEX portal_articles_vector_idx`.execute(db);
    await sql`ALTER TABLE portal_articles DROP COLUMN search_vector`.execute(db);
    await sql`CREATE INDEX portal_articles_search_idx ON portal_articles USING gin ((setweight(to_tsvector('simple', title_folded), 'A') || setweight(to_tsvector('simple', body_folded), 'B')))`.execute(
      db,
    );
  }
}
