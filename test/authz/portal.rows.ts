import { uniq } from '../../src/test-support/factories.ts';
import { allow, anySignedIn, type Fixture, type Row } from './table.ts';

/** A fresh draft written straight through the service, as the root editor would. */
async function freshArticle(fx: Fixture, title = `Bài ${uniq()}`) {
  const { createArticle } = await import('../../src/portal/articles.service.ts');
  const editor = {
    actor: {
      id: fx.accounts.editor,
      username: 'editor',
      fullName: 'Biên tập',
      roles: [{ unitId: fx.root, role: 'editor' as const }],
    },
    requestId: null,
  };
  return fx.db
    .transaction()
    .execute((trx) => createArticle(trx, editor, { title, bodyHtml: '<p>Nội dung</p>' }));
}

/** A fresh, empty category written straight through the repository. */
async function freshCategory(fx: Fixture) {
  const { insertCategory } = await import('../../src/portal/articles.repository.ts');
  const tag = uniq();
  return insertCategory(fx.db, {
    slug: `chuyen-muc-${tag}`.toLowerCase(),
    name: `Chuyên mục ${tag}`,
    sort_order: 0,
    created_at: new Date().toISOString(),
  });
}

const PNG_1PX =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==';

/** The portal's workspace API: editors write; everyone signed in may list categories. */
export const portalRows: Row[] = [
  {
    route: 'GET /api/v1/portal/categories',
    request: async () => ({ url: '/api/v1/portal/categories' }),
    expect: anySignedIn(200),
  },
  {
    route: 'POST /api/v1/portal/categories',
    request: async () => ({
      url: '/api/v1/portal/categories',
      payload: { name: `Chuyên mục ${uniq()}` },
    }),
    expect: allow(['editor'], 201),
  },
  {
    route: 'PATCH /api/v1/portal/categories/:id',
    request: async (fx) => ({
      url: `/api/v1/portal/categories/${(await freshCategory(fx)).id}`,
      payload: { version: 1, name: `Tên mới ${uniq()}` },
    }),
    expect: allow(['editor'], 200),
  },
  {
    route: 'DELETE /api/v1/portal/categories/:id',
    request: async (fx) => ({ url: `/api/v1/portal/categories/${(await freshCategory(fx)).id}` }),
    expect: allow(['editor'], 204),
  },
  {
    route: 'GET /api/v1/portal/articles',
    request: async () => ({ url: '/api/v1/portal/articles?q=bai' }),
    expect: allow(['editor'], 200),
  },
  {
    route: 'POST /api/v1/portal/articles',
    request: async () => ({
      url: '/api/v1/portal/articles',
      payload: { title: `Bài ${uniq()}`, bodyHtml: '<p>x</p>' },
    }),
    expect: allow(['editor'], 201),
  },
  {
    route: 'GET /api/v1/portal/articles/:id',
    request: async (fx) => ({ url: `/api/v1/portal/articles/${(await freshArticle(fx)).id}` }),
    expect: allow(['editor'], 200),
  },
  {
    route: 'PATCH /api/v1/portal/articles/:id',
    request: async (fx) => ({
      url: `/api/v1/portal/articles/${(await freshArticle(fx)).id}`,
      payload: { version: 1, title: `Tên mới ${uniq()}` },
    }),
    expect: allow(['editor'], 200),
  },
  {
    route: 'POST /api/v1/portal/articles/:id/transition',
    request: async (fx) => ({
      url: `/api/v1/portal/articles/${(await freshArticle(fx)).id}/transition`,
      payload: { version: 1, action: 'publish' },
    }),
    expect: allow(['editor'], 200),
  },
  {
    route: 'GET /api/v1/portal/articles/:id/revisions',
    request: async (fx) => ({
      url: `/api/v1/portal/articles/${(await freshArticle(fx)).id}/revisions`,
    }),
    expect: allow(['editor'], 200),
  },
  {
    route: 'GET /api/v1/portal/articles/:id/preview',
    request: async (fx) => ({
      url: `/api/v1/portal/articles/${(await freshArticle(fx)).id}/preview`,
    }),
    expect: allow(['editor'], 200),
  },
  {
    route: 'POST /api/v1/portal/images',
    request: async () => ({ url: '/api/v1/portal/images', payload: { dataBase64: PNG_1PX } }),
    expect: allow(['editor'], 201),
  },
];
