import type { Kysely } from 'kysely';
import { binaryColumnType, reference, withId } from '../dialect.ts';

// Frozen: never edit after it has landed; add a new migration instead.
// Progress updates of a task (appended, never rewritten; a unit head's approval is recorded
// beside the content, not over it), their attachments, the answers a unit's report form holds
// about its open tasks until the report is sent, and the convening unit's task settings.

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('task_updates'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer')
    .addColumn('reports_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('report_id', 'integer', reference('unit_reports', 'restrict'))
    .addColumn('approval', 'varchar(20)', (c) => c.notNull())
    .addColumn('approved_by', 'integer', reference('accounts', 'restrict'))
    .addColumn('approved_by_name', 'varchar(200)')
    .addColumn('approved_at', 'varchar(30)')
    .addColumn('approval_comment', 'text')
    .addColumn('author_id', 'integer', reference('accounts', 'restrict'))
    .addColumn('author_name', 'varchar(200)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_updates_task_idx')
    .on('task_updates')
    .columns(['task_id', 'id'])
    .execute();
  await db.schema
    .createIndex('task_updates_report_idx')
    .on('task_updates')
    .column('report_id')
    .execute();

  await withId(db, db.schema.createTable('task_update_attachments'))
    .addColumn('update_id', 'integer', (c) =>
      c.notNull().references('task_updates.id').onDelete('cascade'),
    )
    .addColumn('file_name', 'varchar(255)', (c) => c.notNull())
    .addColumn('mime_type', 'varchar(100)', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('data', binaryColumnType(db), (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('task_update_attachments_update_idx')
    .on('task_update_attachments')
    .column('update_id')
    .execute();

  await db.schema
    .createTable('task_report_answers')
    .addColumn('report_id', 'integer', (c) =>
      c.notNull().references('unit_reports.id').onDelete('cascade'),
    )
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('percent', 'integer')
    .addColumn('reports_done', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_by', 'integer', reference('accounts', 'restrict'))
    .addPrimaryKeyConstraint('task_report_answers_pk', ['report_id', 'task_id'])
    .execute();

  await db.schema
    .createTable('task_settings')
    .addColumn('unit_id', 'integer', (c) =>
      c.primaryKey().references('units.id').onDelete('cascade'),
    )
    .addColumn('head_approval', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'task_settings',
    'task_report_answers',
    'task_update_attachments',
    'task_updates',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
