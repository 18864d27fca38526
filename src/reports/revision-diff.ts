import { diffWordsWithSpace } from 'diff';
import { richTextToPlain } from './sanitize.ts';

/** One run of a word diff: kept, inserted or deleted text. */
export interface Change {
  op: 'equal' | 'insert' | 'delete';
  text: string;
}

/** A word-level diff of two rich-text sections, compared as the text a reader sees. */
export function diffSections(beforeHtml: string, afterHtml: string): Change[] {
  return diffWordsWithSpace(richTextToPlain(beforeHtml), richTextToPlain(afterHtml)).map(
    (part) => ({
      op: part.added ? 'insert' : part.removed ? 'delete' : 'equal',
      text: part.value,
    }),
  );
}

/** The texts in `after` but not `before`, and the reverse. */
export function diffLists(before: readonly string[], after: readonly string[]) {
  return {
    added: after.filter((t) => !before.includes(t)),
    removed: before.filter((t) => !after.includes(t)),
  };
}
