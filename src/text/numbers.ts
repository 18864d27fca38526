// Numbers written the Vietnamese way, read and written by one pair of functions that the server
// (report form API, Excel upload) and the workspace (inputs) share, so that "1.234" means one
// thousand two hundred thirty-four everywhere and "1,5" one and a half.
//
//   1234567  1.234.567  → 1234567        "." groups thousands, in threes
//   1,5  1.234,75        → 1.5, 1234.75   "," starts the decimals
//   1.5  1.23  12.3456   → refused: a "." not followed by groups of three digits is ambiguous
//   1,234.5  1.234,5,6   → refused: English grouping, or two decimal commas
//
// Nothing is cut or rounded: the value read is the exact decimal written (as a double).

import { fold } from './fold.ts';
import { plainDecimal } from './format.ts';

/** Largest magnitude a figure may have (the API's own limit). */
export const NUMBER_LIMIT = 1e12;

/** Why a text is not a number, with its message in both languages. */
export const numberMessages = {
  notNumber: { vi: 'Phải là số.', en: 'Must be a number.' },
  ambiguousNumber: {
    vi: '"{text}" không rõ nghĩa: dấu chấm ngăn cách hàng nghìn (1.234 là một nghìn hai trăm ba mươi tư), dấu phẩy ngăn cách phần thập phân (1,5).',
    en: '"{text}" is ambiguous: a dot groups thousands (1.234 is one thousand two hundred thirty-four) and a comma starts the decimals (1,5).',
  },
  decimalsNotAllowed: {
    vi: 'Chỉ tiêu tính bằng "{measure}" chỉ nhận số nguyên; {text} có phần thập phân.',
    en: 'An indicator counted in "{measure}" takes whole numbers only; {text} has decimals.',
  },
  numberTooLarge: {
    vi: 'Giá trị tuyệt đối tối đa 1.000.000.000.000.',
    en: 'At most 1.000.000.000.000 in absolute value.',
  },
} as const;

export type NumberRule = keyof typeof numberMessages;

/** The message of a refused number in a language, its `{placeholders}` filled. */
export function numberMessage(
  rule: NumberRule,
  params: Record<string, string>,
  lang: 'vi' | 'en',
): string {
  return numberMessages[rule][lang].replace(
    /\{(\w+)\}/g,
    (whole, key: string) => params[key] ?? whole,
  );
}

export type ParsedNumber =
  | { ok: true; value: number | null }
  | { ok: false; rule: NumberRule; params: Record<string, string> };

const GROUPED = /^\d{1,3}(?:\.\d{3})+$/;
const PLAIN = /^\d+$/;
const DECIMAL = /^(\d{1,3}(?:\.\d{3})+|\d+),(\d+)$/;

/**
 * Reads a number written the Vietnamese way. Blank text is `null` (no value). Leading and
 * trailing spaces are ignored; a minus (or the sign −) may lead.
 */
export function parseNumber(text: string): ParsedNumber {
  const trimmed = text.trim();
  if (trimmed === '') return { ok: true, value: null };
  const negative = trimmed.startsWith('-') || trimmed.startsWith('\u2212');
  const body = negative ? trimmed.slice(1) : trimmed;
  let digits: string;
  if (PLAIN.test(body)) digits = body;
  else if (GROUPED.test(body)) digits = body.replace(/\./g, '');
  else {
    const m = DECIMAL.exec(body);
    if (m) digits = `${m[1]!.replace(/\./g, '')}.${m[2]}`;
    else if (/^[\d.,]+$/.test(body) && /\d/.test(body))
      return { ok: false, rule: 'ambiguousNumber', params: { text: trimmed } };
    else return { ok: false, rule: 'notNumber', params: { text: trimmed } };
  }
  const magnitude = Number(digits);
  if (!(magnitude <= NUMBER_LIMIT))
    return { ok: false, rule: 'numberTooLarge', params: { text: trimmed } };
  return { ok: true, value: negative && magnitude !== 0 ? -magnitude : magnitude };
}

/**
 * Writes a number the way `parseNumber` reads it, with every decimal it has (nothing rounded):
 * 1234567.5 → "1.234.567,5". For display with a fixed number of decimals use `formatNumber`.
 */
export function formatNumberExact(n: number): string {
  if (!Number.isFinite(n)) throw new RangeError(`Not a finite number: ${n}`);
  const [int = '0', frac = ''] = plainDecimal(Math.abs(n)).split('.');
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, '.');
  return (n < 0 ? '-' : '') + grouped + (frac === '' ? '' : ',' + frac);
}

