import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixedClock } from '../src/clock.ts';
import { migrateToLatest, openSqlite, type Database } from '../src/db/database.ts';
import { rankedMatches } from '../src/db/full-text.ts';
import {
  putSearchEntries,
  searchText,
  WORKSPACE_INDEX,
  type SearchEntry,
} from '../src/db/search-index.ts';
import { searchTerms } from '../src/portal/highlight.ts';
import { DEFAULT_SECTIONS } from '../src/reports/catalog.service.ts';
import { searchWorkspace } from '../src/search/search.service.ts';
import type { Ctx, Role } from '../src/units/roles.ts';
import {
  REPORT_SENTENCES,
  insertTemplate,
  insertUnitTree,
  medianMs,
  withPostgres,
} from './support/databases.ts';

/*
 * The workspace search at a province's size: 200 units reporting every quarter for five years
 * (4,000 reports of four sections, about 6,000 characters each, with 8,000 proposals) and
 * 6,000 tasks, all in the workspace index, on SQLite (a file, searched on the off-thread
 * reader) and PostgreSQL. Times GET /api/v1/search's service for the convening secretariat
 * (who may open everything) and for one unit's reporter (who may open a two-hundredth of it:
 * the worst case of asking each feature who may open the matches), for a word in every record
 * and for a word in one, beside two baselines measured in the same run: the shared full-text
 * query alone (what the portal's search runs, no authorization nor presentation) and a plain
 * SELECT of 20 index rows by primary key.
 *
 *   npm run bench -- search
 *
 * PostgreSQL as in reports.bench.ts (BENCH_DATABASE_URL, else in-process PGlite).
 */

const UNITS = 200;
const YEARS = 5;
const TASKS = 6000;
const RUNS = 7;
const GOAL_MS = 300;

const SENTENCES = [
  ...REPORT_SENTENCES,
  'Phong trào xây dựng nông thôn mới, đô thị văn minh được các khu phố hưởng ứng sôi nổi.',
];

function sectionOf(seed: number): string {
  const parts: string[] = [];
  for (let p = 0, length = 0; length < 1500; p++) {
    const text = Array.from(
      { length: 3 },
      (_, k) => SENTENCES[(seed * 7 + p * 3 + k) % SENTENCES.length],
    ).join(' ');
    parts.push(`<p>${text} (mục ${seed}-${p})</p>`);
    length += text.length;
  }
  return parts.join('');
}

