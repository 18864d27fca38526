import { sql, type Insertable } from 'kysely';
import { buildApp } from '../src/app.ts';
import { fixedClock } from '../src/clock.ts';
import { migrateToLatest, openSqlite, type Database } from '../src/db/database.ts';
import { DEFAULT_SECTIONS } from '../src/reports/catalog.service.ts';
import { addDays, vnToday } from '../src/tasks/deadlines.ts';
import { taskOverview } from '../src/tasks/overview.service.ts';
import { listTasks } from '../src/tasks/tasks.service.ts';
import { PENDING_TASK_STATES } from '../src/tasks/tasks.states.ts';
import type { TaskTable } from '../src/tasks/tasks.tables.ts';
import type { Ctx } from '../src/units/roles.ts';
import { buildAccount, ctxFor, loginCookie, testConfig } from '../src/test-support/factories.ts';
import { insertTemplate, insertUnitTree, medianMs, withPostgres } from './support/databases.ts';
import { load } from './support/http.ts';

/*
 * The chair's overview and the overdue list at the size of a large committee: 1,000 units,
 * each leading 20 open tasks (deadlines spread from 60 days ago to 60 days ahead, so some are
 * overdue and some due soon) and coordinating 20 more, plus 5 accepted tasks each with the
 * history the on-time/late chart reads; the tasks come from four meetings. Times the overview
 * and the first page of the overdue list, in the service and over HTTP (app.inject), on SQLite
 * and PostgreSQL, beside a plain SELECT of the same rows.
 *
 *   npm run bench -- tasks
 *
 * PostgreSQL as in reports.bench.ts (BENCH_DATABASE_URL, else in-process PGlite).
 */

const UNITS = 1000;
const OPEN_PER_UNIT = 20;
const DONE_PER_UNIT = 5;
const MEETINGS = 4;
const RUNS = 9;
const GOAL_MS = 200;
const NOW = '2017-12-23T01:00:00.000Z';
const TODAY = vnToday(NOW);
const OPEN_STATES = ['not_started', 'in_progress', 'returned', 'reported_done'] as const;

