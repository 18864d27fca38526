import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemo } from '../../src/demo/demo.ts';
import type { Report, ReportSummary } from '../../src/reports/reports.schema.ts';
import type { SearchAnswer } from '../../src/search/search.schema.ts';
import type { Task } from '../../src/tasks/tasks.schema.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, loginCookie } from '../../src/test-support/factories.ts';
import { apiCaller, type Lang } from '../api-call.ts';

/*
 * GET /api/v1/search on the demo: folded and ranked ("ket luan dong ky" → the Quý III
 * conclusion, its Đồng Kỵ directive highlighted), only what each person may open (a unit's
 * draft and its proposals stay its own), index rows written with the change (a refused save
 * writes none), and bad input refused in Vietnamese and English.
 */

const PEOPLE = ['phunu.tonghop', 'nongdan.tonghop', 'vanphong', 'chutri', 'bientap'] as const;
type Who = (typeof PEOPLE)[number];

describeEachEngine('workspace search on the demo', (db) => {
  let app: FastifyInstance;
  const cookies = {} as Record<Who, string>;
  const call = apiCaller(() => app);
  const search = async (who: Who, q: string, extra = '') => {
    const r = await call<SearchAnswer>(
      'GET',
      `/search?q=${encodeURIComponent(q)}${extra}`,
      cookies[who],
    );
    expect(r.status).toBe(200);
    return r.body;
  };
  const kindsFound = async (who: Who, q: string) =>
    (await search(who, q)).items.map((i) => `${i.kind}:${i.id}`);

  beforeAll(async () => {
    await loadDemo(db());
    app = await buildTestApp(db());
    for (const who of PEOPLE) cookies[who] = await loginCookie(app, who, DEMO_PASSWORD);
  });
  afterAll(() => app.close());

  it('finds the Quý III conclusion first for "ket luan dong ky", its Đồng Kỵ directive marked', async () => {
    const answer = await search('chutri', 'ket luan dong ky');
    const first = answer.items[0]!;
    expect(first).toMatchObject({
      kind: 'conclusion',
      title: 'Kết luận: Hội nghị giao ban khối Đảng, đoàn thể Quý III/2017',
      href: `/app/meetings/${first.id}?tab=conclusion`,
      unitName: 'Thị ủy Từ Sơn',
    });
    expect(first.titleHtml).toBe(
      '<mark>Kết</mark> <mark>luận</mark>: Hội nghị giao ban khối Đảng, đoàn thể Quý III/2017',
    );
    expect(first.snippetHtml).toContain('mọi nguồn lực, tập trung tuyên truyền');
    expect(first.snippetHtml).toContain('phường <mark>Đồng</mark> <mark>Kỵ</mark>');
    expect(answer.terms).toEqual(['ket', 'luan', 'dong', 'ky']);
    // Folded either way: the accented query gives the same results in the same order.
    expect(await kindsFound('chutri', 'Kết luận Đồng Kỵ')).toEqual(
      answer.items.map((i) => `${i.kind}:${i.id}`),
    );
  });

  it('shows each kind and where to open it, and filters by kind', async () => {
    const minutes = await search('vanphong', 'bien ban giao ban', '&kind=minutes');
    expect(minutes.items.map((i) => i.kind)).toEqual(['minutes']);
    expect(minutes.items[0]!.href).toMatch(/^\/app\/meetings\/\d+\?tab=minutes$/);
    const reports = await search('vanphong', 'Đồng Kỵ', '&kind=report');
    expect(reports.items.length).toBeGreaterThan(0);
    expect(
      reports.items.every((i) => i.kind === 'report' && i.href === `/app/reports/${i.id}`),
    ).toBe(true);
  });

  it("keeps a unit's draft to the people allowed to open it", async () => {
    const list = await call<{ items: ReportSummary[] }>(
      'GET',
      '/reports',
      cookies['phunu.tonghop'],
    );
    const draft = list.body.items.find(
      (r) => r.periodName === 'Quý IV/2017' && r.state === 'draft',
    )!;
    const report = await call<Report>('GET', `/reports/${draft.id}`, cookies['phunu.tonghop']);
    const key = report.body.sections[0]!.key;
    const saved = await call<Report>('PUT', `/reports/${draft.id}`, cookies['phunu.tonghop'], {
      version: report.body.version,
      sections: { [key]: '<p>Mô hình “Phụ nữ xứ Kinh Bắc giữ gìn làng nghề quạt giấy”.</p>' },
      values: [],
      proposals: [{ text: 'Đề nghị hỗ trợ kinh phí mở lớp dạy nghề làm quạt giấy.' }],
    });
    expect(saved.status).toBe(200);

    // The unit's own reporter: the draft and its proposal.
    expect(await kindsFound('phunu.tonghop', 'quat giay')).toEqual(
      expect.arrayContaining([`report:${draft.id}`, expect.stringMatching(/^proposal:/)]),
    );
    const proposal = (await search('phunu.tonghop', 'quat giay', '&kind=proposal')).items[0]!;
    expect(proposal.href).toBe(`/app/reports/${draft.id}`);
    expect(proposal.title).toBe('Kiến nghị – Hội Liên hiệp Phụ nữ thị xã Từ Sơn, Quý IV/2017');
    // Another unit's reporter: nothing of it.
    expect(await kindsFound('nongdan.tonghop', 'quat giay')).toEqual([]);
    // The secretariat reads the draft report, but its proposals only once it is sent.
    expect(await kindsFound('vanphong', 'quat giay')).toEqual([`report:${draft.id}`]);
    // An editor holds no role over reports.
    expect(await kindsFound('bientap', 'quat giay')).toEqual([]);

    // A refused save (stale version) writes no index row.
    const stale = await call('PUT', `/reports/${draft.id}`, cookies['phunu.tonghop'], {
      version: report.body.version,
      sections: { [key]: '<p>Trồng dâu nuôi tằm.</p>' },
      values: [],
      proposals: [],
    });
    expect(stale.status).toBe(409);
    expect(await kindsFound('phunu.tonghop', 'dau nuoi tam')).toEqual([]);
    expect(await kindsFound('phunu.tonghop', 'quat giay')).toContain(`report:${draft.id}`);
  });

  it('finds a task as it is issued and edited, for those who read it', async () => {
    const units = await call<{
      items: Array<{ id: number; name: string; parentId: number | null }>;
    }>('GET', '/units', cookies.vanphong);
    const root = units.body.items.find((u) => u.parentId === null)!;
    const nongdan = units.body.items.find((u) => u.name === 'Hội Nông dân thị xã Từ Sơn')!;
    const created = await call<Task>('POST', '/tasks', cookies.vanphong, {
      unitId: root.id,
      title: 'Tổng kết mô hình cánh đồng mẫu lớn',
      leadUnitId: nongdan.id,
      deadlineChoice: 'end_of_year',
      sourceKind: 'other',
    });
    expect(created.status).toBe(201);
    const hit = `task:${created.body.id}`;
    expect(await kindsFound('vanphong', 'canh dong mau lon')).toContain(hit);
    expect(await kindsFound('nongdan.tonghop', 'canh dong mau lon')).toContain(hit);
    expect(await kindsFound('phunu.tonghop', 'canh dong mau lon')).toEqual([]);
    const edited = await call<Task>('PUT', `/tasks/${created.body.id}`, cookies.vanphong, {
      version: created.body.version,
      details: 'Nhân rộng ra các phường Tam Sơn, Hương Mạc',
    });
    expect(edited.status).toBe(200);
    expect(await kindsFound('nongdan.tonghop', 'tam son huong mac')).toEqual([hit]);
  });

  it('gives editors every article and everyone else the published ones', async () => {
    const published = await search('phunu.tonghop', 'giao ban quy iii', '&kind=article');
    expect(published.items.length).toBeGreaterThan(0);
    expect(published.items[0]!.href).toMatch(/^\/bai-viet\//);
    const forEditor = await search('bientap', 'giao ban quy iii', '&kind=article');
    expect(forEditor.items[0]!.href).toMatch(/^\/app\/portal\/articles\/\d+$/);
  });

  describe('bad input', () => {
    const cases: Array<[string, string, Record<Lang, RegExp>]> = [
      ['/search', 'q', { vi: /Bắt buộc/, en: /Required/ }],
      ['/search?q=%21%21%21', 'q', { vi: /ít nhất một chữ/, en: /at least one letter/ }],
      ['/search?q=a&pageSize=500', 'pageSize', { vi: /lớn hơn 50/, en: /at most 50/ }],
      ['/search?q=a&kind=meeting', 'kind', { vi: /một trong/, en: /one of/ }],
      ['/search?q=a&extra=1', 'extra', { vi: /không được phép/, en: /Unknown/ }],
    ];
    for (const [url, field, expected] of cases) {
      for (const lang of ['vi', 'en'] as const) {
        it(`${url} (${lang})`, async () => {
          const r = await call<{ error: { code: string; fields: Record<string, string> } }>(
            'GET',
            url,
            cookies.vanphong,
            undefined,
            lang,
          );
          expect(r.status, JSON.stringify(r.body)).toBe(400);
          expect(r.body.error.fields[`querystring.${field}`]).toMatch(expected[lang]);
        });
      }
    }

    it('asks to sign in first', async () => {
      const r = await app.inject({ method: 'GET', url: '/api/v1/search?q=dong' });
      expect(r.statusCode).toBe(401);
    });
  });
});
