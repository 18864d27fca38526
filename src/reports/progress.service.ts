import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../db/dialect.ts';
import type { Db } from '../db/schema.ts';
import { Forbidden, Invalid, type FieldProblem } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import { listUnits, loadUnitTree } from '../units/units.service.ts';
import { vnToday } from './board.service.ts';
import type { Indicator } from './catalog.schema.ts';
import { listIndicators } from './catalog.service.ts';
import * as repo from './figures.repository.ts';
import type {
  ProgressQuery,
  ProgressTable,
  SetTargetsBody,
  TargetQuery,
} from './figures.schema.ts';
import {
  aggregate,
  combineUnits,
  progressOf,
  quarterEnd,
  yearFraction,
  type Progress,
} from './progress-math.ts';
import { canReadUnitFigures, canSetTargets } from './reports.policy.ts';

/** The units whose figures the caller may read, narrowed to one when asked. */
async function readableUnits(db: Db, ctx: Ctx, unitId: number | undefined): Promise<number[]> {
  const tree = await loadUnitTree(db);
  if (unitId !== undefined) {
    if (!tree.has(unitId)) throw Invalid({ unitId: { rule: 'notFound' } });
    if (!canReadUnitFigures(ctx.actor, unitId, tree)) throw Forbidden();
    return [unitId];
  }
  const ids = (await listUnits(db))
    .map((u) => u.id)
    .filter((id) => canReadUnitFigures(ctx.actor, id, tree));
  if (ids.length === 0) throw Forbidden();
  return ids;
}

export async function listTargets(db: Db, ctx: Ctx, query: TargetQuery) {
  const unitIds = await readableUnits(db, ctx, query.unitId);
  const rows = await repo.listTargets(db, query.year, { unitIds });
  return {
    year: query.year,
    items: rows.map((r) => ({
      unitId: r.unit_id,
      indicatorId: r.indicator_id,
      value: Number(r.value),
    })),
  };
}

/** Sets (or with null removes) targets; every item is checked before any is written. */
export async function setTargets(db: Db, ctx: Ctx, input: SetTargetsBody) {
  const tree = await loadUnitTree(db);
  const indicators = new Map((await listIndicators(db)).map((i) => [i.id, i]));
  const problems: Record<string, FieldProblem> = {};
  let refused = false;
  for (const [i, t] of input.items.entries()) {
    const indicator = indicators.get(t.indicatorId);
    if (!tree.has(t.unitId)) problems[`items.${i}.unitId`] = { rule: 'notFound' };
    else if (!canSetTargets(ctx.actor, t.unitId, tree)) refused = true;
    if (!indicator) problems[`items.${i}.indicatorId`] = { rule: 'notFound' };
    else if (t.value !== null && t.value < 0 && !indicator.allowNegative)
      problems[`items.${i}.value`] = { rule: 'negative' };
  }
  if (refused) throw Forbidden();
  if (Object.keys(problems).length > 0) throw Invalid(problems);
  const at = nowIso();
  await repo.writeTargets(db, input.year, input.items, at);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: null,
    entityType: 'targets',
    entityId: input.year,
    summary: `Chỉ tiêu năm ${input.year} (${input.items.length})`,
    after: input.items,
  });
  return { year: input.year, items: input.items };
}

type Row = ProgressTable['rows'][number];

/** What each row repeats of its indicator. */
function describe(ind: Indicator) {
  return {
    indicatorId: ind.id,
    code: ind.code,
    name: ind.name,
    measure: ind.measure,
    aggregation: ind.aggregation,
    higherIsBetter: ind.higherIsBetter,
  };
}

/** One table row; written out as one literal so all 50,000 of a province share one shape. */
function rowOf(
  unitId: number,
  unitName: string,
  d: ReturnType<typeof describe>,
  quarters: Row['quarters'],
  p: Progress,
): Row {
  return {
    unitId,
    unitName,
    indicatorId: d.indicatorId,
    code: d.code,
    name: d.name,
    measure: d.measure,
    aggregation: d.aggregation,
    higherIsBetter: d.higherIsBetter,
    quarters,
    actual: p.actual,
    target: p.target,
    percent: p.percent,
    expected: p.expected,
    status: p.status,
    forecast: p.forecast,
  };
}