export async function seed(db: Database) {
  const now = NOW;
  const { root: rootId, unitIds } = await insertUnitTree(db, 'Thị ủy', UNITS, now);
  const root = { id: rootId };
  const chair = await buildAccount(db, {
    username: 'chutri',
    roles: [{ unitId: root.id, role: 'chair' }],
  });
  const version = await insertTemplate(db, root.id, DEFAULT_SECTIONS, now);
  const meetingIds: number[] = [];
  for (let q = 1; q <= MEETINGS; q++) {
    const period = await db
      .insertInto('report_periods')
      .values({
        unit_id: root.id,
        kind: 'quarter',
        year: 2017,
        number: q,
        name: `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/2017`,
        start_date: `2017-${['01', '04', '07', '10'][q - 1]}-01`,
        end_date: '2017-12-31',
        data_from: '2017-01-01',
        cutoff_date: '2017-12-15',
        deadline: '2017-12-20',
        template_version_id: version.id,
        status: 'open',
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const m = await db
      .insertInto('meetings')
      .values({
        period_id: period.id,
        unit_id: root.id,
        title: `Hội nghị giao ban Quý ${['I', 'II', 'III', 'IV'][q - 1]}/2017`,
        starts_at: now,
        planned_end_at: now,
        place: 'Hội trường',
        chair_account_id: chair.id,
        secretary_account_id: null,
        state: 'concluded',
        warning_seconds: 60,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    meetingIds.push(m.id);
  }

  const rows: Insertable<TaskTable>[] = [];
  const coordinatingOf: number[] = [];
  unitIds.forEach((lead, u) => {
    for (let k = 0; k < OPEN_PER_UNIT + DONE_PER_UNIT; k++) {
      const done = k >= OPEN_PER_UNIT;
      rows.push({
        unit_id: root.id,
        title: `Nhiệm vụ ${k + 1} của đơn vị ${u + 1}`,
        details: 'Triển khai thực hiện theo kết luận của hội nghị.',
        lead_unit_id: lead,
        deadline: addDays(TODAY, ((u * 7 + k * 13) % 121) - 60),
        deadline_kind: 'date',
        extensions: k % 10 === 0 ? 1 : 0,
        expected_result: '',
        source_kind: 'directive',
        source_meeting_id: meetingIds[(u + k) % MEETINGS]!,
        source_directive_id: null,
        source_document: null,
        state: done ? 'accepted' : OPEN_STATES[k % OPEN_STATES.length]!,
        created_at: now,
        created_by: null,
        created_by_name: null,
        updated_at: now,
      });
      coordinatingOf.push(unitIds[(u + 1) % UNITS]!);
    }
  });
  const taskIds: number[] = [];
  for (let i = 0; i < rows.length; i += 500) {
    taskIds.push(
      ...(
        await db
          .insertInto('tasks')
          .values(rows.slice(i, i + 500))
          .returning('id')
          .execute()
      ).map((r) => r.id),
    );
  }
  const units = taskIds.map((task_id, i) => ({ task_id, unit_id: coordinatingOf[i]! }));
  for (let i = 0; i < units.length; i += 2000)
    await db
      .insertInto('task_units')
      .values(units.slice(i, i + 2000))
      .execute();
  const history = taskIds
    .map((task_id, i) => ({ task_id, row: rows[i]! }))
    .filter((t) => t.row.state === 'accepted')
    .map(({ task_id, row }, i) => ({
      task_id,
      // Reported done a few days either side of the deadline.
      at: `${addDays(row.deadline, (i % 7) - 3)}T03:00:00.000Z`,
      actor_id: null,
      actor_name: null,
      kind: 'transition',
      action: 'report_done',
      from_state: 'in_progress',
      to_state: 'reported_done',
      old_deadline: null,
      new_deadline: null,
      comment: null,
    }));
  for (let i = 0; i < history.length; i += 1000)
    await db
      .insertInto('task_history')
      .values(history.slice(i, i + 1000))
      .execute();
  return {
    root: root.id,
    ctx: { ...ctxFor(chair), now: fixedClock(NOW) } as Ctx,
    tasks: rows.length,
  };
}

async function measure(label: string, db: Database): Promise<void> {
  await migrateToLatest(db);
  const s = await seed(db);
  if (label.startsWith('postgres')) await sql`analyze`.execute(db);

  let open = 0;
  const overview = await medianMs(async () => {
    const o = await taskOverview(db, s.ctx, { unitId: s.root });
    if (o.units.length !== UNITS) throw new Error('the overview is not the whole committee');
    open = o.totals.open.count;
  }, RUNS);
  // The rows the overview counts, read plainly: the tasks, their coordinating units, the history.
  const plainOverview = await medianMs(async () => {
    await db.selectFrom('tasks').selectAll().where('unit_id', '=', s.root).execute();
    await db
      .selectFrom('task_units')
      .innerJoin('tasks', 'tasks.id', 'task_units.task_id')
      .select(['task_units.task_id', 'task_units.unit_id', 'tasks.state', 'tasks.deadline'])
      .where('tasks.unit_id', '=', s.root)
      .execute();
    await db.selectFrom('task_history').selectAll().where('action', '=', 'report_done').execute();
    await db.selectFrom('units').selectAll().execute();
  }, RUNS);

  let overdue = 0;
  const overdueList = await medianMs(async () => {
    const list = await listTasks(db, s.ctx, { overdue: true, page: 1, pageSize: 50 });
    overdue = list.total;
  }, RUNS);
  const plainOverdue = await medianMs(async () => {
    await db
      .selectFrom('tasks')
      .selectAll()
      .where('unit_id', '=', s.root)
      .where('deadline', '<', TODAY)
      .where('state', 'in', [...PENDING_TASK_STATES])
      .orderBy('deadline')
      .orderBy('id')
      .limit(50)
      .execute();
  }, RUNS);

  const app = await buildApp({ config: testConfig(), db, logger: false, clock: fixedClock(NOW) });
  const cookie = await loginCookie(app, 'chutri');
  const overHttp = (url: string) =>
    medianMs(async () => {
      const res = await app.inject({ url, headers: { cookie } });
      if (res.statusCode !== 200) throw new Error(`${url} answered ${res.statusCode}`);
    }, RUNS);
  const overviewHttp = await overHttp(`/api/v1/tasks/overview?unitId=${s.root}`);
  const overdueHttp = await overHttp('/api/v1/tasks?overdue=true');
  await app.close();

  const verdict = (ms: number) => `goal ${GOAL_MS} ms: ${ms < GOAL_MS ? 'under' : 'OVER'}`;
  const ratio = (a: number, b: number) => (a / b).toFixed(2);
  const pad = ''.padEnd(20);
  console.log(
    `${label.padEnd(20)} ${s.tasks} tasks, ${open} open, ${overdue} overdue (median of ${RUNS}, ${load()})\n` +
      `${pad} overview: ${overview.toFixed(1)} ms | plain SELECTs of its rows: ${plainOverview.toFixed(1)} ms, ` +
      `ratio ${ratio(overview, plainOverview)} | over HTTP ${overviewHttp.toFixed(1)} ms | ${verdict(overviewHttp)}\n` +
      `${pad} overdue list (first 50 of ${overdue}): ${overdueList.toFixed(1)} ms | plain SELECT of the 50 rows: ` +
      `${plainOverdue.toFixed(1)} ms, ratio ${ratio(overdueList, plainOverdue)} | over HTTP ${overdueHttp.toFixed(1)} ms | ${verdict(overdueHttp)}`,
  );
}

export async function run(): Promise<void> {
  console.log(
    `Tasks: ${UNITS} units × ${OPEN_PER_UNIT} open tasks (+ ${DONE_PER_UNIT} accepted), each with a coordinating unit`,
  );
  const sqlite = openSqlite(':memory:');
  try {
    await measure('sqlite', sqlite);
  } finally {
    await sqlite.destroy();
  }
  await withPostgres((db, label) => measure(label, db));
}
