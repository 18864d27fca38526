import { fixedClock } from '../src/clock.ts';
import { migrateToLatest, openSqlite, type Database } from '../src/db/database.ts';
import { PENDING_TASK_STATES } from '../src/tasks/tasks.states.ts';
import { runTaskReminders } from '../src/tasks/tasks.reminders.ts';
import { addDays, DUE_SOON_DAYS, vnToday } from '../src/tasks/deadlines.ts';
import { medianMs, withPostgres } from './support/databases.ts';

/*
 * The task reminder job over 20,000 open tasks of 1,000 lead units (a head and a reporter each,
 * the reporter with an e-mail address), every task due soon or overdue on the day of the run:
 * the first run writes every reminder (in-app entries and e-mails queued in the outbox), later
 * runs find nothing owed. Times both, on SQLite and PostgreSQL, beside a plain SELECT of the
 * same tasks with their lead units (the baseline, measured in the same run).
 *
 *   npm run bench -- reminders
 *
 * PostgreSQL as in reports.bench.ts (BENCH_DATABASE_URL, else in-process PGlite).
 */

const UNITS = 1_000;
const TASKS_PER_UNIT = 20;
const RUNS = 5;
const NOW = '2017-12-20T02:00:00Z';

async function seed(db: Database) {
  const now = new Date().toISOString();
  const [root] = await db
    .insertInto('units')
    .values({
      parent_id: null,
      kind: 'party_committee',
      name: 'Thị ủy',
      name_folded: 'thi uy',
      short_name: null,
      sort_order: 0,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .execute();
  const unitIds: number[] = [];
  for (let i = 0; i < UNITS; i += 250) {
    const rows = Array.from({ length: Math.min(250, UNITS - i) }, (_, k) => ({
      parent_id: root!.id,
      kind: 'mass_organization',
      name: `Đơn vị ${i + k + 1}`,
      name_folded: `don vi ${i + k + 1}`,
      short_name: null,
      sort_order: i + k + 1,
      active: 1,
      created_at: now,
      updated_at: now,
    }));
    unitIds.push(
      ...(await db.insertInto('units').values(rows).returning('id').execute()).map((r) => r.id),
    );
  }
  for (let i = 0; i < unitIds.length; i += 250) {
    const slice = unitIds.slice(i, i + 250);
    const accounts = slice.flatMap((unitId) =>
      (['unit_head', 'reporter'] as const).map((role) => ({
        username: `${role}.${unitId}`,
        password_hash: 'x',
        full_name: `Cán bộ ${unitId}`,
        full_name_folded: `can bo ${unitId}`,
        position: null,
        active: 1,
        email: role === 'reporter' ? `tonghop.${unitId}@tuson.example.vn` : null,
        created_at: now,
        updated_at: now,
      })),
    );
    const ids = await db
      .insertInto('accounts')
      .values(accounts)
      .returning(['id', 'username'])
      .execute();
    await db
      .insertInto('account_roles')
      .values(
        ids.map((a) => {
          const [role, unit] = a.username.split('.') as [string, string];
          return { account_id: a.id, unit_id: Number(unit), role };
        }),
      )
      .execute();
  }
  const today = vnToday(NOW);
  const tasks = unitIds.flatMap((unitId, u) =>
    Array.from({ length: TASKS_PER_UNIT }, (_, k) => ({
      unit_id: root!.id,
      title: `Nhiệm vụ ${k + 1} của đơn vị ${u + 1}: triển khai kết luận giao ban quý III`,
      details: '',
      lead_unit_id: unitId,
      // Half overdue (up to 30 days ago), half due within the week.
      deadline:
        k % 2 === 0
          ? addDays(today, -1 - ((u + k) % 30))
          : addDays(today, (u + k) % (DUE_SOON_DAYS + 1)),
      deadline_kind: 'date',
      expected_result: '',
      source_kind: 'other',
      state: PENDING_TASK_STATES[(u + k) % PENDING_TASK_STATES.length]!,
      created_at: now,
      updated_at: now,
    })),
  );
  for (let i = 0; i < tasks.length; i += 500)
    await db
      .insertInto('tasks')
      .values(tasks.slice(i, i + 500))
      .execute();
}

/** The baseline: the same tasks with their lead units, read in one plain SELECT. */
function baseline(db: Database) {
  const today = vnToday(NOW);
  return db
    .selectFrom('tasks')
    .innerJoin('units', 'units.id', 'tasks.lead_unit_id')
    .select(['tasks.id', 'tasks.title', 'tasks.deadline', 'tasks.lead_unit_id', 'units.name'])
    .where('tasks.state', 'in', [...PENDING_TASK_STATES])
    .where('tasks.deadline', '<=', addDays(today, DUE_SOON_DAYS))
    .execute();
}

async function count(db: Database, table: 'notifications' | 'outbox'): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

async function measure(label: string, db: Database) {
  await migrateToLatest(db);
  await seed(db);
  const rows = (await baseline(db)).length;
  const base = await medianMs(() => baseline(db), RUNS);
  const clock = fixedClock(NOW);
  const t0 = performance.now();
  const first = await runTaskReminders(db, clock);
  const firstMs = performance.now() - t0;
  const entries = await count(db, 'notifications');
  const queued = await count(db, 'outbox');
  const steady = await medianMs(() => runTaskReminders(db, clock), RUNS);
  const after = await count(db, 'outbox');
  const f = (ms: number) => ms.toFixed(1).padStart(8);
  console.log(`\n${label}: ${rows} tasks due soon or overdue (of ${UNITS * TASKS_PER_UNIT})`);
  console.log(`  baseline SELECT of the same rows   ${f(base)} ms`);
  console.log(
    `  first run (writes every reminder)  ${f(firstMs)} ms  ×${(firstMs / base).toFixed(1)}  ` +
      `${first.dueSoon} due soon + ${first.overdue} overdue; ${entries} in-app entries, ${queued} e-mails queued`,
  );
  console.log(
    `  later run (nothing owed)           ${f(steady)} ms  ×${(steady / base).toFixed(1)}  ` +
      `${after - queued} e-mails more`,
  );
}

export async function run(): Promise<void> {
  const sqlite = openSqlite(':memory:');
  try {
    await measure('sqlite', sqlite);
  } finally {
    await sqlite.destroy();
  }
  await withPostgres((db, label) => measure(label, db));
}
