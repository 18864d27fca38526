import type { Kysely } from 'kysely';
import * as m0104 from './2026-11-29-0104-reports-year-figures.ts';

// Frozen: never edit after it has landed; add a new migration instead.
// A year's figures packed one row per unit: `figures` is a JSON array of
// [indicatorId, q1, q2, q3, q4, target] (null where there is nothing), sorted by indicator id,
// kept in step with indicator_values and indicator_targets by the reports repository in the
// same transaction. It replaces indicator_year_figures (one row per unit and indicator): the
// progress table of a province reads 1,000 texts instead of building 50,000 row objects.

type Tuple = [number, number | null, number | null, number | null, number | null, number | null];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_unit_years')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('figures', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('indicator_unit_years_pk', ['year', 'unit_id'])
    .execute();

  const packs = new Map<string, { year: number; unit_id: number; tuples: Tuple[] }>();
  const rows = await db
    .selectFrom('indicator_year_figures')
    .select(['year', 'unit_id', 'indicator_id', 'q1', 'q2', 'q3', 'q4', 'target'])
    .orderBy('year')
    .orderBy('unit_id')
    .orderBy('indicator_id')
    .execute();
  const num = (v: unknown) => (v === null ? null : Number(v));
  for (const r of rows) {
    const key = `${r.year}:${r.unit_id}`;
    let pack = packs.get(key);
    if (!pack)
      packs.set(key, (pack = { year: Number(r.year), unit_id: Number(r.unit_id), tuples: [] }));
    pack.tuples.push([
      Number(r.indicator_id),
      num(r.q1),
      num(r.q2),
      num(r.q3),
      num(r.q4),
      num(r.target),
    ]);
  }
  const all = [...packs.values()].map((p) => ({
    year: p.year,
    unit_id: p.unit_id,
    figures: JSON.stringify(p.tuples),
  }));
  for (let i = 0; i < all.length; i += 500) {
    await db
      .insertInto('indicator_unit_years')
      .values(all.slice(i, i + 500))
      .execute();
  }
  await db.schema.dropTable('indicator_year_figures').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_unit_years').execute();
  await m0104.up(db);
}
