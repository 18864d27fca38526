import { PGlite } from '@electric-sql/pglite';
import { Kysely } from 'kysely';
import { PGliteDialect } from 'kysely-pglite-dialect';
import pg from 'pg';
import { openPostgres, type Database } from '../../src/db/database.ts';
import type { DB } from '../../src/db/schema.ts';

/*
 * What the in-process database benchmarks share: the median of a few timed runs after a warm-up,
 * a fresh PostgreSQL database for the run, and the catalog rows (indicators, a template).
 */

/** The median time of `runs` calls (ms), after one warm-up call (statement caches, buffers). */
export async function medianMs(fn: () => Promise<unknown>, runs: number): Promise<number> {
  await fn();
  const times: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    times.push(performance.now() - t0);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)]!;
}

/**
 * Runs `fn` on a fresh database of the PostgreSQL server BENCH_DATABASE_URL names (default
 * postgres://postgres@127.0.0.1:5432/test), dropped afterwards; without a server, on an
 * in-process PGlite.
 */
export async function withPostgres(
  fn: (db: Database, label: string) => Promise<void>,
): Promise<void> {
  const url = process.env.BENCH_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
  const name = `giaoban_bench_${process.pid}`;
  const admin = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await admin.connect();
  } catch {
    console.log(`PostgreSQL at ${new URL(url).host} unreachable: using in-process PGlite instead.`);
    const db = new Kysely<DB>({ dialect: new PGliteDialect(new PGlite()) });
    try {
      await fn(db, 'postgres (PGlite)');
    } finally {
      await db.destroy();
    }
    return;
  }
  await admin.query(`CREATE DATABASE ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  const db = openPostgres(target.toString(), 4);
  try {
    await fn(db, 'postgres (server)');
  } finally {
    await db.destroy();
    await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await admin.end();
  }
}

/** `count` indicators CT1…CTn, their aggregations taking turns; their ids in order. */
export async function insertIndicators(
  db: Database,
  count: number,
  now: string,
): Promise<number[]> {
  const rows = await db
    .insertInto('indicators')
    .values(
      Array.from({ length: count }, (_, i) => ({
        code: `CT${i + 1}`,
        name: `Chỉ tiêu ${i + 1}`,
        measure: 'người',
        aggregation: (['sum', 'latest', 'max', 'average'] as const)[i % 4]!,
        higher_is_better: 1,
        allow_negative: 0,
        sort_order: i,
        active: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id);
}

/** A report template of the unit with one version of these sections; the version, as a row. */
export async function insertTemplate(
  db: Database,
  unitId: number,
  sections: readonly { key: string; title: string }[],
  now: string,
): Promise<{ id: number }> {
  const template = await db
    .insertInto('report_templates')
    .values({
      unit_id: unitId,
      name: 'Mẫu',
      current_version_id: null,
      created_at: now,
      updated_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return db
    .insertInto('report_template_versions')
    .values({
      template_id: template.id,
      number: 1,
      sections_json: JSON.stringify(sections),
      indicators_json: '[]',
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
}

/** Sentences of a unit's report, for the text of generated reports. */
export const REPORT_SENTENCES = [
  'Ban Thường vụ đã tập trung lãnh đạo, chỉ đạo thực hiện các nhiệm vụ trọng tâm của quý.',
  'Công tác tuyên truyền được đổi mới, bám sát cơ sở, tạo sự đồng thuận trong nhân dân.',
  'Việc vận động đoàn viên, hội viên tham gia các phong trào thi đua đạt nhiều kết quả tích cực.',
  'Một số chỉ tiêu còn chậm so với kế hoạch do nguồn lực hạn chế và thời tiết không thuận lợi.',
  'Đơn vị đã phối hợp chặt chẽ với các ngành chức năng trong giải quyết kiến nghị của cử tri.',
  'Công tác kiểm tra, giám sát được duy trì thường xuyên, đúng quy định của Điều lệ Đảng.',
];

/** A committee `rootName` and `count` units under it ("Đơn vị 1" …); their ids. */
export async function insertUnitTree(
  db: Database,
  rootName: string,
  count: number,
  now: string,
): Promise<{ root: number; unitIds: number[] }> {
  const unit = (name: string, parentId: number | null, sort: number) => ({
    parent_id: parentId,
    kind: parentId === null ? 'party_committee' : 'mass_organization',
    name,
    name_folded: name.toLowerCase(),
    short_name: null,
    sort_order: sort,
    active: 1,
    created_at: now,
    updated_at: now,
  });
  const root = await db
    .insertInto('units')
    .values(unit(rootName, null, 0))
    .returning('id')
    .executeTakeFirstOrThrow();
  const unitIds = (
    await db
      .insertInto('units')
      .values(Array.from({ length: count }, (_, i) => unit(`Đơn vị ${i + 1}`, root.id, i)))
      .returning('id')
      .execute()
  ).map((r) => r.id);
  return { root: root.id, unitIds };
}
