import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { slugify } from '../text/index.ts';
import { articlePath, imagePath } from './articles.presenters.ts';
import { atom, robots, rss, sitemap } from './feeds.ts';
import { escapeHtml } from './html.ts';
import {
  articleBody,
  categoryBody,
  homeBody,
  layout,
  messageBody,
  searchBody,
  type Meta,
  type Site,
} from './pages.ts';
import * as pub from './public.service.ts';
import { htmlToText } from './sanitize.ts';
import { portalRuntime } from './runtime.ts';
import { HTML, pageServer } from './serve.ts';

export { escapeHtml };

const PAGE_SIZE = 10;
const SLUG = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A minimal page in the portal's shell, for callers outside the portal (the app's 404). */
export function publicPage(title: string, body: string): string {
  return layout(
    { title, canonical: '/', noindex: true },
    { name: 'Cổng thông tin Giao Ban', baseUrl: '', categories: [] },
    body,
  );
}

export function notFoundPage(): string {
  return publicPage(
    'Không tìm thấy trang',
    messageBody('Không tìm thấy trang', 'Trang bạn tìm không tồn tại hoặc đã được gỡ bỏ.'),
  );
}

/** The first value of a query parameter, as a string ('' when absent or not text). */
function param(query: unknown, name: string): string {
  const value = (query as Record<string, unknown> | undefined)?.[name];
  const first = Array.isArray(value) ? (value[0] as unknown) : value;
  return typeof first === 'string' ? first : '';
}

/** Page numbers: 1 when absent, null when not a positive integer, Infinity when absurdly big. */
export function parsePage(raw: string): number | null {
  const s = raw.trim();
  if (s === '') return 1;
  if (!/^\d+$/.test(s)) return null;
  if (s.length > 9) return Infinity;
  const n = Number(s);
  return n >= 1 ? n : null;
}

function validDay(raw: string): string | undefined {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(raw)) return undefined;
  const d = new Date(`${raw}T00:00:00Z`);
  return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== raw ? undefined : raw;
}

