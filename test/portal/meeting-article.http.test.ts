import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemo } from '../../src/demo/demo.ts';
import type { Article } from '../../src/portal/articles.schema.ts';
import type {
  ArticleMeetingList,
  MeetingArticle,
} from '../../src/portal/meeting-article.schema.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, loginCookie } from '../../src/test-support/factories.ts';
import { apiCaller, type Lang } from '../api-call.ts';

/*
 * From meeting to article on the demo: the editor finds the concluded Quý III meeting in the
 * articles list's choice, drafts its article (time and place, chair, who reported, results,
 * directives), which is linked to the meeting once published; a second draft, a meeting not
 * concluded and a missing one are refused in Vietnamese and English.
 */

const PEOPLE = ['bientap', 'chutri', 'phunu.tonghop', 'vanphong'] as const;
type Who = (typeof PEOPLE)[number];
type ErrorBody = { error: { code: string; message: string; articleId?: number } };

describeEachEngine('from meeting to article', (db) => {
  let app: FastifyInstance;
  const cookies = {} as Record<Who, string>;
  const call = apiCaller(() => app);
  let concluded: number;
  let notConcluded: number;

  beforeAll(async () => {
    await loadDemo(db());
    app = await buildTestApp(db());
    for (const who of PEOPLE) cookies[who] = await loginCookie(app, who, DEMO_PASSWORD);
    const meetings = await db().selectFrom('meetings').select(['id', 'state']).execute();
    concluded = meetings.find((m) => m.state === 'concluded')!.id;
    notConcluded = meetings.find((m) => m.state !== 'concluded')!.id;
  });
  afterAll(() => app.close());

  const forMeeting = async (who: Who, id = concluded) => {
    const r = await call<MeetingArticle>('GET', `/portal/articles/for-meeting/${id}`, cookies[who]);
    expect(r.status).toBe(200);
    return r.body;
  };

  it('drafts the concluded meeting as an article, linked on the meeting page once published', async () => {
    const list = await call<ArticleMeetingList>(
      'GET',
      '/portal/articles/from-meeting',
      cookies.bientap,
    );
    expect(list.body.items.map((m) => [m.id, m.articleId])).toEqual([[concluded, null]]);
    expect(await forMeeting('chutri')).toEqual({ article: null, canDraft: true });
    expect(await forMeeting('phunu.tonghop')).toEqual({ article: null, canDraft: false });
    const refused = await call<ErrorBody>(
      'POST',
      `/portal/articles/from-meeting/${concluded}`,
      cookies['phunu.tonghop'],
      {},
    );
    expect(refused.status).toBe(403);

    const drafted = await call<Article>(
      'POST',
      `/portal/articles/from-meeting/${concluded}`,
      cookies.bientap,
      {},
    );
    expect(drafted.status).toBe(201);
    const a = drafted.body;
    expect(a).toMatchObject({
      state: 'draft',
      title: 'Hội nghị giao ban khối Đảng, đoàn thể Quý III/2017',
    });
    expect(a.summary).toMatch(/^Ngày 11\/10\/2017, Thị ủy Từ Sơn tổ chức hội nghị giao ban/);
    expect(a.bodyHtml).toContain('chủ trì hội nghị');
    expect(a.bodyHtml).toContain('<h2>Các đơn vị báo cáo</h2>');
    expect(a.bodyHtml).toContain('Đảng ủy phường Đồng Kỵ');
    // Each unit that reported once, with who spoke for it.
    expect(a.bodyHtml).toContain(
      '<li>Ban Tổ chức Thị ủy (Trưởng Ban Tổ chức Thị ủy Phạm Văn Khải)</li>',
    );
    expect(a.bodyHtml.match(/<li>Ủy ban Mặt trận Tổ quốc/g)).toHaveLength(1);
    expect(a.bodyHtml).toContain('<h2>Kết quả chủ yếu</h2>');
    expect(a.bodyHtml).toContain('<h2>Chỉ đạo của hội nghị</h2>');
    expect(a.bodyHtml).toContain('bàn giao mặt bằng đúng tiến độ');

    // A draft: the meeting's readers see no link yet; the editor sees the article to open.
    expect(await forMeeting('chutri')).toMatchObject({
      article: { id: a.id, state: 'draft', publicUrl: null, editable: false },
      canDraft: false,
    });
    expect((await forMeeting('bientap')).article).toMatchObject({ id: a.id, editable: true });

    const published = await call<Article>(
      'POST',
      `/portal/articles/${a.id}/transition`,
      cookies.bientap,
      {
        version: a.version,
        action: 'publish',
      },
    );
    expect(published.status).toBe(200);
    const link = (await forMeeting('phunu.tonghop')).article!.publicUrl;
    expect(link).toBe(`/bai-viet/${a.slug}`);
    const page = await app.inject({ method: 'GET', url: link! });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Chỉ đạo của hội nghị');
    const listed = await call<ArticleMeetingList>(
      'GET',
      '/portal/articles/from-meeting',
      cookies.bientap,
    );
    expect(listed.body.items).toMatchObject([{ id: concluded, articleId: a.id }]);
  });

  describe('refused, nothing drafted', () => {
    const cases: Array<[string, () => string, number, string, Record<Lang, RegExp>]> = [
      [
        'a second article of the meeting',
        () => `/portal/articles/from-meeting/${concluded}`,
        409,
        'article_meeting_exists',
        { vi: /đã có bài viết/, en: /already has an article/ },
      ],
      [
        'a meeting not concluded',
        () => `/portal/articles/from-meeting/${notConcluded}`,
        409,
        'article_meeting_not_concluded',
        { vi: /chưa kết luận/, en: /has not been concluded/ },
      ],
      [
        'a meeting that does not exist',
        () => '/portal/articles/from-meeting/999999',
        404,
        'not_found',
        { vi: /hội nghị/, en: /Meeting/ },
      ],
      [
        'an id out of range',
        () => '/portal/articles/from-meeting/0',
        400,
        'validation',
        { vi: /không hợp lệ/, en: /not valid/ },
      ],
    ];
    for (const [what, url, status, code, message] of cases) {
      for (const lang of ['vi', 'en'] as const) {
        it(`${what} (${lang})`, async () => {
          const before = await db().selectFrom('portal_articles').select('id').execute();
          const r = await call<ErrorBody>('POST', url(), cookies.bientap, {}, lang);
          expect(r.status).toBe(status);
          expect(r.body.error.code).toBe(code);
          expect(r.body.error.message).toMatch(message[lang]);
          expect(await db().selectFrom('portal_articles').select('id').execute()).toEqual(before);
        });
      }
    }
  });
});