/** The date the year's figures speak for: the end of the last quarter with data, or today. */
function asOfDate(
  year: number,
  units: readonly { figures: readonly repo.FigureTuple[] }[],
): string {
  let last = 0;
  for (const { figures } of units) {
    for (const f of figures) {
      const q = f[4] !== null ? 4 : f[3] !== null ? 3 : f[2] !== null ? 2 : f[1] !== null ? 1 : 0;
      if (q > last) last = q;
    }
  }
  if (last > 0) return quarterEnd(year, last);
  const today = vnToday();
  return today < `${year}-12-31` ? today : `${year}-12-31`;
}

/** An indicator's column of the table, kept while the rows are built, for its total. */
interface Column {
  indicator: Indicator;
  quarters: [(number | null)[], (number | null)[], (number | null)[], (number | null)[]];
  actual: (number | null)[];
  target: (number | null)[];
}

/**
 * The year's progress table: one row per unit and indicator with a target or a value, ordered
 * by unit and then as the indicators are ordered, and a total per indicator. One read of the
 * derived per-unit figures; the arithmetic is progress-math.ts.
 */
export async function progressTable(
  db: Db,
  year: number,
  opts: {
    unitIds?: number[];
    indicatorId?: number;
    asOf?: string;
    indicators?: Indicator[];
    unitNames?: Map<number, string>;
  } = {},
): Promise<ProgressTable> {
  const units = await repo.yearFigures(db, year, {
    unitIds: opts.unitIds,
    indicatorId: opts.indicatorId,
  });
  const ordered = [...(opts.indicators ?? (await listIndicators(db)))].sort(
    (a, b) => a.sortOrder - b.sortOrder || a.id - b.id,
  );
  // Position of each indicator in the table's order, by id (ids are small integers).
  const rank: number[] = [];
  ordered.forEach((ind, n) => (rank[ind.id] = n));
  const described = ordered.map(describe);
  const names = opts.unitNames ?? new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  const asOf = opts.asOf ?? asOfDate(year, units);
  const fraction = yearFraction(year, asOf);
  const columns: (Column | undefined)[] = [];

  const rows: Row[] = [];
  for (const { unitId, figures } of units) {
    const unitName = names.get(unitId) ?? '';
    const known = figures.filter((f) => rank[f[0]] !== undefined);
    known.sort((a, b) => rank[a[0]]! - rank[b[0]]!);
    for (const f of known) {
      const n = rank[f[0]]!;
      const ind = ordered[n]!;
      const quarters: [number | null, number | null, number | null, number | null] = [
        f[1],
        f[2],
        f[3],
        f[4],
      ];
      const p = progressOf(ind, aggregate(quarters, ind.aggregation), f[5], fraction);
      rows.push(rowOf(unitId, unitName, described[n]!, quarters, p));
      const c = (columns[n] ??= {
        indicator: ind,
        quarters: [[], [], [], []],
        actual: [],
        target: [],
      });
      for (let q = 0; q < 4; q++) c.quarters[q]!.push(quarters[q] ?? null);
      c.actual.push(p.actual);
      c.target.push(p.target);
    }
  }

  const totals: ProgressTable['totals'] = [];
  columns.forEach((c, n) => {
    if (!c) return;
    const how = c.indicator.aggregation;
    const actual = combineUnits(c.actual, how);
    const target = combineUnits(c.target, how);
    totals.push({
      ...described[n]!,
      quarters: c.quarters.map((values) => combineUnits(values, how)),
      ...progressOf(c.indicator, actual, target, fraction),
    });
  });
  return { year, asOf, fraction, rows, totals };
}

/** The progress table limited to the units the caller may read. */
export async function getProgress(db: Db, ctx: Ctx, query: ProgressQuery): Promise<ProgressTable> {
  const unitIds = await readableUnits(db, ctx, query.unitId);
  return progressTable(db, query.year, {
    unitIds,
    indicatorId: query.indicatorId,
    asOf: query.asOf,
  });
}
