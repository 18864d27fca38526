import { fold } from '../text/index.ts';
import { htmlToText, sanitizeRichText } from '../text/rich-text.ts';

/** Cleans an article body to the allow-list, images included (NFC, no scripts or handlers). */
export function sanitizeBody(html: string): string {
  return sanitizeRichText(html, { images: true });
}

export { htmlToText };

/** The folded search key of an article's summary and body. */
export function bodySearchKey(summary: string, bodyHtml: string): string {
  return fold(`${summary} ${htmlToText(bodyHtml)}`);
}
