// Search keys and URL slugs: Vietnamese users type with or without diacritics ("Dong Ky" for
// "Đồng Kỵ"), in either case, with either tone placement ("thuỷ"/"thủy"), so lookups compare
// folded keys rather than raw text.

// All combining marks, not only U+0300–U+036F: marks from other blocks (e.g. U+1DC0–U+1DFF)
// would otherwise turn into spaces in the middle of a word.
const COMBINING_MARKS = /\p{M}+/gu;
// Invisible format characters (soft hyphen, zero-width space/joiner, BOM) sit inside words in
// pasted text; deleting them keeps "Từ\u00ADSơn" one word instead of splitting it.
const FORMAT_CHARS = /\p{Cf}+/gu;
// đ/Đ have no decomposition, so NFD leaves them intact. U+00D0/U+00F0 (Icelandic eth) look
// identical to Đ in uppercase and show up from legacy fonts and mistyped input.
const D_STROKE = /[đĐðÐ]/g;
const NON_ALNUM = /[^a-z0-9]+/g;

/** Folds text to a search key: no diacritics, đ→d, lowercase, [a-z0-9] words, single spaces. */
export function fold(s: string): string {
  return (
    s
      .normalize('NFD')
      .replace(FORMAT_CHARS, '')
      .replace(D_STROKE, 'd')
      .toLowerCase()
      // Lowercasing can emit new combining marks (İ → i + U+0307), so strip marks afterwards.
      .normalize('NFD')
      .replace(COMBINING_MARKS, '')
      .replace(NON_ALNUM, ' ')
      .trim()
  );
}

/** Makes a URL slug ([a-z0-9] words joined by '-'), cut at a word boundary to ≤ maxLength. */
export function slugify(s: string, maxLength = 80): string {
  const limit = Math.floor(maxLength);
  if (!(limit > 0)) return '';
  const slug = fold(s).replace(/ /g, '-');
  if (slug.length <= limit) return slug;
  // Prefer dropping whole words; a single word longer than the limit is hard-cut instead of
  // yielding an empty slug.
  const cut = slug.lastIndexOf('-', limit);
  return cut > 0 ? slug.slice(0, cut) : slug.slice(0, limit);
}
