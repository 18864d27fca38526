import { foldText } from '../../format';

/** A section in the template editor: `key` is set for sections already saved, never changed. */
export interface SectionDraft {
  key?: string;
  title?: string;
}

const MAX_KEY = 40;
const FALLBACK_KEY = 'muc';

/** "Kết quả nổi bật" → "ket_qua_noi_bat": lowercase ASCII words joined by "_", at most 40 characters. */
export function keyFromTitle(title: string): string {
  const key = foldText(title)
    .replace(/[^a-z0-9]+/g, '_')
    .replace(/^_+|_+$/g, '');
  if (key.length <= MAX_KEY) return key;
  // Cut at a word boundary where there is one, so the key stays readable.
  const cut = key.lastIndexOf('_', MAX_KEY);
  return cut > 0 ? key.slice(0, cut) : key.slice(0, MAX_KEY);
}

/**
 * The key each section is saved under. Saved sections keep theirs, because reports store their
 * text by key and a renamed section must keep its text; new ones get a key from their title,
 * numbered when it is taken ("ket_qua_2"). A row the form has not filled yet counts as new.
 */
export function sectionKeys(sections: readonly (SectionDraft | undefined)[]): string[] {
  const used = new Set(sections.flatMap((s) => (s?.key ? [s.key] : [])));
  return sections.map((section) => {
    if (section?.key) return section.key;
    const base = keyFromTitle(section?.title ?? '') || FALLBACK_KEY;
    let key = base;
    for (let n = 2; used.has(key); n++) {
      const suffix = `_${n}`;
      key = base.slice(0, MAX_KEY - suffix.length) + suffix;
    }
    used.add(key);
    return key;
  });
}
