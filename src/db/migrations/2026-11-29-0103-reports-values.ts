import type { Kysely } from 'kysely';
import { reference, withId } from '../dialect.ts';

// Frozen: never edit after it has landed; add a new migration instead.
// Indicator values per unit and quarter, annual targets, proposals and attachments.
// Values are `double precision`: both engines read it back as a JS number (pg returns
// NUMERIC and BIGINT as strings, which every query would have to convert).

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_values')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('indicator_id', 'integer', (c) =>
      c.notNull().references('indicators.id').onDelete('restrict'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('quarter', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('report_id', 'integer', reference('unit_reports', 'restrict'))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_values_pk', ['year', 'unit_id', 'indicator_id', 'quarter'])
    .execute();

  await db.schema
    .createTable('indicator_targets')
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('indicator_id', 'integer', (c) =>
      c.notNull().references('indicators.id').onDelete('restrict'),
    )
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('value', 'double precision', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_targets_pk', ['year', 'unit_id', 'indicator_id'])
    .execute();

  await withId(db, db.schema.createTable('report_proposals'))
    .addColumn('report_id', 'integer', (c) =>
      c.notNull().references('unit_reports.id').onDelete('restrict'),
    )
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('answer', 'text')
    .addColumn('answered_by', 'integer', reference('accounts', 'restrict'))
    .addColumn('answered_by_name', 'varchar(200)')
    .addColumn('answered_at', 'varchar(30)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_proposals_report_idx')
    .on('report_proposals')
    .column('report_id')
    .execute();

  // 'bytea' is a valid PostgreSQL type and, in SQLite, a name whose affinity keeps blobs as blobs.
  await withId(db, db.schema.createTable('report_attachments'))
    .addColumn('report_id', 'integer', (c) =>
      c.notNull().references('unit_reports.id').onDelete('cascade'),
    )
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('mime_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', 'bytea', (c) => c.notNull())
    .addColumn('uploaded_by', 'integer', reference('accounts', 'restrict'))
    .addColumn('uploaded_by_name', 'varchar(200)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_attachments_report_idx')
    .on('report_attachments')
    .column('report_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'report_attachments',
    'report_proposals',
    'indicator_targets',
    'indicator_values',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
