import type { Kysely, Transaction } from 'kysely';
import { recordAudit } from '../audit/audit.service.ts';
import { nowIso } from '../db/dialect.ts';
import type { DB } from '../db/schema.ts';
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
import { aggregate, combineUnits, progressOf, quarterEnd, yearFraction } from './progress-math.ts';
import { canReadUnitFigures, canSetTargets } from './report-policy.ts';

type Db = Kysely<DB> | Transaction<DB>;

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
  for (const t of input.items) await repo.writeTarget(db, { ...t, year: input.year }, at);
  await recordAudit(db, ctx, {
    action: 'update',
    entityType: 'targets',
    entityId: input.year,
    summary: `Chỉ tiêu năm ${input.year} (${input.items.length})`,
    after: input.items,
  });
  return { year: input.year, items: input.items };
}

const num = (v: number | null | undefined) => (v === null || v === undefined ? null : Number(v));

function quartersOf(
  row: repo.YearFigureRow | undefined,
): [number | null, number | null, number | null, number | null] {
  return [num(row?.q1), num(row?.q2), num(row?.q3), num(row?.q4)];
}

/**
 * The year's progress table: one row per unit and indicator with a target or a value, and a
 * total per indicator. Two grouped queries; the arithmetic is progress-math.ts.
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
  const figures = await repo.yearFigures(db, year, {
    unitIds: opts.unitIds,
    indicatorId: opts.indicatorId,
  });
  const indicators = new Map((opts.indicators ?? (await listIndicators(db))).map((i) => [i.id, i]));
  const names = opts.unitNames ?? new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  let asOf = opts.asOf;
  if (!asOf) {
    let last = 0;
    for (const v of figures) {
      const q = v.q4 !== null ? 4 : v.q3 !== null ? 3 : v.q2 !== null ? 2 : v.q1 !== null ? 1 : 0;
      if (q > last) last = q;
    }
    const today = vnToday();
    asOf = last > 0 ? quarterEnd(year, last) : today < `${year}-12-31` ? today : `${year}-12-31`;
  }
  const fraction = yearFraction(year, asOf);
  const described = new Map([...indicators.values()].map((i) => [i.id, describe(i)]));
  const rows: ProgressTable['rows'] = [];
  for (const f of figures) {
    const ind = indicators.get(f.indicator_id);
    if (!ind) continue;
    const quarters = quartersOf(f);
    const p = progressOf(ind, aggregate(quarters, ind.aggregation), num(f.target), fraction);
    rows.push(
      Object.assign(
        {
          unitId: f.unit_id,
          unitName: names.get(f.unit_id) ?? '',
          quarters,
        },
        described.get(ind.id)!,
        p,
      ),
    );
  }
  const order = new Map([...indicators.values()].map((i) => [i.id, i.sortOrder]));
  rows.sort(
    (a, b) =>
      a.unitId - b.unitId ||
      (order.get(a.indicatorId) ?? 0) - (order.get(b.indicatorId) ?? 0) ||
      a.indicatorId - b.indicatorId,
  );
  return { year, asOf, fraction, rows, totals: totals(rows, indicators, fraction) };
}

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

function indicatorOrder(indicators: Map<number, Indicator>, a: number, b: number): number {
  return (indicators.get(a)?.sortOrder ?? 0) - (indicators.get(b)?.sortOrder ?? 0) || a - b;
}

function totals(rows: ProgressTable['rows'], indicators: Map<number, Indicator>, fraction: number) {
  const groups = new Map<number, ProgressTable['rows']>();
  for (const r of rows) {
    const list = groups.get(r.indicatorId);
    if (list) list.push(r);
    else groups.set(r.indicatorId, [r]);
  }
  return [...groups.keys()]
    .sort((a, b) => indicatorOrder(indicators, a, b))
    .map((id) => {
      const ind = indicators.get(id)!;
      const list = groups.get(id)!;
      const quarters = [0, 1, 2, 3].map((q) =>
        combineUnits(
          list.map((r) => r.quarters[q] ?? null),
          ind.aggregation,
        ),
      );
      const actual = combineUnits(
        list.map((r) => r.actual),
        ind.aggregation,
      );
      const target = combineUnits(
        list.map((r) => r.target),
        ind.aggregation,
      );
      return { ...describe(ind), quarters, ...progressOf(ind, actual, target, fraction) };
    });
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
