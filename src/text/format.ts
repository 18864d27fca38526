// Dates and numbers as Vietnamese readers and Party documents expect them. Everything is built
// by hand rather than through Intl/ICU so that output does not depend on the server's TZ, the
// Node build's ICU data (small-icu builds lack vi-VN) or ICU's per-version pattern changes
// (vi-VN puts the time before the date: "08:56 12/10/2017").

/** IANA zone whose wall-clock time all displayed and parsed dates use. */
export const TIME_ZONE = 'Asia/Ho_Chi_Minh';

// Vietnam has been on a fixed UTC+7 with no DST since 13 June 1975. tzdata gives UTC+8 for
// Asia/Ho_Chi_Minh before that (Saigon's history); the app's dates are all after 1975, and for a
// northern committee UTC+7 is the right historical offset anyway.
const OFFSET_MS = 7 * 60 * 60 * 1000;

interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

function toDate(d: Date | string): Date {
  const date = typeof d === 'string' ? new Date(d) : d;
  if (Number.isNaN(date.getTime())) throw new RangeError(`Invalid date: ${String(d)}`);
  return date;
}

function wallClock(d: Date | string): WallClock {
  // Shifting the instant by +7h and reading UTC fields yields Vietnamese wall-clock time.
  const shifted = new Date(toDate(d).getTime() + OFFSET_MS);
  return {
    year: shifted.getUTCFullYear(),
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
    hour: shifted.getUTCHours(),
    minute: shifted.getUTCMinutes(),
  };
}

const pad2 = (n: number): string => String(n).padStart(2, '0');
const pad4 = (n: number): string =>
  n < 0 ? '-' + String(-n).padStart(4, '0') : String(n).padStart(4, '0');

/** Formats an instant as "dd/MM/yyyy HH:mm" in Vietnamese time (24-hour clock). */
export function formatDateTime(d: Date | string): string {
  const w = wallClock(d);
  return `${pad2(w.day)}/${pad2(w.month)}/${pad4(w.year)} ${pad2(w.hour)}:${pad2(w.minute)}`;
}

/** Formats an instant's Vietnamese calendar date as "dd/MM/yyyy". */
export function formatDate(d: Date | string): string {
  const w = wallClock(d);
  return `${pad2(w.day)}/${pad2(w.month)}/${pad4(w.year)}`;
}

/** Midnight of a Vietnamese calendar day (YYYY-MM-DD) as UTC ISO, plus `addDays` (UTC+7, no DST). */
export function vnDayStartIso(day: string, addDays = 0): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + addDays, -7)).toISOString();
}

/** Builds the document place-and-date line, e.g. "Từ Sơn, ngày 12 tháng 10 năm 2017". */
export function placeDateLine(place: string, date: Date | string): string {
  const w = wallClock(date);
  // Party documents write day and month with two digits ("ngày 05 tháng 03"); state documents
  // under Decree 30/2020 pad only days < 10 and months 1–2, so do not reuse this for those.
  const where = place.normalize('NFC').trim();
  return `${where}, ngày ${pad2(w.day)} tháng ${pad2(w.month)} năm ${w.year}`;
}

const DATE_TIME = /^\s*(\d{1,2})\/(\d{1,2})\/(\d{4})(?:\s+(\d{1,2}):(\d{2}))?\s*$/;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function daysInMonth(year: number, month: number): number {
  const leap = year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);
  return month === 2 && leap ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Parses "dd/MM/yyyy HH:mm" (bare date = 00:00) as Vietnamese time; null if invalid. */
export function parseVietnameseDateTime(s: string): Date | null {
  const m = DATE_TIME.exec(s);
  if (m === null) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const year = Number(m[3]);
  const hour = m[4] === undefined ? 0 : Number(m[4]);
  const minute = m[5] === undefined ? 0 : Number(m[5]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  if (hour > 23 || minute > 59) return null;
  // Date.UTC maps years 0–99 to 1900–1999, so set the year separately.
  const utc = new Date(0);
  utc.setUTCFullYear(year, month - 1, day);
  utc.setUTCHours(hour, minute, 0, 0);
  return new Date(utc.getTime() - OFFSET_MS);
}

// Shortest round-trip decimal digits of a non-negative finite number, without exponent notation.
export function plainDecimal(abs: number): string {
  const s = String(abs);
  const e = s.indexOf('e');
  if (e < 0) return s;
  const exp = Number(s.slice(e + 1));
  const mantissa = s.slice(0, e);
  const dot = mantissa.indexOf('.');
  const digits = mantissa.replace('.', '');
  const pointAt = (dot < 0 ? mantissa.length : dot) + exp; // position of the decimal point
  if (pointAt <= 0) return '0.' + '0'.repeat(-pointAt) + digits;
  if (pointAt >= digits.length) return digits + '0'.repeat(pointAt - digits.length);
  return digits.slice(0, pointAt) + '.' + digits.slice(pointAt);
}

// Rounds a plain decimal string half away from zero to `digits` fraction digits. Works on the
// shortest decimal form, not the binary value, so 1.005 → "1.01" as a person would expect
// (toFixed gives "1.00" because the double is slightly below 1.005).
function roundDecimal(plain: string, digits: number): { int: string; frac: string } {
  const [intPart = '0', fracPart = ''] = plain.split('.');
  if (fracPart.length <= digits) return { int: intPart, frac: fracPart.padEnd(digits, '0') };
  const kept = intPart + fracPart.slice(0, digits);
  const roundUp = fracPart.charCodeAt(digits) >= 53; // '5'
  let result = kept;
  if (roundUp) {
    const chars = kept.split('');
    let i = chars.length - 1;
    for (; i >= 0; i--) {
      if (chars[i] === '9') {
        chars[i] = '0';
      } else {
        chars[i] = String(Number(chars[i]) + 1);
        break;
      }
    }
    result = (i < 0 ? '1' : '') + chars.join('');
  }
  const cut = result.length - digits;
  return { int: result.slice(0, cut), frac: result.slice(cut) };
}

/** Formats as "1.234.567,5": exactly fractionDigits decimals if given, else at most 3. */
export function formatNumber(n: number, fractionDigits?: number): string {
  if (Number.isNaN(n)) return 'NaN';
  if (!Number.isFinite(n)) return n > 0 ? '∞' : '-∞';
  if (
    fractionDigits !== undefined &&
    !(Number.isInteger(fractionDigits) && fractionDigits >= 0 && fractionDigits <= 20)
  ) {
    throw new RangeError(`fractionDigits must be an integer in 0..20, got ${fractionDigits}`);
  }
  const digits = fractionDigits ?? 3;
  const rounded = roundDecimal(plainDecimal(Math.abs(n)), digits);
  const int = rounded.int.replace(/^0+(?=\d)/, '');
  const frac = fractionDigits === undefined ? rounded.frac.replace(/0+$/, '') : rounded.frac;
  const grouped = int.replace(/\B(?=(\d{3})+$)/g, '.');
  // No sign on a zero result: "-0" (what Intl prints for -0 and -0.0001) reads as a typo.
  const isZero = /^0*$/.test(int) && /^0*$/.test(frac);
  return (n < 0 && !isZero ? '-' : '') + grouped + (frac === '' ? '' : ',' + frac);
}
