/*
 * The year's progress table from the official figures: which data each unit's row and the
 * bloc's total speak for, as plain functions (no I/O), so the rule is stated and tested once.
 *
 * - A unit's row counts only the values of reports it has sent, up to its own as-of date: the
 *   end of the last quarter whose report it has sent. Its expectation and forecast are judged
 *   at that date, not at anyone else's.
 * - The bloc's total is dated at the latest quarter end reached by more than half of the units
 *   that have sent a report this year (or at the date asked for, rounded down to a quarter
 *   end). It covers the units that have reached that date, and counts their values up to it
 *   and nothing after; the table says how many units it covers.
 */

import type { FigureTuple, UnitYear } from './figures.repository.ts';
import {
  aggregate,
  combineUnits,
  progressOf,
  quarterEnd,
  yearFraction,
  type Aggregation,
  type Progress,
  type ProgressStatus,
} from './progress-math.ts';

export interface TableIndicator {
  id: number;
  code: string;
  name: string;
  measure: string;
  aggregation: Aggregation;
  higherIsBetter: boolean;
  sortOrder: number;
}

/** Rows stored column by column: a province's 50,000 rows are fourteen arrays, not objects. */
export interface ProgressColumns {
  unitId: number[];
  indicatorId: number[];
  q1: (number | null)[];
  q2: (number | null)[];
  q3: (number | null)[];
  q4: (number | null)[];
  actual: (number | null)[];
  target: (number | null)[];
  percent: (number | null)[];
  expected: (number | null)[];
  forecast: (number | null)[];
  status: ProgressStatus[];
}

export interface ProgressTotal extends Progress {
  indicatorId: number;
  quarters: (number | null)[];
}

export interface ProgressTableData {
  year: number;
  /** The date the bloc's total speaks for; null when no unit has sent a report this year. */
  asOf: string | null;
  /** The share of the year elapsed at `asOf` (at today's date when null). */
  fraction: number;
  coverage: { covered: number; units: number };
  indicators: Omit<TableIndicator, 'sortOrder'>[];
  units: { id: number; name: string; asOf: string | null; covered: boolean }[];
  rows: ProgressColumns;
  totals: ProgressTotal[];
  drafts: { units: { id: number; asOf: string | null }[]; rows: ProgressColumns };
}

/** The number of the quarter ending on `date` or last before it (0 before the first ends). */
export function quarterThrough(year: number, date: string | null): number {
  if (date === null) return 0;
  for (let q = 4; q >= 1; q--) if (quarterEnd(year, q) <= date) return q;
  return 0;
}

/** The bloc's date: the latest quarter end reached by more than half of the units that sent. */
export function blocDate(asOfs: readonly (string | null)[]): string | null {
  const sent = asOfs.filter((d): d is string => d !== null).sort((a, b) => (a < b ? 1 : -1));
  if (sent.length === 0) return null;
  return sent[Math.floor(sent.length / 2)]!;
}

export function emptyColumns(): ProgressColumns {
  return {
    unitId: [],
    indicatorId: [],
    q1: [],
    q2: [],
    q3: [],
    q4: [],
    actual: [],
    target: [],
    percent: [],
    expected: [],
    forecast: [],
    status: [],
  };
}

function pushRow(
  c: ProgressColumns,
  unitId: number,
  indicatorId: number,
  q: readonly [number | null, number | null, number | null, number | null],
  p: Progress,
) {
  c.unitId.push(unitId);
  c.indicatorId.push(indicatorId);
  c.q1.push(q[0]);
  c.q2.push(q[1]);
  c.q3.push(q[2]);
  c.q4.push(q[3]);
  c.actual.push(p.actual);
  c.target.push(p.target);
  c.percent.push(p.percent);
  c.expected.push(p.expected);
  c.forecast.push(p.forecast);
  c.status.push(p.status);
}

/** A tuple's quarters with those after quarter `through` dropped. */
function quartersThrough(
  f: FigureTuple,
  through: number,
): [number | null, number | null, number | null, number | null] {
  return [
    through >= 1 ? f[1] : null,
    through >= 2 ? f[2] : null,
    through >= 3 ? f[3] : null,
    through >= 4 ? f[4] : null,
  ];
}

export interface BuildInput {
  year: number;
  indicators: readonly TableIndicator[];
  units: readonly UnitYear[];
  unitNames: ReadonlyMap<number, string>;
  /** Count nothing after this date (rounded down to a quarter end). */
  cap?: string;
  /** 'YYYY-MM-DD', for the expectation when no unit has sent anything yet. */
  today: string;
  /** Whether to send every unit's rows, or only the totals. */
  withRows: boolean;
  /** Units whose writers see their unsent values: their years with those values laid over. */
  drafts?: readonly UnitYear[];
}

