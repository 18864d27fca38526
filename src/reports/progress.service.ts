import { recordAudit } from '../audit/audit.service.ts';
import { nowOf } from '../clock.ts';
import type { Db } from '../db/schema.ts';
import { Forbidden, Invalid, type FieldProblem } from '../http/errors.ts';
import type { Ctx } from '../units/roles.ts';
import { listUnits, loadUnitTree } from '../units/units.service.ts';
import { parseFigure } from '../text/index.ts';
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
import { buildProgressTable, withUnsent } from './progress-table.ts';
import { canReadUnitFigures, canSetTargets, canWriteReport } from './reports.policy.ts';

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
  const items: { unitId: number; indicatorId: number; value: number | null }[] = [];
  for (const [i, t] of input.items.entries()) {
    const indicator = indicators.get(t.indicatorId);
    if (!tree.has(t.unitId)) problems[`items.${i}.unitId`] = { rule: 'notFound' };
    else if (!canSetTargets(ctx.actor, t.unitId, tree)) refused = true;
    if (!indicator) {
      problems[`items.${i}.indicatorId`] = { rule: 'notFound' };
      continue;
    }
    // Text is read the Vietnamese way, as in the report form (src/text/numbers.ts).
    const figure = t.value === null ? null : parseFigure(t.value, indicator.measure);
    if (figure && !figure.ok)
      problems[`items.${i}.value`] = { rule: figure.rule, params: figure.params };
    else if (figure && figure.value !== null && figure.value < 0 && !indicator.allowNegative)
      problems[`items.${i}.value`] = { rule: 'negative' };
    else items.push({ unitId: t.unitId, indicatorId: t.indicatorId, value: figure?.value ?? null });
  }
  if (refused) throw Forbidden();
  if (Object.keys(problems).length > 0) throw Invalid(problems);
  const at = nowOf(ctx);
  await repo.writeTargets(db, input.year, items, at);
  await recordAudit(db, ctx, {
    action: 'update',
    unitId: null,
    entityType: 'targets',
    entityId: input.year,
    summary: `Chỉ tiêu năm ${input.year} (${input.items.length})`,
    after: items,
  });
  return { year: input.year, items };
}

/**
 * The year's official progress table (see progress-table.ts for which data each row and the
 * total speak for): one read of the packed per-unit figures, plus, for units whose writers
 * asked, their unsent values as drafts.
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
    withRows?: boolean;
    /** Units whose unsent values to lay over as drafts (the caller's own). */
    draftUnitIds?: number[];
  } = {},
): Promise<ProgressTable> {
  const units = await repo.yearFigures(db, year, {
    unitIds: opts.unitIds,
    indicatorId: opts.indicatorId,
  });
  const indicators = opts.indicators ?? (await listIndicators(db));
  const names = opts.unitNames ?? new Map((await listUnits(db)).map((u) => [u.id, u.name]));
  let drafts: repo.UnitYear[] = [];
  if (opts.draftUnitIds && opts.draftUnitIds.length > 0) {
    const unsent = await repo.unsentValues(db, year, opts.draftUnitIds);
    const only = opts.indicatorId;
    drafts = opts.draftUnitIds
      .map((id) => {
        const mine = unsent.filter(
          (v) => v.unit_id === id && (only === undefined || v.indicator_id === only),
        );
        if (mine.length === 0) return null;
        return withUnsent(
          year,
          units.find((u) => u.unitId === id),
          id,
          mine.map((v) => ({ ...v, value: Number(v.value) })),
        );
      })
      .filter((u) => u !== null);
  }
  const table = buildProgressTable({
    year,
    indicators,
    units,
    unitNames: names,
    cap: opts.asOf,
    today: vnToday(),
    withRows: opts.withRows ?? true,
    drafts,
  });
  return { ...table, counted: [...repo.SENT_STATES] };
}

/** The progress table limited to the units the caller may read. */
export async function getProgress(db: Db, ctx: Ctx, query: ProgressQuery): Promise<ProgressTable> {
  const unitIds = await readableUnits(db, ctx, query.unitId);
  const tree = await loadUnitTree(db);
  return progressTable(db, query.year, {
    unitIds,
    indicatorId: query.indicatorId,
    asOf: query.asOf,
    withRows: query.view !== 'totals',
    draftUnitIds: unitIds.filter((id) => canWriteReport(ctx.actor, id, tree)),
  });
}
