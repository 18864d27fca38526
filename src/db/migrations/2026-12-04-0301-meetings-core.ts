import type { Kysely } from 'kysely';
import { reference, withId } from '../dialect.ts';

// Frozen: never edit after it has landed; add a new migration instead.
// Briefing meetings: invited units (invitation answers, attendance), guests, agenda with timing,
// minutes, conclusion with directives, proposals answered in the conclusion.

export async function up(db: Kysely<any>): Promise<void> {
  await withId(db, db.schema.createTable('meetings'))
    .addColumn('period_id', 'integer', (c) =>
      c.notNull().references('report_periods.id').onDelete('restrict'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('starts_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('planned_end_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('place', 'varchar(300)', (c) => c.notNull())
    .addColumn('chair_account_id', 'integer', reference('accounts', 'restrict'))
    .addColumn('secretary_account_id', 'integer', reference('accounts', 'restrict'))
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('cancel_reason', 'text')
    .addColumn('invitation_sent_at', 'varchar(30)')
    .addColumn('invitation_sent_by_name', 'varchar(200)')
    .addColumn('started_at', 'varchar(30)')
    .addColumn('ended_at', 'varchar(30)')
    .addColumn('concluded_at', 'varchar(30)')
    .addColumn('concluded_by', 'integer', reference('accounts', 'restrict'))
    .addColumn('concluded_by_name', 'varchar(200)')
    .addColumn('on_behalf_of', 'integer', reference('accounts', 'restrict'))
    .addColumn('warning_seconds', 'integer', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('agenda_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('attendance_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('meetings_period_idx').on('meetings').column('period_id').execute();
  await db.schema.createIndex('meetings_unit_idx').on('meetings').column('unit_id').execute();

  await db.schema
    .createTable('meeting_units')
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('response', 'varchar(20)', (c) => c.notNull())
    .addColumn('attendee_kind', 'varchar(20)')
    .addColumn('attendee_name', 'varchar(200)')
    .addColumn('attendee_position', 'varchar(200)')
    .addColumn('decline_reason', 'text')
    .addColumn('responded_at', 'varchar(30)')
    .addColumn('responded_by_name', 'varchar(200)')
    .addColumn('attendance', 'varchar(20)', (c) => c.notNull())
    .addColumn('attendance_name', 'varchar(200)')
    .addColumn('attendance_position', 'varchar(200)')
    .addColumn('absence_reason', 'text')
    .addPrimaryKeyConstraint('meeting_units_pk', ['meeting_id', 'unit_id'])
    .execute();
  await db.schema
    .createIndex('meeting_units_unit_idx')
    .on('meeting_units')
    .column('unit_id')
    .execute();

  await withId(db, db.schema.createTable('meeting_guests'))
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('position', 'varchar(200)', (c) => c.notNull())
    .addColumn('organization', 'varchar(300)', (c) => c.notNull())
    .addColumn('present', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('meeting_guests_meeting_idx')
    .on('meeting_guests')
    .column('meeting_id')
    .execute();

  await withId(db, db.schema.createTable('meeting_agenda_items'))
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('kind', 'varchar(10)', (c) => c.notNull())
    .addColumn('unit_id', 'integer', reference('units', 'restrict'))
    .addColumn('title', 'varchar(300)', (c) => c.notNull())
    .addColumn('planned_seconds', 'integer', (c) => c.notNull())
    .addColumn('speaker_name', 'varchar(200)')
    .addColumn('speaker_position', 'varchar(200)')
    .addColumn('extra', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('started_at', 'varchar(30)')
    .addColumn('ended_at', 'varchar(30)')
    .addColumn('paused_at', 'varchar(30)')
    .addColumn('paused_ms', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('meeting_agenda_items_meeting_idx')
    .on('meeting_agenda_items')
    .columns(['meeting_id', 'sort_order'])
    .execute();

  await db.schema
    .createTable('meeting_minutes')
    .addColumn('meeting_id', 'integer', (c) =>
      c.primaryKey().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('body_json', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_by', 'integer', reference('accounts', 'restrict'))
    .addColumn('updated_by_name', 'varchar(200)')
    .execute();

  await db.schema
    .createTable('meeting_conclusions')
    .addColumn('meeting_id', 'integer', (c) =>
      c.primaryKey().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('acknowledged', 'text', (c) => c.notNull())
    .addColumn('shortcomings', 'text', (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_by', 'integer', reference('accounts', 'restrict'))
    .addColumn('updated_by_name', 'varchar(200)')
    .execute();

  await withId(db, db.schema.createTable('meeting_directives'))
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('lead_unit_id', 'integer', reference('units', 'restrict'))
    .addColumn('deadline', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('meeting_directives_meeting_idx')
    .on('meeting_directives')
    .columns(['meeting_id', 'position'])
    .execute();

  await db.schema
    .createTable('meeting_directive_units')
    .addColumn('directive_id', 'integer', (c) =>
      c.notNull().references('meeting_directives.id').onDelete('cascade'),
    )
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addPrimaryKeyConstraint('meeting_directive_units_pk', ['directive_id', 'unit_id'])
    .execute();

  await db.schema
    .createTable('meeting_proposal_answers')
    .addColumn('meeting_id', 'integer', (c) =>
      c.notNull().references('meetings.id').onDelete('cascade'),
    )
    .addColumn('proposal_id', 'integer', (c) =>
      c.notNull().references('report_proposals.id').onDelete('restrict'),
    )
    .addColumn('answered_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('answered_by_name', 'varchar(200)')
    .addPrimaryKeyConstraint('meeting_proposal_answers_pk', ['meeting_id', 'proposal_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'meeting_proposal_answers',
    'meeting_directive_units',
    'meeting_directives',
    'meeting_conclusions',
    'meeting_minutes',
    'meeting_agenda_items',
    'meeting_guests',
    'meeting_units',
    'meetings',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
