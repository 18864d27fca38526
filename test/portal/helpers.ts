import type { FastifyInstance } from 'fastify';
import type { Database } from '../../src/db/database.ts';
import { buildAccount, buildUnit, loginCookie } from '../../src/test-support/factories.ts';

export const BROWSER_UA =
  'Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0 Safari/537.36';

/** An editor account and its session cookie. */
export async function editorCookie(app: FastifyInstance, db: Database): Promise<string> {
  const unit = await buildUnit(db, { kind: 'party_committee' });
  const editor = await buildAccount(db, { roles: [{ unitId: unit.id, role: 'editor' }] });
  return loginCookie(app, editor.username);
}

/** Calls the API as `cookie`, failing loudly on an unexpected status. */
export function api(app: FastifyInstance, cookie: string) {
  return async <T = Record<string, unknown>>(
    method: 'GET' | 'POST' | 'PATCH' | 'DELETE',
    url: string,
    payload?: object,
    expected = method === 'POST' && !url.includes('/transition') ? 201 : 200,
  ): Promise<T> => {
    const response = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie },
      ...(payload && { payload }),
    });
    if (response.statusCode !== expected) {
      throw new Error(`${method} ${url}: ${response.statusCode} ${response.body}`);
    }
    return response.json<T>();
  };
}

export interface ArticleJson {
  id: number;
  slug: string;
  url: string;
  title: string;
  bodyHtml: string;
  state: string;
  version: number;
  views: number;
  publishAt: string | null;
  updatedAt: string;
  categories: Array<{ id: number; slug: string }>;
}

/** Creates and publishes an article through the API. */
export async function publishedArticle(
  call: ReturnType<typeof api>,
  fields: { title: string; bodyHtml?: string; categoryIds?: number[]; byline?: string },
): Promise<ArticleJson> {
  const draft = await call<ArticleJson>('POST', '/portal/articles', {
    bodyHtml: '<p>Nội dung bài viết.</p>',
    ...fields,
  });
  return call<ArticleJson>('POST', `/portal/articles/${draft.id}/transition`, {
    version: draft.version,
    action: 'publish',
  });
}

/** A public GET as a person in a browser. */
export function read(app: FastifyInstance, url: string, headers: Record<string, string> = {}) {
  return app.inject({ method: 'GET', url, headers: { 'user-agent': BROWSER_UA, ...headers } });
}

export function viewsOn(html: string): number {
  const m = /Số lượt xem: ([\d.]+)/.exec(html);
  if (!m?.[1]) throw new Error('no view count on the page');
  return Number(m[1].replace(/\./g, ''));
}
