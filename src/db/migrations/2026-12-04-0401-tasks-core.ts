import type { Kysely } from 'kysely';
import { reference, withId } from '../dialect.ts';

// Frozen: never edit after it has landed; add a new migration instead.
// Tasks: made from a meeting's directives or entered directly, with a lead unit, coordinating
// units, a deadline, and a history of every change of state and deadline.

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('tasks'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('title', 'varchar(1000)', (c) => c.notNull())
    .addColumn('details', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'integer', (c) =>
      c.notNull().references('units.id').onDelete('restrict'),
    )
    .addColumn('deadline', 'varchar(10)', (c) => c.notNull())
    .addColumn('deadline_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('extensions', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('expected_result', 'text', (c) => c.notNull())
    .addColumn('source_kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('source_meeting_id', 'integer', reference('meetings', 'restrict'))
    .addColumn('source_directive_id', 'integer', reference('meeting_directives', 'restrict'))
    .addColumn('source_document', 'varchar(500)')
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_by', 'integer', reference('accounts', 'restrict'))
    .addColumn('created_by_name', 'varchar(200)')
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('tasks_unit_idx').on('tasks').columns(['unit_id', 'state']).execute();
  await db.schema.createIndex('tasks_lead_idx').on('tasks').columns(['lead_unit_id']).execute();
  await db.schema.createIndex('tasks_deadline_idx').on('tasks').columns(['deadline']).execute();
  await db.schema
    .createIndex('tasks_meeting_idx')
    .on('tasks')
    .columns(['source_meeting_id'])
    .execute();
  await db.schema
    .createIndex('tasks_directive_uq')
    .on('tasks')
    .column('source_directive_id')
    .unique()
    .execute();

  await db.schema
    .createTable('task_units')
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('task_units_pk', ['task_id', 'unit_id'])
    .execute();
  await db.schema.createIndex('task_units_unit_idx').on('task_units').column('unit_id').execute();

  await withId(db, db.schema.createTable('task_history'))
    .addColumn('task_id', 'integer', (c) => c.notNull().references('tasks.id').onDelete('cascade'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('actor_id', 'integer', reference('accounts', 'restrict'))
    .addColumn('actor_name', 'varchar(200)')
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('action', 'varchar(20)')
    .addColumn('from_state', 'varchar(20)')
    .addColumn('to_state', 'varchar(20)')
    .addColumn('old_deadline', 'varchar(10)')
    .addColumn('new_deadline', 'varchar(10)')
    .addColumn('comment', 'text')
    .execute();
  await db.schema
    .createIndex('task_history_task_idx')
    .on('task_history')
    .columns(['task_id', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['task_history', 'task_units', 'tasks']) {
    await db.schema.dropTable(t).execute();
  }
}
