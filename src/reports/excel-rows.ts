import { fold, parseFigure, type ParsedNumber } from '../text/index.ts';
import type { FieldProblem } from '../http/errors.ts';

/*
 * Reading an indicator sheet back: pure functions over cell values, so the rules are tested
 * without a file. Columns are found by their header (in Vietnamese or English, any case or
 * accents), so a sheet whose columns were moved in Excel or LibreOffice still reads.
 */

export const SHEET_COLUMNS = {
  code: { vi: 'Mã chỉ tiêu', en: 'Code' },
  name: { vi: 'Tên chỉ tiêu', en: 'Indicator' },
  measure: { vi: 'Đơn vị tính', en: 'Measure' },
  period: { vi: 'Kỳ báo cáo', en: 'Period' },
  value: { vi: 'Giá trị', en: 'Value' },
} as const;
export type SheetColumn = keyof typeof SHEET_COLUMNS;

/** Which column (1-based) holds each field, from a header row's texts. */
export function locateColumns(header: readonly unknown[]): Partial<Record<SheetColumn, number>> {
  const found: Partial<Record<SheetColumn, number>> = {};
  header.forEach((cell, index) => {
    const text = fold(cellText(cell));
    for (const [key, names] of Object.entries(SHEET_COLUMNS) as [
      SheetColumn,
      { vi: string; en: string },
    ][]) {
      if (text === fold(names.vi) || text === fold(names.en)) found[key] ??= index + 1;
    }
  });
  return found;
}

/** A cell's value as text: formulas by their result, rich text joined, dates as ISO. */
export function cellText(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'object') {
    const v = value as { result?: unknown; richText?: { text: string }[]; text?: unknown };
    if ('result' in v) return cellText(v.result);
    if (Array.isArray(v.richText))
      return v.richText
        .map((r) => r.text)
        .join('')
        .trim();
    if (v.text !== undefined) return cellText(v.text);
  }
  return '';
}

/**
 * A cell's figure: a number cell or a formula's numeric result as it is; text read by the one
 * Vietnamese number reader (src/text/numbers.ts), so "1.234" is 1234 here as in the form. Blank
 * is null. The measure's rule on decimals applies to both.
 */
export function cellFigure(value: unknown, measure: string): ParsedNumber {
  if (value !== null && typeof value === 'object' && 'result' in value)
    return cellFigure(value.result, measure);
  if (typeof value === 'number') return parseFigure(value, measure);
  return parseFigure(cellText(value), measure);
}

export interface SheetRow {
  /** The row's number in the sheet, as Excel shows it. */
  row: number;
  cells: Partial<Record<SheetColumn, unknown>>;
}

export interface RowContext {
  indicators: ReadonlyMap<string, { id: number; allowNegative: boolean; measure: string }>;
  periodName: string;
  columns: Partial<Record<SheetColumn, number>>;
}

/** A column letter from its 1-based number: 1 → A, 27 → AA. */
export function columnLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26))
    s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

/**
 * Validates every row and returns either all the values or every problem, keyed by cell
 * ("E7"): unknown codes, repeated codes, non-numbers, decimals in a count, negatives where not
 * allowed, wrong period.
 */
export function validateSheetRows(
  rows: readonly SheetRow[],
  ctx: RowContext,
): {
  values: { indicatorId: number; value: number | null }[];
  errors: Record<string, FieldProblem>;
} {
  const errors: Record<string, FieldProblem> = {};
  const values: { indicatorId: number; value: number | null }[] = [];
  const seen = new Set<string>();
  const at = (column: SheetColumn, row: number) =>
    `${columnLetter(ctx.columns[column] ?? 1)}${row}`;
  for (const { row, cells } of rows) {
    const code = cellText(cells.code).toUpperCase();
    const indicator = ctx.indicators.get(code);
    if (!code) errors[at('code', row)] = { rule: 'required' };
    else if (!indicator) errors[at('code', row)] = { rule: 'unknownIndicator', params: { code } };
    else if (seen.has(code)) errors[at('code', row)] = { rule: 'duplicate' };
    seen.add(code);
    if (ctx.columns.period !== undefined) {
      const period = cellText(cells.period);
      if (period && fold(period) !== fold(ctx.periodName)) {
        errors[at('period', row)] = {
          rule: 'wrongPeriod',
          params: { found: period, expected: ctx.periodName },
        };
      }
    }
    const figure = cellFigure(cells.value, indicator?.measure ?? '');
    if (!figure.ok) errors[at('value', row)] = { rule: figure.rule, params: figure.params };
    else if (figure.value !== null && figure.value < 0 && indicator && !indicator.allowNegative)
      errors[at('value', row)] = { rule: 'negative' };
    else if (indicator) values.push({ indicatorId: indicator.id, value: figure.value });
  }
  return { values, errors };
}
