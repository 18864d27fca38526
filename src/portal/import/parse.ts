import { parse as parseHtml, type HTMLElement } from 'node-html-parser';
import { cleanText, parseVietnameseDateTime } from '../../text/index.ts';

/*
 * Legacy articles: the plain-text page format of ../shared/seed/README.md and saved HTML
 * article pages. Pure functions: text in, article out, or an ImportError saying what is wrong.
 */

export interface ParsedArticle {
  title: string;
  /** Publish time as ISO UTC (the source gives Asia/Ho_Chi_Minh wall-clock time). */
  publishAt: string;
  views: number;
  paragraphs: string[];
  /** The authors as written, e.g. "Thu Thủy - Xuân Khương"; '' when the page has none. */
  byline: string;
}

export class ImportError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ImportError';
  }
}

const DATE_AND_VIEWS =
  /(\d{1,2}\/\d{1,2}\/\d{4}\s+\d{1,2}:\d{2})\s*(?:[-|·]\s*)?Số\s+lượt\s+xem\s*:\s*([\d.,\s]*\d)/iu;
const BLANK = /^[\s\u00a0\u200b\ufeff]*$/u;

/** Collapses runs of spaces, tabs and non-breaking spaces; trims. */
function tidy(s: string): string {
  return s.replace(/[\s\u00a0\u200b]+/gu, ' ').trim();
}

function parseCount(raw: string): number {
  const n = Number(raw.replace(/[.,\s]/g, ''));
  if (!Number.isSafeInteger(n) || n < 0)
    throw new ImportError(`view count "${raw}" is not a number`);
  return n;
}

function parseWhen(raw: string): string {
  const date = parseVietnameseDateTime(raw);
  if (!date) throw new ImportError(`"${raw}" is not a valid date and time (dd/MM/yyyy HH:mm)`);
  return date.toISOString();
}

/** A byline is one short line of names, not a sentence. */
function looksLikeByline(text: string): boolean {
  return (
    text.length > 0 && text.length <= 120 && !/[.!?:;…]$/u.test(text) && !/\d{2}\/\d{2}/.test(text)
  );
}

/** Decodes bytes as UTF-8 text, refusing binary or mis-encoded files. */
export function decodeText(bytes: Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ImportError('not UTF-8 text');
  }
  if (text.includes('\u0000')) throw new ImportError('binary file, not text');
  return text.replace(/^\ufeff/, '');
}

/** Parses the plain-text page format (title; date and views; paragraphs; authors). */
export function parseTextArticle(raw: string): ParsedArticle {
  const text = cleanText(raw.replace(/\r\n?/g, '\n'));
  if (BLANK.test(text)) throw new ImportError('empty file');
  const lines = text.split('\n');
  const dateIndex = lines.findIndex((l) => DATE_AND_VIEWS.test(l));
  if (dateIndex < 0) throw new ImportError('no "dd/MM/yyyy HH:mm Số lượt xem: N" line');
  const title = tidy(
    lines
      .slice(0, dateIndex)
      .filter((l) => !BLANK.test(l))
      .join(' '),
  );
  if (!title) throw new ImportError('no title before the date line');
  if (title.length > 300) throw new ImportError('the title is longer than 300 characters');
  const m = DATE_AND_VIEWS.exec(lines[dateIndex] ?? '');
  if (!m?.[1] || !m[2]) throw new ImportError('no date line');
  const publishAt = parseWhen(m[1]);
  const views = parseCount(m[2]);

  const blocks: string[] = [];
  let current: string[] = [];
  for (const line of lines.slice(dateIndex + 1)) {
    if (BLANK.test(line)) {
      if (current.length) blocks.push(tidy(current.join(' ')));
      current = [];
    } else current.push(line);
  }
  if (current.length) blocks.push(tidy(current.join(' ')));
  let byline = '';
  const last = blocks[blocks.length - 1];
  if (blocks.length > 1 && last !== undefined && looksLikeByline(last)) {
    byline = last;
    blocks.pop();
  }
  if (blocks.length === 0) throw new ImportError('no body paragraphs');
  return { title, publishAt, views, paragraphs: blocks, byline };
}

const CONTAINERS = [
  '[itemprop=articleBody]',
  '.article-content',
  '.news-content',
  '.content-detail',
  '.detail-content',
  '.article-body',
  'article',
  '.content',
  'main',
  'body',
];

/** Parses a saved HTML article page (h1 title, the date/views line, <p> paragraphs, authors). */
export function parseHtmlArticle(raw: string): ParsedArticle {
  const html = cleanText(raw);
  if (BLANK.test(html)) throw new ImportError('empty file');
  const root = parseHtml(html, {
    comment: false,
    blockTextElements: { script: false, style: false },
  });
  const title = tidy(
    root.querySelector('h1')?.text ??
      root.querySelector('meta[property="og:title"]')?.getAttribute('content') ??
      root.querySelector('title')?.text ??
      '',
  );
  if (!title) throw new ImportError('no title (<h1>, og:title or <title>)');
  const bodyText = tidy((root.querySelector('body') ?? root).text);
  const m = DATE_AND_VIEWS.exec(bodyText);
  if (!m?.[1] || !m[2]) throw new ImportError('no "dd/MM/yyyy HH:mm Số lượt xem: N" text');
  const publishAt = parseWhen(m[1]);
  const views = parseCount(m[2]);

  let container: HTMLElement | null = null;
  for (const selector of CONTAINERS) {
    const found = root.querySelector(selector);
    if (found && found.querySelectorAll('p').length > 0) {
      container = found;
      break;
    }
  }
  const authorEl = root.querySelector(
    '[class*=author], [class*=tac-gia], [class*=byline], [rel=author]',
  );
  let byline = authorEl ? tidy(authorEl.text) : '';
  const paragraphs = (container?.querySelectorAll('p') ?? [])
    .filter((p) => !authorEl || (p !== authorEl && !authorEl.querySelectorAll('p').includes(p)))
    .map((p) => tidy(p.text))
    .filter((t) => t !== '' && !DATE_AND_VIEWS.test(t) && t !== title);
  const last = paragraphs[paragraphs.length - 1];
  if (!byline && paragraphs.length > 1 && last !== undefined && looksLikeByline(last)) {
    byline = last;
    paragraphs.pop();
  }
  if (paragraphs.length === 0) throw new ImportError('no body paragraphs (<p>)');
  return { title, publishAt, views, paragraphs, byline };
}

/** Parses a file by its name: .html/.htm as a saved page, anything else as the text format. */
export function parseArticleFile(name: string, bytes: Uint8Array): ParsedArticle {
  const text = decodeText(bytes);
  return /\.html?$/i.test(name) ? parseHtmlArticle(text) : parseTextArticle(text);
}