/** Builds the table; see the rule at the top of this file. */
export function buildProgressTable(input: BuildInput): ProgressTableData {
  const { year } = input;
  const ordered = [...input.indicators].sort((a, b) => a.sortOrder - b.sortOrder || a.id - b.id);
  const rank: number[] = [];
  ordered.forEach((ind, n) => (rank[ind.id] = n));
  const capQuarter = input.cap === undefined ? 4 : quarterThrough(year, input.cap);
  const capDate = capQuarter > 0 ? quarterEnd(year, capQuarter) : null;
  const unitAsOf = (asOf: string | null) => {
    if (input.cap === undefined || asOf === null) return asOf;
    if (capDate === null) return null;
    return asOf > capDate ? capDate : asOf;
  };

  const present = input.units.filter((u) => u.figures.length > 0 || u.asOf !== null);
  const asOfs = present.map((u) => unitAsOf(u.asOf));
  const bloc = input.cap === undefined ? blocDate(asOfs) : capDate;
  const blocQuarter = quarterThrough(year, bloc);
  const fallback = input.today < `${year}-12-31` ? input.today : `${year}-12-31`;
  const fraction = yearFraction(year, bloc ?? fallback);

  const rows = emptyColumns();
  const used = new Set<number>();
  const units: ProgressTableData['units'] = [];
  // Per indicator (by rank), the covered units' year values, quarter values and targets.
  const cols: { q: (number | null)[][]; actual: (number | null)[]; target: (number | null)[] }[] =
    [];
  let covered = 0;

  present.forEach((u, i) => {
    const asOf = asOfs[i]!;
    const through = quarterThrough(year, asOf);
    const inTotal = bloc !== null && asOf !== null && asOf >= bloc;
    if (inTotal) covered += 1;
    units.push({ id: u.unitId, name: input.unitNames.get(u.unitId) ?? '', asOf, covered: inTotal });
    const own = asOf === null ? fraction : yearFraction(year, asOf);
    const known = u.figures.filter((f) => rank[f[0]] !== undefined);
    known.sort((a, b) => rank[a[0]]! - rank[b[0]]!);
    for (const f of known) {
      const n = rank[f[0]]!;
      const ind = ordered[n]!;
      used.add(n);
      if (input.withRows) {
        const q = quartersThrough(f, through);
        pushRow(
          rows,
          u.unitId,
          ind.id,
          q,
          progressOf(ind, aggregate(q, ind.aggregation), f[5], own),
        );
      }
      if (inTotal || bloc === null) {
        const q = quartersThrough(f, blocQuarter);
        const c = (cols[n] ??= { q: [[], [], [], []], actual: [], target: [] });
        for (let k = 0; k < 4; k++) c.q[k]!.push(q[k]!);
        c.actual.push(aggregate(q, ind.aggregation));
        c.target.push(f[5]);
      }
    }
  });

  const totals: ProgressTotal[] = [];
  cols.forEach((c, n) => {
    if (!c) return;
    const ind = ordered[n]!;
    const how = ind.aggregation;
    const p = progressOf(ind, combineUnits(c.actual, how), combineUnits(c.target, how), fraction);
    totals.push({ indicatorId: ind.id, quarters: c.q.map((v) => combineUnits(v, how)), ...p });
  });

  const drafts = { units: [] as { id: number; asOf: string | null }[], rows: emptyColumns() };
  for (const u of input.drafts ?? []) {
    const asOf = unitAsOf(u.asOf);
    const through = quarterThrough(year, asOf);
    const own = asOf === null ? fraction : yearFraction(year, asOf);
    drafts.units.push({ id: u.unitId, asOf });
    const known = u.figures.filter((f) => rank[f[0]] !== undefined);
    known.sort((a, b) => rank[a[0]]! - rank[b[0]]!);
    for (const f of known) {
      const n = rank[f[0]]!;
      const ind = ordered[n]!;
      used.add(n);
      const q = quartersThrough(f, through);
      pushRow(
        drafts.rows,
        u.unitId,
        ind.id,
        q,
        progressOf(ind, aggregate(q, ind.aggregation), f[5], own),
      );
    }
  }

  const indicators = [...used]
    .sort((a, b) => a - b)
    .map((n) => {
      // Only the described fields: callers may pass whole catalog rows.
      const { id, code, name, measure, aggregation, higherIsBetter } = ordered[n]!;
      return { id, code, name, measure, aggregation, higherIsBetter };
    });
  return {
    year,
    asOf: bloc,
    fraction,
    coverage: { covered, units: present.length },
    indicators,
    units,
    rows,
    totals,
    drafts,
  };
}

/** A unit's year with its unsent values laid over the official ones, dated to the latest. */
export function withUnsent(
  year: number,
  official: UnitYear | undefined,
  unitId: number,
  unsent: readonly { indicator_id: number; quarter: number; value: number }[],
): UnitYear {
  const tuples = new Map<number, FigureTuple>(
    (official?.figures ?? []).map((f) => [f[0], [...f] as FigureTuple]),
  );
  let last = quarterThrough(year, official?.asOf ?? null);
  for (const v of unsent) {
    let t = tuples.get(v.indicator_id);
    if (!t) tuples.set(v.indicator_id, (t = [v.indicator_id, null, null, null, null, null]));
    t[v.quarter as 1 | 2 | 3 | 4] = Number(v.value);
    if (v.quarter > last) last = v.quarter;
  }
  return {
    unitId,
    asOf: last > 0 ? quarterEnd(year, last) : null,
    figures: [...tuples.values()].sort((a, b) => a[0] - b[0]),
  };
}

/** One row of the table as an object. */
export interface ProgressRowObject extends Progress {
  unitId: number;
  indicatorId: number;
  quarters: [number | null, number | null, number | null, number | null];
}

/** The rows as objects, for the few places that show them one by one. */
export function rowsOf(c: ProgressColumns): ProgressRowObject[] {
  return c.unitId.map((unitId, i) => ({
    unitId,
    indicatorId: c.indicatorId[i]!,
    quarters: [c.q1[i]!, c.q2[i]!, c.q3[i]!, c.q4[i]!],
    actual: c.actual[i]!,
    target: c.target[i]!,
    percent: c.percent[i]!,
    expected: c.expected[i]!,
    forecast: c.forecast[i]!,
    status: c.status[i]!,
  }));
}
