import { sql } from 'kysely';
import { fixedClock } from '../src/clock.ts';
import { migrateToLatest, openSqlite, type Database } from '../src/db/database.ts';
import type { DB } from '../src/db/schema.ts';
import {
  buildCompiledSummary,
  freezeSummary,
  readMeetingSummary,
} from '../src/meetings/summary.service.ts';
import { DEFAULT_SECTIONS } from '../src/reports/catalog.service.ts';
import { packFigures } from '../src/reports/figures.repository.ts';
import type { Ctx } from '../src/units/roles.ts';
import { buildAccount, buildTestApp, ctxFor, loginCookie } from '../src/test-support/factories.ts';
import {
  REPORT_SENTENCES,
  insertIndicators,
  insertTemplate,
  insertUnitTree,
  medianMs,
  withPostgres,
} from './support/databases.ts';
import { load } from './support/http.ts';

/*
 * The briefing meeting's compiled summary at the size of a large bloc: 60 invited units, each
 * with an accepted report of four sections of about a page each and two proposals (one
 * answered), and 50 indicators with targets and three quarters of figures. Times the summary
 * built live (what a planned meeting shows) and the frozen snapshot read back (what a started
 * one shows), on SQLite and PostgreSQL, beside plain SELECTs of the same rows.
 *
 *   npm run bench -- meetings
 *
 * PostgreSQL as in reports.bench.ts (BENCH_DATABASE_URL, else in-process PGlite).
 */

const UNITS = 60;
const INDICATORS = 50;
const YEAR = 2017;
const QUARTER = 3;
const RUNS = 9;
const LIVE_GOAL_MS = 300;
const SNAPSHOT_GOAL_MS = 50;

const SENTENCES = REPORT_SENTENCES;

/** About a page: some 3,000 characters of paragraphs, with a list, as a report's section is. */
function pageOf(unit: number, section: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let p = 0; length < 3000; p++) {
    const text = Array.from(
      { length: 4 },
      (_, k) => SENTENCES[(unit + section + p + k) % SENTENCES.length],
    ).join(' ');
    const html =
      p % 3 === 2
        ? `<ul><li>${text}</li><li>Kết quả cụ thể: <strong>${unit * 10 + p}</strong> lượt.</li></ul>`
        : `<p>${text}</p>`;
    paragraphs.push(html);
    length += html.length;
  }
  return paragraphs.join('');
}

