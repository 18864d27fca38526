import type { Kysely } from 'kysely';
import { withId } from '../dialect.ts';

// Frozen: never edit after it has landed; add a new migration instead.
// Settings, indicators and templates: the catalog periods and reports are built from.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('report_settings')
    .addColumn('key', 'varchar(60)', (c) => c.primaryKey())
    .addColumn('value_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('indicators'))
    .addColumn('code', 'varchar(40)', (c) => c.notNull().unique())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('measure', 'varchar(40)', (c) => c.notNull())
    .addColumn('aggregation', 'varchar(10)', (c) => c.notNull())
    .addColumn('higher_is_better', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('allow_negative', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await withId(db, db.schema.createTable('report_templates'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('current_version_id', 'integer')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // Each edit of a template writes a new version; periods keep the one they were opened with.
  await withId(db, db.schema.createTable('report_template_versions'))
    .addColumn('template_id', 'integer', (c) =>
      c.notNull().references('report_templates.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('indicators_json', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('report_template_versions_uq', ['template_id', 'number'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'report_template_versions',
    'report_templates',
    'indicators',
    'report_settings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
