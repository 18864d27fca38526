import http from 'node:http';
import zlib from 'node:zlib';
import { sql } from 'kysely';
import { migrateToLatest, openSqlite, type Database } from '../src/db/database.ts';
import type { DB } from '../src/db/schema.ts';
import { packFigures, refreshYearFigures } from '../src/reports/figures.repository.ts';
import { progressTable } from '../src/reports/progress.service.ts';
import { buildAccount, buildTestApp, loginCookie } from '../src/test-support/factories.ts';
import { insertIndicators, insertTemplate, medianMs, withPostgres } from './support/databases.ts';

/*
 * A province-sized reporting data set — 1,000 units × 50 indicators × 4 quarters × 5 years
 * (1,000,000 values from 20,000 accepted reports, 250,000 targets) — and the time to build one
 * year's progress table for every unit, in process and over HTTP (a secretariat's
 * GET /api/v1/progress, compressed as a browser asks: brotli), on SQLite and on PostgreSQL,
 * against a plain SELECT of the same year's values.
 *
 *   npm run bench -- reports
 *
 * PostgreSQL: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/test) names a
 * server where a fresh database is created and dropped; without one, in-process PGlite.
 */

const UNITS = 1000;
const INDICATORS = 50;
const YEARS = [2021, 2022, 2023, 2024, 2025];
const YEAR = 2024;
const RUNS = 7;
const GOAL_MS = 200;