async function seed(db: Database) {
  const now = new Date().toISOString();
  const { root: rootId, unitIds } = await insertUnitTree(db, 'Thị ủy', UNITS, now);
  const root = { id: rootId };
  const secretary = await buildAccount(db, {
    username: 'vanphong',
    roles: [{ unitId: root.id, role: 'secretariat' }],
  });
  const indicatorIds = await insertIndicators(db, INDICATORS, now);
  const version = await insertTemplate(db, root.id, DEFAULT_SECTIONS, now);
  const period = await db
    .insertInto('report_periods')
    .values({
      unit_id: root.id,
      kind: 'quarter',
      year: YEAR,
      number: QUARTER,
      name: `Quý III/${YEAR}`,
      start_date: `${YEAR}-07-01`,
      end_date: `${YEAR}-09-30`,
      data_from: `${YEAR}-07-01`,
      cutoff_date: `${YEAR}-09-15`,
      deadline: `${YEAR}-09-20`,
      template_version_id: version.id,
      status: 'open',
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const reports = await db
    .insertInto('unit_reports')
    .values(
      unitIds.map((unitId, u) => ({
        period_id: period.id,
        unit_id: unitId,
        state: 'accepted',
        sections_json: JSON.stringify(
          Object.fromEntries(DEFAULT_SECTIONS.map((s, k) => [s.key, pageOf(u, k)])),
        ),
        submitted_at: now,
        accepted_at: now,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning(['id'])
    .execute();
  await db
    .insertInto('report_proposals')
    .values(
      reports.flatMap((r, u) =>
        [0, 1].map((k) => ({
          report_id: r.id,
          sort_order: k,
          text: `Đề nghị ${k + 1} của đơn vị ${u + 1}: bổ sung kinh phí cho hoạt động của quý tới.`,
          answer: k === 0 ? 'Thường trực đồng ý, giao Văn phòng cân đối nguồn.' : null,
          answered_by: k === 0 ? secretary.id : null,
          answered_by_name: k === 0 ? secretary.full_name : null,
          answered_at: k === 0 ? now : null,
          created_at: now,
          updated_at: now,
        })),
      ),
    )
    .execute();
  // The packed year figures the progress service reads, as the reporting feature keeps them.
  const figures: DB['indicator_unit_years'][] = unitIds.map((unitId) => ({
    year: YEAR,
    unit_id: unitId,
    as_of: `${YEAR}-09-30`,
    figures: packFigures(
      indicatorIds.map((id) => [
        id,
        (unitId + id) % 40,
        (unitId + id * 2) % 40,
        (unitId + id * 3) % 40,
        null,
        100 + ((unitId * 7 + id) % 50),
      ]),
    ),
  }));
  await db.insertInto('indicator_unit_years').values(figures).execute();
  const meeting = await db
    .insertInto('meetings')
    .values({
      period_id: period.id,
      unit_id: root.id,
      title: `Hội nghị giao ban Quý III/${YEAR}`,
      starts_at: now,
      planned_end_at: now,
      place: 'Hội trường',
      chair_account_id: null,
      secretary_account_id: secretary.id,
      state: 'planned',
      warning_seconds: 60,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .insertInto('meeting_units')
    .values(
      unitIds.map((unitId, i) => ({
        meeting_id: meeting.id,
        unit_id: unitId,
        sort_order: i,
        response: 'confirmed',
        attendance: 'unknown',
      })),
    )
    .execute();
  await db
    .insertInto('meeting_agenda_items')
    .values(
      // The agenda in the reverse order of the units: the summary must follow it.
      [...unitIds].reverse().map((unitId, i) => ({
        meeting_id: meeting.id,
        sort_order: i + 1,
        kind: 'unit',
        unit_id: unitId,
        title: `Đơn vị ${unitId}`,
        planned_seconds: 300,
        speaker_name: null,
        speaker_position: null,
        extra: 0,
        paused_ms: 0,
      })),
    )
    .execute();
  return {
    ctx: { ...ctxFor(secretary), now: fixedClock(`${YEAR}-10-11T01:00:00.000Z`) } as Ctx,
    periodId: period.id,
    meetingId: meeting.id,
    unitIds: [...unitIds].reverse(),
    reportIds: reports.map((r) => r.id),
  };
}

async function measure(label: string, db: Database): Promise<void> {
  await migrateToLatest(db);
  const s = await seed(db);
  if (label.startsWith('postgres')) await sql`analyze`.execute(db);

  let bytes = 0;
  const live = await medianMs(async () => {
    const summary = await buildCompiledSummary(db, s.ctx, {
      periodId: s.periodId,
      unitIds: s.unitIds,
    });
    if (summary.units.length !== UNITS || summary.indicators.items.length !== INDICATORS)
      throw new Error('the summary is not the whole bloc');
    bytes = JSON.stringify(summary).length;
  }, RUNS);
  // The same rows read plainly: reports, proposals, year figures, units, indicators, template.
  const plainLive = await medianMs(async () => {
    await db.selectFrom('report_periods').selectAll().where('id', '=', s.periodId).execute();
    await db.selectFrom('units').selectAll().execute();
    const rows = await db
      .selectFrom('unit_reports')
      .selectAll()
      .where('period_id', '=', s.periodId)
      .where('unit_id', 'in', s.unitIds)
      .execute();
    for (const r of rows) JSON.parse(r.sections_json);
    await db.selectFrom('report_template_versions').selectAll().execute();
    await db
      .selectFrom('report_proposals')
      .selectAll()
      .where('report_id', 'in', s.reportIds)
      .execute();
    const years = await db
      .selectFrom('indicator_unit_years')
      .selectAll()
      .where('year', '=', YEAR)
      .where('unit_id', 'in', s.unitIds)
      .execute();
    for (const y of years) JSON.parse(y.figures);
    await db.selectFrom('indicators').selectAll().execute();
  }, RUNS);

  // The route as the meeting page asks for it, compressed as a browser accepts.
  const app = await buildTestApp(db);
  const cookie = await loginCookie(app, 'vanphong');
  let sent = { encoding: '', bytes: 0 };
  const overHttp = () =>
    medianMs(async () => {
      const res = await app.inject({
        url: `/api/v1/meetings/${s.meetingId}/summary`,
        headers: { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' },
      });
      if (res.statusCode !== 200) throw new Error(`summary answered ${res.statusCode}`);
      sent = {
        encoding: String(res.headers['content-encoding'] ?? 'identity'),
        bytes: res.rawPayload.length,
      };
    }, RUNS);
  const liveHttp = await overHttp();

  await db.transaction().execute(async (trx) => {
    await freezeSummary(trx, s.ctx, s.meetingId);
    await trx
      .updateTable('meetings')
      .set({ state: 'in_progress' })
      .where('id', '=', s.meetingId)
      .execute();
  });
  const snapshot = await medianMs(async () => {
    const read = await readMeetingSummary(db, s.ctx, s.meetingId);
    if (read.frozenAt === null || read.summary.units[0]!.unitId !== s.unitIds[0])
      throw new Error('not the snapshot');
  }, RUNS);
  const snapshotHttp = await overHttp();
  await app.close();
  const plainSnapshot = await medianMs(async () => {
    const row = await db
      .selectFrom('meeting_summaries')
      .selectAll()
      .where('meeting_id', '=', s.meetingId)
      .executeTakeFirstOrThrow();
    JSON.parse(row.body_json);
  }, RUNS);

  const verdict = (ms: number, goal: number) => `goal ${goal} ms: ${ms < goal ? 'under' : 'OVER'}`;
  const pad = ''.padEnd(20);
  console.log(
    `${label.padEnd(20)} summary ${(bytes / 1e6).toFixed(2)} MB JSON (median of ${RUNS}, ${load()})\n` +
      `${pad} live build: ${live.toFixed(1)} ms | plain SELECTs of its rows: ${plainLive.toFixed(1)} ms, ` +
      `ratio ${(live / plainLive).toFixed(2)} | ${verdict(live, LIVE_GOAL_MS)}\n` +
      `${pad} snapshot read: ${snapshot.toFixed(1)} ms | plain SELECT of the row: ${plainSnapshot.toFixed(1)} ms, ` +
      `ratio ${(snapshot / plainSnapshot).toFixed(2)} | ${verdict(snapshot, SNAPSHOT_GOAL_MS)}\n` +
      `${pad} GET …/summary in process (app.inject, ${sent.encoding}, ${(sent.bytes / 1e3).toFixed(0)} kB sent): ` +
      `live ${liveHttp.toFixed(1)} ms, ratio ${(liveHttp / plainLive).toFixed(2)} | ` +
      `snapshot ${snapshotHttp.toFixed(1)} ms, ratio ${(snapshotHttp / plainSnapshot).toFixed(2)}`,
  );
}

export async function run(): Promise<void> {
  console.log(
    `Compiled summary: ${UNITS} invited units × 4 sections of about a page, ${INDICATORS} indicators`,
  );
  const sqlite = openSqlite(':memory:');
  try {
    await measure('sqlite', sqlite);
  } finally {
    await sqlite.destroy();
  }
  await withPostgres((db, label) => measure(label, db));
}
