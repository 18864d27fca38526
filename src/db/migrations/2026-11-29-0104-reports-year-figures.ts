import type { Kysely } from 'kysely';

// Frozen: never edit after it has landed; add a new migration instead.
// A year's figures pivoted per unit and indicator (Q1–Q4 and the target in one row), kept in
// step with indicator_values and indicator_targets by the reports repository in the same
// transaction: the progress table for a whole province reads 50,000 rows instead of 250,000.

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('indicator_year_figures')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('unit_id', 'integer', (c) => c.notNull().references('units.id').onDelete('restrict'))
    .addColumn('indicator_id', 'integer', (c) =>
      c.notNull().references('indicators.id').onDelete('restrict'),
    )
    .addColumn('q1', 'double precision')
    .addColumn('q2', 'double precision')
    .addColumn('q3', 'double precision')
    .addColumn('q4', 'double precision')
    .addColumn('target', 'double precision')
    .addPrimaryKeyConstraint('indicator_year_figures_pk', ['year', 'unit_id', 'indicator_id'])
    .execute();

  // Backfill from what is already there.
  const rows = new Map<string, Record<string, number | null>>();
  const row = (year: number, unit: number, indicator: number) => {
    const key = `${year}:${unit}:${indicator}`;
    let r = rows.get(key);
    if (!r) {
      r = {
        year,
        unit_id: unit,
        indicator_id: indicator,
        q1: null,
        q2: null,
        q3: null,
        q4: null,
        target: null,
      };
      rows.set(key, r);
    }
    return r;
  };
  const values = await db
    .selectFrom('indicator_values')
    .select(['year', 'unit_id', 'indicator_id', 'quarter', 'value'])
    .execute();
  for (const v of values) row(v.year, v.unit_id, v.indicator_id)[`q${v.quarter}`] = Number(v.value);
  const targets = await db
    .selectFrom('indicator_targets')
    .select(['year', 'unit_id', 'indicator_id', 'value'])
    .execute();
  for (const t of targets) row(t.year, t.unit_id, t.indicator_id).target = Number(t.value);
  const all = [...rows.values()];
  for (let i = 0; i < all.length; i += 1000) {
    await db
      .insertInto('indicator_year_figures')
      .values(all.slice(i, i + 1000))
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('indicator_year_figures').execute();
}
