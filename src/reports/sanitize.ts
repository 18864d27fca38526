import { htmlToText, sanitizeRichText as sanitize } from '../text/rich-text.ts';

/** A report section reduced to the allow-list (no images: attachments carry files). */
export function sanitizeRichText(html: string): string {
  return sanitize(html);
}

/** The text of a section without markup, a line per paragraph, for diffs. */
export function richTextToPlain(html: string): string {
  return htmlToText(html, { lines: true });
}