const TYPING = /^(\s*[-\u2212]?)(\d[\d.]*)(,\d*)?(\s*)$/;

/** Whether text is a number in the grouping this module writes (or plain digits). */
function isOurGrouping(text: string): boolean {
  const m = TYPING.exec(text);
  return m !== null && (PLAIN.test(m[2]!) || GROUPED.test(m[2]!));
}

const dots = (text: string) => text.split('.').length - 1;

/**
 * What an input shows while the person types: their text with the thousands regrouped
 * ("1234567" → "1.234.567", "1234,5" → "1.234,5"). The dots this function wrote are moved as
 * digits come and go ("1.234" + "5" → "12.345", "1.234" − "4" → "123"); a dot the person typed
 * themselves where it groups nothing ("1.5") is left as typed, so that reading it is refused as
 * ambiguous rather than silently turned into 15. `previous` is what the input showed before.
 */
export function formatWhileTyping(text: string, previous = ''): string {
  const m = TYPING.exec(text);
  if (!m) return text;
  const int = m[2]!;
  const regroup =
    PLAIN.test(int) ||
    GROUPED.test(int) ||
    (isOurGrouping(previous) && dots(previous) > 0 && dots(text) <= dots(previous));
  if (!regroup) return text;
  const grouped = int.replace(/\./g, '').replace(/\B(?=(\d{3})+$)/g, '.');
  return `${m[1]}${grouped}${m[3] ?? ''}${m[4]}`;
}

// Measures that count whole things (people, houses, classes…): their figures take no decimals.
// Compared without case or accents; a measure not listed (triệu đồng, %, ha, tấn…) takes them.
const COUNTED = new Set(
  [
    'người',
    'nhà',
    'căn',
    'hộ',
    'lớp',
    'suất',
    'mô hình',
    'cuộc',
    'buổi',
    'lượt',
    'lượt người',
    'hội viên',
    'đoàn viên',
    'đảng viên',
    'chi bộ',
    'tổ chức',
    'cơ sở',
    'đơn vị',
    'trường',
    'xã',
    'phường',
    'thôn',
    'khu phố',
    'câu lạc bộ',
    'clb',
    'tổ',
    'đội',
    'hội',
    'cái',
    'chiếc',
    'con',
    'văn bản',
    'bài',
    'tin',
    'đề án',
    'công trình',
    'dự án',
    'gia đình',
    'học sinh',
    'cháu',
    'em',
  ].map(fold),
);

/** Whether an indicator in this measure takes decimals (a count of houses does not). */
export function measureAllowsDecimals(measure: string): boolean {
  return !COUNTED.has(fold(measure));
}

/**
 * Reads a figure for an indicator: the number, then its measure's rule on decimals. The value
 * given as a number (a numeric Excel cell, a JSON number) is checked by the same rule.
 */
export function parseFigure(input: string | number, measure: string): ParsedNumber {
  const parsed =
    typeof input === 'number'
      ? Number.isFinite(input)
        ? Math.abs(input) <= NUMBER_LIMIT
          ? ({ ok: true, value: input } as const)
          : ({ ok: false, rule: 'numberTooLarge', params: { text: String(input) } } as const)
        : ({ ok: false, rule: 'notNumber', params: { text: String(input) } } as const)
      : parseNumber(input);
  if (
    parsed.ok &&
    parsed.value !== null &&
    !Number.isInteger(parsed.value) &&
    !measureAllowsDecimals(measure)
  ) {
    return {
      ok: false,
      rule: 'decimalsNotAllowed',
      params: {
        measure,
        text: typeof input === 'string' ? input.trim() : formatNumberExact(input),
      },
    };
  }
  return parsed;
}

/** How many times the reference a value may reach before the reporter is asked to confirm. */
export const FAR_FACTOR = 10;

/**
 * The plausibility reference of an indicator for a unit: the larger of its yearly target and its
 * largest quarter already sent. A value above FAR_FACTOR times it is "far" (a warning that the
 * reporter confirms, never a refusal). Null when the unit has neither.
 */
export function farAbove(target: number | null, largestSent: number | null): number | null {
  const reference = Math.max(Math.abs(target ?? 0), Math.abs(largestSent ?? 0));
  return reference > 0 ? reference * FAR_FACTOR : null;
}

/** Whether a value is far from its reference (see farAbove). */
export function isFar(value: number | null, limit: number | null): boolean {
  return value !== null && limit !== null && Math.abs(value) > limit;
}
