import { createHash } from 'node:crypto';

/** A rendered page kept in memory. An article page keeps the view count out, as a gap. */
export interface CachedPage {
  /** The HTML before and after the view count; `tail` is null for pages without a count. */
  head: Buffer;
  tail: Buffer | null;
  articleId: number | null;
  storedViews: number;
  etag: string;
  lastModified: string;
  contentType: string;
}

/**
 * The in-memory page cache: published pages by URL, dropped whenever an article or category
 * changes (locally at once, from other instances within one check interval). Bounded in
 * entries; the oldest entry goes first.
 */
export class PageCache {
  private readonly pages = new Map<string, CachedPage>();
  generation = 0;

  constructor(private readonly maxEntries = 2000) {}

  get(key: string): CachedPage | undefined {
    return this.pages.get(key);
  }

  /** Stores a page unless the cache was cleared since rendering began (`generation`). */
  set(key: string, page: CachedPage, generation: number): void {
    if (generation !== this.generation) return;
    if (this.pages.size >= this.maxEntries) {
      const oldest = this.pages.keys().next().value;
      if (oldest !== undefined) this.pages.delete(oldest);
    }
    this.pages.set(key, page);
  }

  clear(): void {
    this.generation++;
    this.pages.clear();
  }

  get size(): number {
    return this.pages.size;
  }
}

/** A weak ETag of the page's content (the view count excluded: serve.ts adds it). */
export function etagOf(...parts: string[]): string {
  const hash = createHash('sha1');
  for (const p of parts) hash.update(p).update('\u0000');
  return `W/"${hash.digest('base64url').slice(0, 22)}"`;
}

/** True when the request's validators say its copy is current. */
export function isFresh(
  headers: { 'if-none-match'?: string; 'if-modified-since'?: string },
  page: { etag: string; lastModified: string | null },
): boolean {
  const inm = headers['if-none-match'];
  if (inm !== undefined) {
    const weak = (t: string) => t.trim().replace(/^W\//, '');
    return inm.split(',').some((t) => t.trim() === '*' || weak(t) === weak(page.etag));
  }
  const ims = headers['if-modified-since'];
  if (ims !== undefined && page.lastModified !== null) {
    const since = Date.parse(ims);
    const modified = Date.parse(page.lastModified);
    return Number.isFinite(since) && Number.isFinite(modified) && modified <= since;
  }
  return false;
}