export async function seed(db: Database): Promise<void> {
  const now = new Date().toISOString();
  const root = await db
    .insertInto('units')
    .values({
      parent_id: null,
      kind: 'party_committee',
      name: 'Tỉnh ủy',
      name_folded: 'tinh uy',
      short_name: null,
      sort_order: 0,
      active: 1,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const unitIds: number[] = [];
  for (let start = 0; start < UNITS; start += 500) {
    const rows = Array.from({ length: Math.min(500, UNITS - start) }, (_, i) => ({
      parent_id: root.id,
      kind: 'grassroots_committee',
      name: `Đảng ủy xã ${start + i + 1}`,
      name_folded: `dang uy xa ${start + i + 1}`,
      short_name: null,
      sort_order: start + i,
      active: 1,
      created_at: now,
      updated_at: now,
    }));
    unitIds.push(
      ...(await db.insertInto('units').values(rows).returning('id').execute()).map((r) => r.id),
    );
  }
  const indicatorIds = await insertIndicators(db, INDICATORS, now);
  await buildAccount(db, {
    username: 'vanphong',
    roles: [{ unitId: root.id, role: 'secretariat' }],
  });
  const templateVersion = await insertTemplate(db, root.id, [], now);
  // Every quarter's report of every unit, accepted: the values below are all official.
  const reportIds = new Map<string, number>();
  for (const year of YEARS) {
    for (let quarter = 1; quarter <= 4; quarter++) {
      const end = new Date(Date.UTC(year, quarter * 3, 0)).toISOString().slice(0, 10);
      const period = await db
        .insertInto('report_periods')
        .values({
          unit_id: root.id,
          kind: 'quarter',
          year,
          number: quarter,
          name: `Quý ${quarter}/${year}`,
          start_date: `${year}-${String(quarter * 3 - 2).padStart(2, '0')}-01`,
          end_date: end,
          data_from: end,
          cutoff_date: end,
          deadline: end,
          template_version_id: templateVersion.id,
          status: 'closed',
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      for (let start = 0; start < unitIds.length; start += 500) {
        const ids = await db
          .insertInto('unit_reports')
          .values(
            unitIds.slice(start, start + 500).map((unitId) => ({
              period_id: period.id,
              unit_id: unitId,
              state: 'accepted',
              sections_json: '{}',
              created_at: now,
              updated_at: now,
            })),
          )
          .returning(['id', 'unit_id'])
          .execute();
        for (const r of ids) reportIds.set(`${year}:${quarter}:${r.unit_id}`, r.id);
      }
    }
  }
  // Multi-row inserts within SQLite's 32,766 bound parameters (7 per value row).
  const CHUNK = 4000;
  await db.transaction().execute(async (trx) => {
    let values: DB['indicator_values'][] = [];
    let targets: DB['indicator_targets'][] = [];
    let figures: DB['indicator_unit_years'][] = [];
    for (const year of YEARS) {
      for (const unitId of unitIds) {
        for (const indicatorId of indicatorIds) {
          targets.push({
            unit_id: unitId,
            indicator_id: indicatorId,
            year,
            value: 100 + ((unitId * 7 + indicatorId) % 50),
            updated_at: now,
          });
          for (let quarter = 1; quarter <= 4; quarter++) {
            values.push({
              unit_id: unitId,
              indicator_id: indicatorId,
              year,
              quarter,
              value: (unitId + indicatorId * quarter) % 40,
              report_id: reportIds.get(`${year}:${quarter}:${unitId}`)!,
              updated_at: now,
            });
          }
        }
        const q = (indicatorId: number, n: number) => (unitId + indicatorId * n) % 40;
        figures.push({
          year,
          unit_id: unitId,
          as_of: `${year}-12-31`,
          figures: packFigures(
            indicatorIds.map((id) => [
              id,
              q(id, 1),
              q(id, 2),
              q(id, 3),
              q(id, 4),
              100 + ((unitId * 7 + id) % 50),
            ]),
          ),
        });
        if (values.length >= CHUNK) {
          await trx.insertInto('indicator_values').values(values).execute();
          values = [];
        }
        if (figures.length >= 500) {
          await trx.insertInto('indicator_unit_years').values(figures).execute();
          figures = [];
        }
        if (targets.length >= CHUNK) {
          await trx.insertInto('indicator_targets').values(targets).execute();
          targets = [];
        }
      }
    }
    if (values.length) await trx.insertInto('indicator_values').values(values).execute();
    if (targets.length) await trx.insertInto('indicator_targets').values(targets).execute();
    if (figures.length) await trx.insertInto('indicator_unit_years').values(figures).execute();
  });
}

const time = (fn: () => Promise<unknown>) => medianMs(fn, RUNS);

async function measure(label: string, db: Database): Promise<void> {
  const t0 = performance.now();
  await migrateToLatest(db);
  await seed(db);
  if (label.startsWith('postgres')) await sql`analyze`.execute(db);
  const built = ((performance.now() - t0) / 1000).toFixed(1);
  // The packed rows written above must be what the app derives from the values and targets.
  const sample = () =>
    db
      .selectFrom('indicator_unit_years')
      .select('figures')
      .where('year', '=', YEAR)
      .orderBy('unit_id', 'desc')
      .limit(1)
      .executeTakeFirstOrThrow();
  const seeded = (await sample()).figures;
  const last = await db
    .selectFrom('units')
    .select((eb) => eb.fn.max('id').as('id'))
    .executeTakeFirstOrThrow();
  await refreshYearFigures(db, YEAR, Number(last.id));
  if ((await sample()).figures !== seeded)
    throw new Error('bench data disagrees with refreshYearFigures');

  // As the API asks for a secretariat: every unit it may read, by id.
  const unitIds = (await db.selectFrom('units').select('id').execute()).map((u) => u.id);
  let rows = 0;
  const progress = await time(async () => {
    rows = (await progressTable(db, YEAR, { unitIds })).rows.unitId.length;
  });
  let scanned = 0;
  const scan = await time(async () => {
    scanned = (
      await db
        .selectFrom('indicator_values')
        .select(['unit_id', 'indicator_id', 'quarter', 'value'])
        .where('year', '=', YEAR)
        .execute()
    ).length;
  });
  const http = await overHttp(db);
  const verdict = (ms: number) => (ms < GOAL_MS ? 'under' : 'OVER');
  console.log(
    `${label.padEnd(22)} data built in ${built} s | plain SELECT of ${scanned} values: ` +
      `${scan.toFixed(1)} ms (median of ${RUNS})\n` +
      `${''.padEnd(22)} progress table in process (${rows} rows): ${progress.toFixed(1)} ms, ` +
      `ratio ${(progress / scan).toFixed(2)} | goal ${GOAL_MS} ms: ${verdict(progress)}\n` +
      `${''.padEnd(22)} GET /api/v1/progress over HTTP, ${http.encoding} (${(http.raw / 1e6).toFixed(1)} MB JSON, ` +
      `${(http.wire / 1e6).toFixed(2)} MB sent): ${http.ms.toFixed(1)} ms, ratio ` +
      `${(http.ms / scan).toFixed(2)} | goal ${GOAL_MS} ms: ${verdict(http.ms)}`,
  );
}

/** One GET's body as sent (not decompressed), refusing anything but 200. */
function get(
  url: string,
  headers: Record<string, string>,
): Promise<{ body: Buffer; encoding: string }> {
  return new Promise((resolve, reject) => {
    http
      .get(url, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          res.statusCode === 200
            ? resolve({
                body: Buffer.concat(chunks),
                encoding: String(res.headers['content-encoding'] ?? 'identity'),
              })
            : reject(new Error(`progress answered ${res.statusCode}`)),
        );
        res.on('error', reject);
      })
      .on('error', reject);
  });
}

/** The median time of the secretariat's whole-province request, to the last byte, over TCP. */
async function overHttp(
  db: Database,
): Promise<{ ms: number; raw: number; wire: number; encoding: string }> {
  const app = await buildTestApp(db);
  try {
    const cookie = await loginCookie(app, 'vanphong');
    const address = await app.listen({ port: 0, host: '127.0.0.1' });
    const url = `${address}/api/v1/progress?year=${YEAR}`;
    let raw = 0;
    let wire = 0;
    let encoding = '';
    const ms = await time(async () => {
      const sent = await get(url, { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' });
      wire = sent.body.length;
      encoding = sent.encoding;
      const decode = { br: zlib.brotliDecompressSync, gzip: zlib.gunzipSync }[encoding];
      raw = decode ? decode(sent.body).length : sent.body.length;
    });
    return { ms, raw, wire, encoding };
  } finally {
    await app.close();
  }
}

export async function run(): Promise<void> {
  console.log(
    `${UNITS} units × ${INDICATORS} indicators × 4 quarters × ${YEARS.length} years; year ${YEAR}`,
  );
  const sqlite = openSqlite(':memory:');
  try {
    await measure('sqlite', sqlite);
  } finally {
    await sqlite.destroy();
  }
  await withPostgres((db, label) => measure(label, db));
}
