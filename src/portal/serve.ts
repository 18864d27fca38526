import type { FastifyReply, FastifyRequest } from 'fastify';
import { nowIso } from '../db/dialect.ts';
import { formatNumber } from '../text/index.ts';
import { isAutomated } from './bots.ts';
import { etagOf, isFresh, type CachedPage } from './page-cache.ts';
import { VIEW_COUNT_GAP } from './pages.ts';
import type { PortalRuntime } from './runtime.ts';

export const HTML = 'text/html; charset=utf-8';

/** A page as rendered on a cache miss. */
export interface Rendered {
  body: string;
  contentType?: string;
  articleId?: number;
  storedViews?: number;
  lastModified?: string;
}

export interface ServeOptions {
  countView?: boolean;
  cacheControl?: string;
  missing?: () => Promise<FastifyReply>;
}

export type Serve = (
  request: FastifyRequest,
  reply: FastifyReply,
  key: string,
  render: () => Promise<Rendered | null>,
  options?: ServeOptions,
) => Promise<FastifyReply>;

/**
 * The portal's page server: serves a page from the cache (rendering it on a miss) with
 * ETag/Last-Modified. An article page is counted here, before any 304, so a cached or
 * revalidated view still counts once; its ETag carries the count it shows.
 */
export function pageServer(
  rt: PortalRuntime,
  baseUrl: (request: FastifyRequest) => string,
  notFound: (request: FastifyRequest, reply: FastifyReply) => Promise<FastifyReply>,
): Serve {
  return async function serve(
    request: FastifyRequest,
    reply: FastifyReply,
    key: string,
    render: () => Promise<Rendered | null>,
    options: ServeOptions = {},
  ): Promise<FastifyReply> {
    const cacheKey = `${baseUrl(request)}|${key}`;
    let page = rt.cache.get(cacheKey);
    if (!page) {
      const generation = rt.cache.generation;
      const rendered = await render();
      if (!rendered) return options.missing ? options.missing() : notFound(request, reply);
      const gap = rendered.body.indexOf(VIEW_COUNT_GAP);
      const head = gap < 0 ? rendered.body : rendered.body.slice(0, gap);
      const tail = gap < 0 ? null : rendered.body.slice(gap + VIEW_COUNT_GAP.length);
      page = {
        // Kept as bytes: encoding ~10 KB of Vietnamese text per request would cost more than the
        // rest of serving a cached page.
        head: Buffer.from(head),
        tail: tail === null ? null : Buffer.from(tail),
        articleId: rendered.articleId ?? null,
        storedViews: rendered.storedViews ?? 0,
        etag: etagOf(head, tail ?? ''),
        lastModified: new Date(rendered.lastModified ?? nowIso()).toUTCString(),
        contentType: rendered.contentType ?? HTML,
      } satisfies CachedPage;
      if (page.articleId !== null) rt.views.noteStored(page.articleId, page.storedViews);
      rt.cache.set(cacheKey, page, generation);
    }
    const id = page.articleId;
    if (
      id !== null &&
      options.countView &&
      request.method === 'GET' &&
      !isAutomated(request.headers)
    ) {
      rt.views.record(id);
    }
    reply.type(page.contentType).header('cache-control', options.cacheControl ?? 'no-cache');
    if (page.tail === null || id === null) {
      reply.header('etag', page.etag).header('last-modified', page.lastModified);
      if (isFresh(request.headers, page)) return reply.status(304).send();
      return reply.send(page.head);
    }
    // A page with a view count: its validator changes with the count, so a reader who reloads
    // (F5 revalidates) gets the page again with the count their own view just raised, and only
    // a client whose copy still shows the current count (a crawler, not counted) gets a 304.
    // No Last-Modified: a date cannot tell a stale count from a fresh one.
    const views = rt.views.shown(id, page.storedViews);
    const etag = `${page.etag.slice(0, -1)}.${views}"`;
    reply.header('etag', etag);
    if (isFresh(request.headers, { etag, lastModified: null })) return reply.status(304).send();
    return reply.send(Buffer.concat([page.head, Buffer.from(formatNumber(views)), page.tail]));
  };
}
