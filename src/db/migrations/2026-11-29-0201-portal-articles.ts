import type { Kysely } from 'kysely';
import { binaryColumnType, reference, withId } from '../dialect.ts';

// Frozen: never edit after it has landed; add a new migration instead.

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('portal_categories'))
    .addColumn('slug', 'varchar(100)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('portal_images'))
    .addColumn('mime', 'varchar(50)', (c) => c.notNull())
    .addColumn('bytes', binaryColumnType(db), (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_by', 'integer', reference('accounts'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('portal_articles'))
    .addColumn('slug', 'varchar(120)', (c) => c.notNull().unique())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('title_folded', 'varchar(300)', (c) => c.notNull())
    .addColumn('summary', 'varchar(1000)', (c) => c.notNull().defaultTo(''))
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('body_folded', 'text', (c) => c.notNull())
    .addColumn('byline', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('cover_image_id', 'integer', reference('portal_images'))
    .addColumn('cover_alt', 'varchar(300)', (c) => c.notNull().defaultTo(''))
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('publish_at', 'varchar(30)')
    .addColumn('views', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('import_key', 'varchar(400)', (c) => c.unique())
    .addColumn('created_by', 'integer', reference('accounts'))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_articles_state_idx')
    .on('portal_articles')
    .columns(['state', 'publish_at'])
    .execute();

  await db.schema
    .createTable('portal_article_categories')
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('portal_articles.id').onDelete('cascade'),
    )
    .addColumn('category_id', 'integer', (c) =>
      c.notNull().references('portal_categories.id').onDelete('restrict'),
    )
    .addPrimaryKeyConstraint('portal_article_categories_pk', ['article_id', 'category_id'])
    .execute();
  await db.schema
    .createIndex('portal_article_categories_cat_idx')
    .on('portal_article_categories')
    .column('category_id')
    .execute();

  await withId(db, db.schema.createTable('portal_revisions'))
    .addColumn('article_id', 'integer', (c) =>
      c.notNull().references('portal_articles.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('summary', 'varchar(1000)', (c) => c.notNull())
    .addColumn('body_html', 'text', (c) => c.notNull())
    .addColumn('byline', 'varchar(300)', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('actor_name', 'varchar(200)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('portal_revisions_article_idx')
    .on('portal_revisions')
    .columns(['article_id', 'version'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'portal_revisions',
    'portal_article_categories',
    'portal_articles',
    'portal_images',
    'portal_categories',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