/** The public portal: home, categories, articles, search, feeds, sitemap, robots.txt, images. */
export async function portalRoutes(app: FastifyInstance): Promise<void> {
  const db = app.db;
  const rt = portalRuntime(db, app.config.portal);
  const { siteName } = rt.config;
  for (const job of rt.jobs()) app.jobs.add(job);
  let ready = false;
  app.addHook('onReady', async () => {
    ready = true;
  });
  app.addHook('onClose', async () => {
    if (!ready) return;
    try {
      await rt.flushViews();
    } catch (error) {
      // The server flushes before closing the database (server.ts); this one is for apps whose
      // owner closes the database later (tests, the benchmark).
      app.log.error({ err: error }, 'portal: flushing views on close failed');
    }
  });

  // Public URLs (canonical links, feeds, the sitemap) come from PUBLIC_BASE_URL. Without it the
  // Host header is believed only when it names this machine (loopback, or the address the app
  // listens on); any other Host (which anyone can write) gets the listening address instead,
  // and the answers say they vary by Host so no shared cache serves one host's links to another.
  const { host: listenHost, port } = app.config;
  const shown = listenHost === '0.0.0.0' || listenHost === '::' ? '127.0.0.1' : listenHost;
  const listenOrigin = `http://${shown.includes(':') ? `[${shown}]` : shown}:${port}`;
  const ownHosts = new Set([
    'localhost',
    '127.0.0.1',
    '[::1]',
    shown.includes(':') ? `[${shown}]` : shown,
  ]);
  const baseUrl = (request: FastifyRequest) => {
    if (rt.config.publicBaseUrl) return rt.config.publicBaseUrl;
    const hostname = request.host.toLowerCase().replace(/:\d+$/, '');
    return ownHosts.has(hostname) ? `${request.protocol}://${request.host}` : listenOrigin;
  };
  if (!rt.config.publicBaseUrl) {
    app.addHook('onSend', async (_request, reply) => {
      const vary = reply.getHeader('vary');
      reply.header('vary', vary ? `${String(vary)}, Host` : 'Host');
    });
  }

  async function site(request: FastifyRequest, extra: Partial<Site> = {}): Promise<Site> {
    return {
      name: siteName,
      baseUrl: baseUrl(request),
      categories: await pub.publicCategories(db),
      ...extra,
    };
  }

  async function message(
    request: FastifyRequest,
    reply: FastifyReply,
    status: number,
    title: string,
    text: string,
  ) {
    const s = await site(request);
    const html = layout(
      { title, canonical: `${s.baseUrl}/`, noindex: true },
      s,
      messageBody(title, text),
    );
    return reply.status(status).type(HTML).header('cache-control', 'no-store').send(html);
  }

  const notFound = (request: FastifyRequest, reply: FastifyReply) =>
    message(
      request,
      reply,
      404,
      'Không tìm thấy trang',
      'Trang bạn tìm không tồn tại hoặc đã được gỡ bỏ.',
    );

  const serve = pageServer(rt, baseUrl, notFound);

  const feeds = (s: Site, category?: { slug: string; name: string }): Meta['feeds'] => [
    { type: 'rss', href: `${s.baseUrl}/rss.xml`, title: `${siteName} (RSS)` },
    { type: 'atom', href: `${s.baseUrl}/atom.xml`, title: `${siteName} (Atom)` },
    ...(category
      ? [
          {
            type: 'rss' as const,
            href: `${s.baseUrl}/chuyen-muc/${category.slug}/rss.xml`,
            title: `${category.name} (RSS)`,
          },
          {
            type: 'atom' as const,
            href: `${s.baseUrl}/chuyen-muc/${category.slug}/atom.xml`,
            title: `${category.name} (Atom)`,
          },
        ]
      : []),
  ];

  app.get('/', { schema: { hide: true } }, async (request, reply) =>
    serve(
      request,
      reply,
      'home',
      async () => {
        const s = await site(request, { currentCategory: '' });
        const data = await pub.homeData(db, app.clock());
        const meta: Meta = {
          title: siteName,
          description: `Tin tức của ${siteName}`,
          canonical: `${s.baseUrl}/`,
          feeds: feeds(s),
        };
        return {
          body: layout(meta, s, homeBody(data.latest, data.sections, siteName)),
          lastModified: data.latest[0]?.row.updated_at,
        };
      },
      { cacheControl: 'public, max-age=60' },
    ),
  );

  app.get<{ Params: { slug: string } }>(
    '/chuyen-muc/:slug',
    { schema: { hide: true } },
    async (request, reply) => {
      const slug = request.params.slug;
      if (!SLUG.test(slug) || slug.length > 100) {
        const folded = slugify(slug, 100);
        return folded && folded !== slug && slug.length <= 300
          ? reply.redirect(`/chuyen-muc/${folded}`, 301)
          : notFound(request, reply);
      }
      const page = parsePage(param(request.query, 'trang'));
      if (page === null)
        return message(
          request,
          reply,
          400,
          'Số trang không hợp lệ',
          'Số trang phải là số nguyên dương, ví dụ ?trang=2.',
        );
      let beyond = false;
      return serve(
        request,
        reply,
        `cat:${slug}:${page}`,
        async () => {
          if (!Number.isFinite(page)) {
            beyond = true;
            return null;
          }
          const data = await pub.categoryData(db, slug, page, PAGE_SIZE, app.clock());
          if (!data) return null;
          const lastPage = Math.max(1, Math.ceil(data.total / PAGE_SIZE));
          if (page > lastPage) {
            beyond = true;
            return null;
          }
          const s = await site(request, { currentCategory: slug });
          const canonical = `${s.baseUrl}/chuyen-muc/${slug}${page > 1 ? `?trang=${page}` : ''}`;
          const meta: Meta = {
            title: data.category.name,
            canonical,
            feeds: feeds(s, data.category),
          };
          return {
            body: layout(meta, s, categoryBody(data.category, data.items, page, lastPage)),
            lastModified: data.items[0]?.row.updated_at,
          };
        },
        {
          cacheControl: 'public, max-age=60',
          missing: () =>
            beyond
              ? message(request, reply, 404, 'Không có trang này', 'Chuyên mục không có trang này.')
              : notFound(request, reply),
        },
      );
    },
  );

  async function articleRoute(
    request: FastifyRequest<{ Params: { slug: string } }>,
    reply: FastifyReply,
    print: boolean,
  ) {
    const slug = request.params.slug;
    if (!SLUG.test(slug) || slug.length > 120) {
      const folded = slugify(slug, 120);
      return folded && folded !== slug && slug.length <= 500
        ? reply.redirect(`${articlePath(folded)}${print ? '/ban-in' : ''}`, 301)
        : notFound(request, reply);
    }
    return serve(
      request,
      reply,
      `${print ? 'print' : 'article'}:${slug}`,
      async () => {
        const data = await pub.articleData(db, slug, app.clock());
        if (!data) return null;
        const { row, categories, related } = data;
        const s = await site(request, { currentCategory: categories[0]?.slug });
        const meta: Meta = {
          title: row.title,
          description: row.summary || htmlToText(row.body_html).slice(0, 300),
          canonical: `${s.baseUrl}${articlePath(row.slug)}`,
          image:
            row.cover_image_id !== null ? `${s.baseUrl}${imagePath(row.cover_image_id)}` : null,
          imageAlt: row.cover_alt,
          type: 'article',
          publishedTime: row.publish_at,
          feeds: feeds(s),
          noindex: print,
        };
        return {
          body: layout(meta, s, articleBody(row, categories, related, print)),
          articleId: row.id,
          storedViews: Number(row.views),
          lastModified: row.updated_at,
        };
      },
      { countView: !print },
    );
  }

  app.get<{ Params: { slug: string } }>(
    '/bai-viet/:slug',
    { schema: { hide: true } },
    (request, reply) => articleRoute(request, reply, false),
  );
  app.get<{ Params: { slug: string } }>(
    '/bai-viet/:slug/ban-in',
    { schema: { hide: true } },
    (request, reply) => articleRoute(request, reply, true),
  );

  app.get('/tim-kiem', { schema: { hide: true } }, async (request, reply) => {
    const q = param(request.query, 'q').slice(0, 10_000);
    const categorySlug = param(request.query, 'chuyen-muc').slice(0, 100) || undefined;
    const from = validDay(param(request.query, 'tu'));
    const to = validDay(param(request.query, 'den'));
    const page = parsePage(param(request.query, 'trang'));
    if (page === null)
      return message(
        request,
        reply,
        400,
        'Số trang không hợp lệ',
        'Số trang phải là số nguyên dương.',
      );
    const s = await site(request, { q: q.slice(0, 200) });
    const params = { q, categorySlug, from, to };
    const searching =
      q.trim() !== '' || categorySlug !== undefined || from !== undefined || to !== undefined;
    const result =
      searching && Number.isFinite(page)
        ? await pub.searchData(db, { ...params, page, pageSize: PAGE_SIZE }, app.clock())
        : searching
          ? { terms: [], items: [], total: 0 }
          : null;
    const lastPage = Math.max(1, Math.ceil((result?.total ?? 0) / PAGE_SIZE));
    const href = (n: number) => {
      const qs = new URLSearchParams();
      if (q) qs.set('q', q.slice(0, 200));
      if (categorySlug) qs.set('chuyen-muc', categorySlug);
      if (from) qs.set('tu', from);
      if (to) qs.set('den', to);
      if (n > 1) qs.set('trang', String(n));
      return `/tim-kiem?${qs.toString()}`;
    };
    const title = q.trim() ? `Tìm kiếm: ${q.trim().slice(0, 80)}` : 'Tìm kiếm';
    const meta: Meta = { title, canonical: `${s.baseUrl}/tim-kiem`, noindex: true };
    const shownPage = Number.isFinite(page) ? page : lastPage + 1;
    return reply
      .status(result && page > lastPage && result.total > 0 ? 404 : 200)
      .type(HTML)
      .header('cache-control', 'no-store')
      .send(layout(meta, s, searchBody(params, s.categories, result, shownPage, lastPage, href)));
  });

  const feedRoute =
    (kind: 'rss' | 'atom') =>
    async (request: FastifyRequest<{ Params: { slug?: string } }>, reply: FastifyReply) => {
      const slug = request.params.slug ?? null;
      if (slug !== null && !SLUG.test(slug)) return notFound(request, reply);
      return serve(
        request,
        reply,
        `${kind}:${slug ?? ''}`,
        async () => {
          const data = await pub.feedData(db, slug, app.clock());
          if (!data) return null;
          const info = {
            siteName,
            baseUrl: baseUrl(request),
            category: data.category,
            rows: data.rows,
          };
          return {
            body: kind === 'rss' ? rss(info) : atom(info),
            contentType:
              kind === 'rss'
                ? 'application/rss+xml; charset=utf-8'
                : 'application/atom+xml; charset=utf-8',
            lastModified: data.rows[0]?.updated_at,
          };
        },
        { cacheControl: 'public, max-age=300' },
      );
    };
  app.get('/rss.xml', { schema: { hide: true } }, feedRoute('rss'));
  app.get('/atom.xml', { schema: { hide: true } }, feedRoute('atom'));
  app.get('/chuyen-muc/:slug/rss.xml', { schema: { hide: true } }, feedRoute('rss'));
  app.get('/chuyen-muc/:slug/atom.xml', { schema: { hide: true } }, feedRoute('atom'));

  app.get('/sitemap.xml', { schema: { hide: true } }, async (request, reply) =>
    serve(
      request,
      reply,
      'sitemap',
      async () => {
        const data = await pub.sitemapData(db, app.clock());
        return {
          body: sitemap(baseUrl(request), data.articles, data.categories),
          contentType: 'application/xml; charset=utf-8',
        };
      },
      { cacheControl: 'public, max-age=300' },
    ),
  );

  app.get('/robots.txt', { schema: { hide: true } }, async (request, reply) =>
    reply
      .type('text/plain; charset=utf-8')
      .header('cache-control', 'public, max-age=3600')
      .send(robots(baseUrl(request))),
  );

  app.get<{ Params: { id: string } }>(
    '/anh/:id',
    { schema: { hide: true } },
    async (request, reply) => {
      const id = /^\d{1,9}$/.test(request.params.id) ? Number(request.params.id) : NaN;
      const image = Number.isFinite(id) ? await pub.imageData(db, id) : undefined;
      if (!image) return notFound(request, reply);
      const etag = `"img-${image.id}-${image.size}"`;
      reply.header('etag', etag).header('cache-control', 'public, max-age=31536000, immutable');
      if (request.headers['if-none-match'] === etag) return reply.status(304).send();
      return reply.type(image.mime).send(Buffer.from(image.bytes));
    },
  );
}