async function seed(db: Database) {
  const now = new Date().toISOString();
  const { root: rootId, unitIds } = await insertUnitTree(db, 'Tỉnh ủy', UNITS, now);
  const root = { id: rootId };
  const version = await insertTemplate(db, root.id, DEFAULT_SECTIONS, now);
  const entries: SearchEntry[] = [];
  for (let year = 2013; year < 2013 + YEARS; year++) {
    for (let q = 1; q <= 4; q++) {
      const name = `Quý ${['I', 'II', 'III', 'IV'][q - 1]}/${year}`;
      const period = await db
        .insertInto('report_periods')
        .values({
          unit_id: root.id,
          kind: 'quarter',
          year,
          number: q,
          name,
          start_date: `${year}-0${q}-01`,
          end_date: `${year}-0${q}-28`,
          data_from: `${year}-0${q}-01`,
          cutoff_date: `${year}-0${q}-20`,
          deadline: `${year}-0${q}-25`,
          template_version_id: version.id,
          status: 'closed',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      const sections = unitIds.map((_, u) =>
        Object.fromEntries(DEFAULT_SECTIONS.map((s, k) => [s.key, sectionOf(u + k + q + year)])),
      );
      const reports = await db
        .insertInto('unit_reports')
        .values(
          unitIds.map((unitId, u) => ({
            period_id: period.id,
            unit_id: unitId,
            state: 'accepted',
            sections_json: JSON.stringify(sections[u]),
            submitted_at: now,
            accepted_at: now,
            created_at: now,
            updated_at: now,
          })),
        )
        .returning(['id', 'unit_id'])
        .execute();
      const proposals = await db
        .insertInto('report_proposals')
        .values(
          reports.flatMap((r, u) =>
            [0, 1].map((k) => ({
              report_id: r.id,
              sort_order: k,
              text: `Đề nghị ${k + 1} của đơn vị ${u + 1}: bổ sung kinh phí cho công tác của quý tới.`,
              answer: null,
              answered_by: null,
              answered_by_name: null,
              answered_at: null,
              created_at: now,
              updated_at: now,
            })),
          ),
        )
        .returning(['id', 'report_id', 'text'])
        .execute();
      reports.forEach((r, u) =>
        entries.push({
          kind: 'report',
          subjectId: r.id,
          unitId: r.unit_id,
          title: `Báo cáo ${name} – Đơn vị ${u + 1}`,
          body: searchText(Object.values(sections[u]!), true),
          at: now,
        }),
      );
      const unitOf = new Map(reports.map((r) => [r.id, r.unit_id]));
      for (const p of proposals)
        entries.push({
          kind: 'proposal',
          subjectId: p.id,
          parentId: p.report_id,
          unitId: unitOf.get(p.report_id)!,
          title: `Kiến nghị – ${name}`,
          body: p.text,
          at: now,
        });
    }
  }
  for (let at = 0; at < TASKS; at += 500) {
    const tasks = await db
      .insertInto('tasks')
      .values(
        Array.from({ length: Math.min(500, TASKS - at) }, (_, i) => {
          const n = at + i;
          return {
            unit_id: root.id,
            title: n === 4321 ? 'Tổng kết mô hình hợp tác xã quạt giấy' : `Nhiệm vụ số ${n + 1}`,
            details: SENTENCES[n % SENTENCES.length]!,
            lead_unit_id: unitIds[n % UNITS]!,
            deadline: '2017-12-31',
            deadline_kind: 'date',
            expected_result: 'Báo cáo kết quả công tác',
            source_kind: 'other',
            source_meeting_id: null,
            source_directive_id: null,
            source_document: null,
            state: 'in_progress',
            created_at: now,
            created_by: null,
            created_by_name: null,
            updated_at: now,
          };
        }),
      )
      .returning(['id', 'title', 'details', 'expected_result', 'lead_unit_id'])
      .execute();
    for (const t of tasks)
      entries.push({
        kind: 'task',
        subjectId: t.id,
        unitId: t.lead_unit_id,
        title: t.title,
        body: searchText([t.details, t.expected_result]),
        at: now,
      });
  }
  const t0 = performance.now();
  for (let at = 0; at < entries.length; at += 1000) {
    await db
      .transaction()
      .execute((trx) => putSearchEntries(trx, entries.slice(at, at + 1000), now));
  }
  console.log(
    `  ${entries.length.toLocaleString('en')} index rows written in ${((performance.now() - t0) / 1000).toFixed(1)} s`,
  );
  return { root: root.id, firstUnit: unitIds[0]! };
}

const ctxOf = (unitId: number, role: Role): Ctx => ({
  actor: { id: 1, username: role, fullName: role, roles: [{ unitId, role }] },
  requestId: null,
  now: fixedClock('2018-01-10T09:00:00+07:00'),
});

async function measure(db: Database, label: string) {
  console.log(`\n${label}`);
  const { root, firstUnit } = await seed(db);
  const secretariat = ctxOf(root, 'secretariat');
  const reporter = ctxOf(firstUnit, 'reporter');
  const common = 'cong tac';
  const rare = 'quat giay';
  const ids = (await db.selectFrom('search_entries').select('id').limit(20).execute()).map(
    (r) => r.id,
  );
  const select = await medianMs(
    () => db.selectFrom('search_entries').selectAll().where('id', 'in', ids).execute(),
    RUNS,
  );
  const fullText = await medianMs(
    () => rankedMatches(db, WORKSPACE_INDEX, searchTerms(common), () => []),
    RUNS,
  );
  const rows: Array<[string, number]> = [];
  for (const [who, ctx] of [
    ['secretariat', secretariat],
    ['a unit reporter', reporter],
  ] as const) {
    for (const q of [common, rare]) {
      const answer = await searchWorkspace(db, ctx, { q });
      const t = await medianMs(() => searchWorkspace(db, ctx, { q }), RUNS);
      rows.push([`"${q}" as ${who} (${answer.total}${answer.more ? '+' : ''} results)`, t]);
    }
  }
  console.log(`  baseline: SELECT 20 index rows by id            ${select.toFixed(2)} ms`);
  console.log(`  baseline: the full-text query alone ("${common}")   ${fullText.toFixed(1)} ms`);
  for (const [what, t] of rows) {
    console.log(
      `  ${what.padEnd(48)} ${t.toFixed(1).padStart(7)} ms  ×${(t / fullText).toFixed(1)} the full-text query, ×${(t / select).toFixed(0)} the SELECT${t > GOAL_MS ? `  (over the ${GOAL_MS} ms goal)` : ''}`,
    );
  }
}

export async function run(): Promise<void> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-search-bench-'));
  const sqlite = openSqlite(path.join(dir, 'giaoban.sqlite'));
  try {
    await migrateToLatest(sqlite);
    await measure(sqlite, 'sqlite (file, off-thread reader)');
  } finally {
    await sqlite.destroy();
    fs.rmSync(dir, { recursive: true, force: true });
  }
  await withPostgres(async (db, label) => {
    await migrateToLatest(db);
    await measure(db, label);
  });
}
