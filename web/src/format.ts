import { formatNumber } from '../../src/text/format';

const dateTimeParts = new Intl.DateTimeFormat('vi-VN', {
  timeZone: 'Asia/Ho_Chi_Minh',
  day: '2-digit',
  month: '2-digit',
  year: 'numeric',
  hour: '2-digit',
  minute: '2-digit',
  hourCycle: 'h23',
});

/**
 * `dd/MM/yyyy HH:mm` in Vietnam time, whatever the browser's zone and language. Built from parts
 * because vi-VN's own pattern puts the time first ("08:56 12/10/2017").
 */
export function formatDateTime(iso: string | null | undefined): string {
  if (!iso) return '';
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  const part = (type: Intl.DateTimeFormatPartTypes) =>
    dateTimeParts.formatToParts(date).find((p) => p.type === type)?.value ?? '';
  return `${part('day')}/${part('month')}/${part('year')} ${part('hour')}:${part('minute')}`;
}

/**
 * Vietnam's wall clock of an instant (UTC+7, no daylight saving), whatever the browser's zone:
 * `{ date: 'YYYY-MM-DD', time: 'HH:mm' }`.
 */
export function vietnamWallClock(iso: string): { date: string; time: string } {
  const shifted = new Date(Date.parse(iso) + 7 * 3600_000).toISOString();
  return { date: shifted.slice(0, 10), time: shifted.slice(11, 16) };
}

/**
 * Folds case and Vietnamese diacritics (đ → d) the way the server's search does, so the
 * client-side pickers match "dong ky" to "Đồng Kỵ" too.
 */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase();
}

/** Select search that ignores case and diacritics: "can bo" finds "Cán bộ tổng hợp". */
export const foldedLabelSearch = {
  filterOption: (input: string, option?: { label?: unknown }) =>
    typeof option?.label === 'string' && foldText(option.label).includes(foldText(input)),
};

const englishNumbers = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });

/**
 * A figure for reading, with at most two decimals: the Vietnamese way through the server's own
 * formatter (1.234.567,5 and 49,6 — in tables and in sentences alike), the English way in the
 * English interface (1,234,567.5). No value is "—".
 */
export function formatFigure(n: number | null | undefined, lang: 'vi' | 'en'): string {
  if (n === null || n === undefined) return '—';
  if (lang === 'en') return englishNumbers.format(n);
  return formatNumber(n, 2).replace(/,?0+$/, '');
}
