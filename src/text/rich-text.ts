import sanitizeHtml from 'sanitize-html';
import { cleanText } from './nfc.ts';

/*
 * Rich text (report sections, article bodies) comes from the browser's editor and from legacy
 * pages. The server keeps only an allow-list of tags and attributes, so stored HTML is safe to
 * print as it is: no script, no style, no event handlers (attributes not listed are dropped),
 * links only to http(s) and mailto, never javascript:.
 */
const TAGS = [
  'p',
  'br',
  'strong',
  'b',
  'em',
  'i',
  'u',
  's',
  'sub',
  'sup',
  'h2',
  'h3',
  'h4',
  'blockquote',
  'ul',
  'ol',
  'li',
  'a',
  'table',
  'thead',
  'tbody',
  'tr',
  'th',
  'td',
  'hr',
  'code',
  'pre',
];
const IMAGE_TAGS = ['img', 'figure', 'figcaption'];

function options(images: boolean): sanitizeHtml.IOptions {
  return {
    allowedTags: images ? [...TAGS, ...IMAGE_TAGS] : TAGS,
    allowedAttributes: {
      a: ['href', 'title', 'rel'],
      td: ['colspan', 'rowspan'],
      th: ['colspan', 'rowspan'],
      ...(images && { img: ['src', 'alt', 'width', 'height'] }),
    },
    allowedSchemes: ['http', 'https', 'mailto'],
    allowedSchemesByTag: { img: ['http', 'https'] },
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: sanitizeHtml.simpleTransform('a', { rel: 'noopener noreferrer' }),
      // The page title is the only h1.
      h1: 'h2',
    },
  };
}

const WITH_IMAGES = options(true);
const WITHOUT_IMAGES = options(false);

/** Rich text reduced to the allow-list, in NFC; images only where the caller allows them. */
export function sanitizeRichText(html: string, { images = false } = {}): string {
  return sanitizeHtml(cleanText(html), images ? WITH_IMAGES : WITHOUT_IMAGES).trim();
}

/**
 * The visible text of HTML: for search keys and summaries (one line), or for diffs
 * (`lines: true`, a line per paragraph, list item or row).
 */
export function htmlToText(html: string, { lines = false } = {}): string {
  const marked = html
    .replace(/<\/(p|h\d|li|blockquote|tr|figcaption)>/gi, lines ? '$&\n' : '$& ')
    .replace(/<br\s*\/?>/gi, lines ? '\n' : ' ');
  const text = decodeEntities(sanitizeHtml(marked, { allowedTags: [], allowedAttributes: {} }));
  return lines
    ? text
        .split('\n')
        .map((line) => line.replace(/[ \t\u00a0]+/g, ' ').trim())
        .join('\n')
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : text.replace(/\s+/g, ' ').trim();
}

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|amp|lt|gt|quot|nbsp|#39);/gi, (whole, e: string) => {
    const lower = e.toLowerCase();
    if (lower === 'amp') return '&';
    if (lower === 'lt') return '<';
    if (lower === 'gt') return '>';
    if (lower === 'quot') return '"';
    if (lower === 'nbsp') return ' ';
    const code = lower.startsWith('#x')
      ? parseInt(lower.slice(2), 16)
      : parseInt(lower.slice(1), 10);
    return Number.isFinite(code) && code > 0 && code < 0x110000
      ? String.fromCodePoint(code)
      : whole;
  });
}
