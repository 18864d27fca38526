import type { Kysely } from 'kysely';
import { reference, withId } from '../dialect.ts';

// Frozen: never edit after it has landed; add a new migration instead.
// Periods, the units that must report in them, unit reports, their revisions and events.

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('report_periods'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('start_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('end_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('data_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('cutoff_date', 'varchar(10)', (c) => c.notNull())
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('template_version_id', 'integer', (c) =>
      c.notNull().references('report_template_versions.id').onDelete('restrict'),
    )
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('report_periods_uq', ['unit_id', 'kind', 'year', 'number'])
    .execute();

  await withId(db, db.schema.createTable('unit_reports'))
    .addColumn('period_id', 'integer', (c) =>
      c.notNull().references('report_periods.id').onDelete('restrict'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('sections_json', 'text', (c) => c.notNull())
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('return_comment', 'text')
    .addColumn('submitted_at', 'varchar(30)')
    .addColumn('accepted_at', 'varchar(30)')
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('unit_reports_uq', ['period_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('unit_reports_unit_idx')
    .on('unit_reports')
    .column('unit_id')
    .execute();

  // A full snapshot per save, so any two can be compared.
  await withId(db, db.schema.createTable('report_revisions'))
    .addColumn('report_id', 'integer', (c) =>
      c.notNull().references('unit_reports.id').onDelete('cascade'),
    )
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('content_json', 'text', (c) => c.notNull())
    .addColumn('author_id', 'integer', reference('accounts', 'restrict'))
    .addColumn('author_name', 'varchar(200)')
    .addColumn('note', 'varchar(40)', (c) => c.notNull())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addUniqueConstraint('report_revisions_uq', ['report_id', 'number'])
    .execute();

  await withId(db, db.schema.createTable('report_events'))
    .addColumn('report_id', 'integer', (c) =>
      c.notNull().references('unit_reports.id').onDelete('cascade'),
    )
    .addColumn('action', 'varchar(20)', (c) => c.notNull())
    .addColumn('from_state', 'varchar(20)', (c) => c.notNull())
    .addColumn('to_state', 'varchar(20)', (c) => c.notNull())
    .addColumn('comment', 'text')
    .addColumn('late', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('actor_id', 'integer', reference('accounts', 'restrict'))
    .addColumn('actor_name', 'varchar(200)')
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_events_report_idx')
    .on('report_events')
    .column('report_id')
    .execute();

  await withId(db, db.schema.createTable('report_reminders'))
    .addColumn('period_id', 'integer', (c) =>
      c.notNull().references('report_periods.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('message', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'integer', reference('accounts', 'restrict'))
    .addColumn('sent_by_name', 'varchar(200)')
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('report_reminders_period_idx')
    .on('report_reminders')
    .columns(['period_id', 'unit_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'report_reminders',
    'report_events',
    'report_revisions',
    'unit_reports',
    'report_periods',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
