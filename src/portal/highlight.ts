import { fold } from '../text/index.ts';
import { escapeHtml } from './html.ts';

/*
 * Highlighting works on the original text, not on the folded index: each character is folded
 * on its own, so a match found in the folded form maps back to the exact letters ("Đồng Kỵ"
 * for "dong ky") that are wrapped in <mark>.
 */

/** The search terms of a query: folded [a-z0-9] words, at most `max`, each at most 40 long. */
export function searchTerms(query: string, max = 12): string[] {
  const words = fold(query.slice(0, 1000))
    .split(' ')
    .filter((w) => w !== '')
    .map((w) => w.slice(0, 40));
  return [...new Set(words)].slice(0, max);
}

interface FoldedText {
  folded: string;
  /** For each folded character, the index of the original character it came from. */
  origin: number[];
}

function foldWithOrigin(text: string): FoldedText {
  let folded = '';
  const origin: number[] = [];
  for (let i = 0; i < text.length;) {
    const cp = text.codePointAt(i) ?? 0;
    const ch = String.fromCodePoint(cp);
    const f = fold(ch) || (/\p{M}|\p{Cf}/u.test(ch) ? '' : ' ');
    for (const c of f) {
      folded += c;
      origin.push(i);
    }
    i += ch.length;
  }
  return { folded, origin };
}

/** Character ranges [start, end) of `text` where a term starts a word. */
export function matchRanges(text: string, terms: readonly string[]): Array<[number, number]> {
  if (terms.length === 0) return [];
  const { folded, origin } = foldWithOrigin(text);
  const ranges: Array<[number, number]> = [];
  for (const term of terms) {
    let from = 0;
    for (;;) {
      const at = folded.indexOf(term, from);
      if (at < 0) break;
      from = at + 1;
      if (at > 0 && /[a-z0-9]/.test(folded[at - 1] ?? '')) continue;
      // Extend to the end of the word: the last term matches as a prefix ("son" in "sơn la").
      let end = at + term.length;
      while (end < folded.length && /[a-z0-9]/.test(folded[end] ?? '')) end++;
      const startOrig = origin[at] ?? 0;
      const lastOrig = origin[end - 1] ?? startOrig;
      const lastLen = String.fromCodePoint(text.codePointAt(lastOrig) ?? 32).length;
      let endOrig = lastOrig + lastLen;
      // Keep trailing combining marks of the last letter inside the mark.
      while (endOrig < text.length && /\p{M}/u.test(text[endOrig] ?? '')) endOrig++;
      ranges.push([startOrig, endOrig]);
    }
  }
  ranges.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** Escaped HTML of `text` with every match wrapped in <mark>. */
export function highlight(text: string, terms: readonly string[]): string {
  let html = '';
  let at = 0;
  for (const [start, end] of matchRanges(text, terms)) {
    html +=
      escapeHtml(text.slice(at, start)) + '<mark>' + escapeHtml(text.slice(start, end)) + '</mark>';
    at = end;
  }
  return html + escapeHtml(text.slice(at));
}

/** A window of about `size` characters around the first match, highlighted. */
export function snippet(text: string, terms: readonly string[], size = 240): string {
  const first = matchRanges(text, terms)[0];
  if (!first || text.length <= size) {
    const cut =
      text.length > size
        ? text.slice(0, text.lastIndexOf(' ', size) > 0 ? text.lastIndexOf(' ', size) : size) + ' …'
        : text;
    return highlight(cut, terms);
  }
  let start = Math.max(0, first[0] - Math.floor(size / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < first[0] ? space + 1 : start;
  }
  let end = Math.min(text.length, start + size);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > first[1] ? space : end;
  }
  return (
    (start > 0 ? '… ' : '') +
    highlight(text.slice(start, end), terms) +
    (end < text.length ? ' …' : '')
  );
}
