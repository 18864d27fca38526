// Vietnamese full names are written family–middle–given ("Nguyễn Thị Thu Thủy") and people are
// known and listed by the given name, so lists sort on the last word first.

// Base sensitivity ignores tone marks and case (An = Án = an) but the 'vi' tailoring keeps
// ă â đ ê ô ơ ư as letters of their own (a < ă < â, d < đ, e < ê, o < ô < ơ, u < ư), which is the
// dictionary order ("Dũng" < "Đức"). Ties are then broken by the stricter comparisons below.
const baseCollator = new Intl.Collator('vi', { sensitivity: 'base', usage: 'sort' });
const variantCollator = new Intl.Collator('vi', { sensitivity: 'variant', usage: 'sort' });

// Uppercase Icelandic eth (U+00D0) is visually identical to Đ and slips in from legacy fonts;
// ICU sorts it as D, which would put "Ðức" among the D names.
const ETH = /[Ðð]/g;

function words(fullName: string): string[] {
  const cleaned = fullName
    .normalize('NFC')
    .replace(ETH, (c) => (c === 'Ð' ? 'Đ' : 'đ'))
    .trim();
  return cleaned === '' ? [] : cleaned.split(/\s+/u);
}

/** Returns the given name (last word) of a Vietnamese full name, or '' for a blank name. */
export function givenName(fullName: string): string {
  const parts = words(fullName);
  return parts[parts.length - 1] ?? '';
}

interface NameKey {
  given: string;
  middle: string[];
  family: string;
}

function nameKey(fullName: string): NameKey {
  const parts = words(fullName);
  if (parts.length <= 1) return { given: parts[0] ?? '', middle: [], family: '' };
  return {
    given: parts[parts.length - 1] ?? '',
    middle: parts.slice(1, -1),
    family: parts[0] ?? '',
  };
}

type Compare = (x: string, y: string) => number;

// Middle names word by word; a missing or shorter middle name sorts first ("Lê An" < "Lê Thị An").
function compareWords(a: string[], b: string[], compare: Compare): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) {
    const c = compare(a[i] ?? '', b[i] ?? '');
    if (c !== 0) return c;
  }
  return a.length - b.length;
}

function compareKeys(a: NameKey, b: NameKey, compare: Compare): number {
  return (
    compare(a.given, b.given) ||
    compareWords(a.middle, b.middle, compare) ||
    compare(a.family, b.family)
  );
}

/** Orders full names by given, then middle, then family name; a total order for sort(). */
export function compareVietnameseNames(a: string, b: string): number {
  const ka = nameKey(a);
  const kb = nameKey(b);
  const byBase = compareKeys(ka, kb, baseCollator.compare);
  if (byBase !== 0) return Math.sign(byBase);
  // Same letters: let tones and case decide (Dung < Dũng), still in given-name-first order.
  const byVariant = compareKeys(ka, kb, variantCollator.compare);
  if (byVariant !== 0) return Math.sign(byVariant);
  // Canonically equivalent or whitespace-only differences compare equal in ICU; fall back to
  // code units so that only identical strings tie and sorting is deterministic.
  return a < b ? -1 : a > b ? 1 : 0;
}
