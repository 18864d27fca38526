import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/clock.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/demo/demo.ts';
import { reportsTodo } from '../../src/reports/todo.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  buildAccount,
  buildTestApp,
  ctxFor,
  loginCookie,
} from '../../src/test-support/factories.ts';
import type { Todo } from '../../src/home/home.service.ts';

/*
 * GET /api/v1/me/todo on the demo, for each role: the Hội LHPN reporter's overdue Quý III draft
 * and the reminder about it, the head's approvals, the secretariat's boards and proposals, the
 * editor's drafts; "overdue" from the request clock in Vietnam's day.
 */

const NOTHING_OF_REPORTS = {
  toWrite: [],
  toApprove: [],
  reminders: [],
  boards: [],
  proposals: { total: 0, items: [] },
};

describeEachEngine('the home page’s to-do list on the demo', (db) => {
  let app: FastifyInstance;
  const cookies: Record<string, string> = {};
  const todo = async (who: string) => {
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/me/todo',
      headers: { cookie: cookies[who]! },
    });
    expect(response.statusCode).toBe(200);
    return response.json<Todo>();
  };
  const transition = async (who: string, id: number, action: string, comment?: string) => {
    const report = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${id}`,
      headers: { cookie: cookies[who]! },
    });
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${id}/transitions`,
      headers: { cookie: cookies[who]! },
      payload: { version: report.json<{ version: number }>().version, action, comment },
    });
    expect(response.statusCode).toBe(200);
  };

  beforeAll(async () => {
    await loadDemo(db());
    app = await buildTestApp(db());
    for (const who of ['phunu.tonghop', 'phunu.lanhdao', 'vanphong', 'bientap', 'quantri'])
      cookies[who] = await loginCookie(app, who, DEMO_PASSWORD);
  });
  afterAll(() => app.close());

  it('gives the Hội LHPN reporter the two drafts, Quý III overdue, and the reminder', async () => {
    const { reports, portal } = await todo('phunu.tonghop');
    expect(reports.toWrite.map((r) => [r.periodName, r.unitName, r.state, r.overdue])).toEqual([
      ['Quý III/2017', 'Hội Liên hiệp Phụ nữ thị xã Từ Sơn', 'draft', true],
      ['Quý IV/2017', 'Hội Liên hiệp Phụ nữ thị xã Từ Sơn', 'draft', true],
    ]);
    expect(reports.toWrite[0]!.deadline).toBe('2017-09-25');
    expect(reports.reminders).toHaveLength(1);
    expect(reports.reminders[0]).toMatchObject({
      reportId: reports.toWrite[0]!.reportId,
      periodName: 'Quý III/2017',
      sentByName: 'Ngô Thị Hằng',
    });
    expect(reports.reminders[0]!.message).toContain('Quý III');
    expect(reports.toApprove).toEqual([]);
    expect(reports.boards).toEqual([]);
    expect(reports.proposals).toEqual({ total: 0, items: [] });
    expect(portal).toBeNull();
  });

  it('gives the secretariat the board of each open period and the proposals to answer', async () => {
    const { reports, portal } = await todo('vanphong');
    expect(reports.toWrite).toEqual([]);
    expect(
      reports.boards.map((b) => [b.periodName, b.units, b.sent, b.missing, b.toReview]),
    ).toEqual([
      ['Quý III/2017', 13, 9, 4, 1],
      // Ban Tuyên giáo's Quý IV report is in, waiting for the secretariat.
      ['Quý IV/2017', 13, 1, 12, 1],
    ]);
    expect(reports.boards.every((b) => b.overdue)).toBe(true);
    // The Quý III briefing answered three proposals; Hội Nông dân's waits for an answer.
    expect(reports.proposals.total).toBe(1);
    expect(reports.proposals.items.map((p) => p.unitName)).toEqual(['Hội Nông dân thị xã Từ Sơn']);
    expect(portal).toBeNull();
  });

  it('gives the editor the drafts and scheduled articles, and nothing of reports', async () => {
    const { reports, portal } = await todo('bientap');
    expect(reports).toEqual(NOTHING_OF_REPORTS);
    expect(portal).not.toBeNull();
    expect(portal!.drafts.total).toBeGreaterThanOrEqual(portal!.drafts.items.length);
    expect(portal!.drafts.items.length).toBeGreaterThan(0);
    expect(portal!.scheduled.items.length).toBeGreaterThan(0);
    const times = portal!.scheduled.items.map((a) => a.publishAt!);
    expect([...times].sort()).toEqual(times);
  });

  it('lists the tasks a unit still owes, the head’s approvals and the tasks waiting for acceptance', async () => {
    const reporter = (await todo('phunu.tonghop')).tasks!;
    // Hội LHPN coordinates three Quý III tasks: one accepted, one reported done, one owed.
    expect(reporter.owed!.items.map((t) => t.title.slice(0, 26))).toEqual([
      'Tuyên truyền các ngày lễ, ',
    ]);
    expect([reporter.toAccept, reporter.overdue, reporter.toApprove]).toEqual([null, null, null]);
    expect((await todo('phunu.lanhdao')).tasks!.toApprove).toEqual({ total: 0, items: [] });
    const secretary = (await todo('vanphong')).tasks!;
    expect(secretary.owed).toBeNull();
    expect(secretary.toAccept!.items.map((t) => [t.leadUnitName, t.deadline])).toEqual([
      ['Ban Tuyên giáo Thị ủy', '2017-12-15'],
    ]);
    expect(secretary.overdue!.total).toBeGreaterThan(0);
    expect((await todo('quantri')).tasks).toBeNull();
  });

  it('gives the admin an empty list', async () => {
    const { reports, portal } = await todo('quantri');
    expect(reports).toEqual(NOTHING_OF_REPORTS);
    expect(portal).toBeNull();
  });

  it("moves a sent report to the head's approvals, and one sent back to the reporter with the reason", async () => {
    const before = await todo('phunu.lanhdao');
    expect(before.reports.toApprove).toEqual([]);
    const q4 = before.reports.toWrite.find((r) => r.periodName.startsWith('Quý IV'))!;
    await transition('phunu.tonghop', q4.reportId, 'send');
    const head = await todo('phunu.lanhdao');
    expect(head.reports.toApprove.map((r) => r.reportId)).toEqual([q4.reportId]);
    expect(head.reports.toWrite.map((r) => r.periodName)).toEqual(['Quý III/2017']);
    const reason = 'Bổ sung kết quả phong trào phụ nữ khởi nghiệp trong quý.';
    await transition('phunu.lanhdao', q4.reportId, 'send_back', reason);
    const reporter = await todo('phunu.tonghop');
    expect(reporter.reports.toWrite.find((r) => r.reportId === q4.reportId)).toMatchObject({
      state: 'draft',
      comment: reason,
      commentByName: 'Trần Thị Lan',
    });
    expect((await todo('phunu.lanhdao')).reports.toApprove).toEqual([]);
  });

  describe('a returned report and the request clock', () => {
    it("shows the secretariat's reason on a returned report", async () => {
      const units = (
        await app.inject({
          method: 'GET',
          url: '/api/v1/units',
          headers: { cookie: cookies.quantri! },
        })
      ).json<{ items: { id: number; name: string }[] }>().items;
      const ldld = units.find((u) => u.name.startsWith('Liên đoàn Lao động'))!;
      const account = await buildAccount(db(), { roles: [{ unitId: ldld.id, role: 'reporter' }] });
      const { toWrite } = await reportsTodo(db(), ctxFor(account));
      expect(toWrite).toHaveLength(2);
      expect(toWrite[0]).toMatchObject({
        periodName: 'Quý III/2017',
        state: 'returned',
        commentByName: 'Ngô Thị Hằng',
      });
      expect(toWrite[0]!.comment).toBeTruthy();
    });

    it('counts the days to the deadline in Vietnam', async () => {
      const users = (
        await app.inject({
          method: 'GET',
          url: '/api/v1/accounts',
          headers: { cookie: cookies.quantri! },
        })
      ).json<{
        items: {
          id: number;
          username: string;
          fullName: string;
          roles: { unitId: number; role: 'reporter' }[];
        }[];
      }>().items;
      const reporter = users.find((u) => u.username === 'phunu.tonghop')!;
      const ctx = ctxFor({ ...reporter, full_name: reporter.fullName });
      const q3 = async (at: string) =>
        (await reportsTodo(db(), { ...ctx, now: fixedClock(at) })).toWrite.find((r) =>
          r.periodName.startsWith('Quý III'),
        )!;
      expect(await q3('2017-09-20T10:00:00+07:00')).toMatchObject({ daysLeft: 5, overdue: false });
      expect(await q3('2017-09-25T23:30:00+07:00')).toMatchObject({ daysLeft: 0, overdue: false });
      // 00:10 on the 26th in Vietnam is still the 25th in UTC.
      expect(await q3('2017-09-26T00:10:00+07:00')).toMatchObject({ daysLeft: -1, overdue: true });
    });
  });
});

describeEachEngine('the editor’s scheduled articles on the home page', (db) => {
  let app: FastifyInstance;
  let cookie: string;
  beforeAll(async () => {
    await loadDemo(db());
    app = await buildTestApp(db());
    cookie = await loginCookie(app, 'bientap', DEMO_PASSWORD);
  });
  afterAll(() => app.close());

  const call = async <T>(method: 'GET' | 'POST', url: string, payload?: object) => {
    const response = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie },
      payload,
    });
    expect(response.statusCode, response.body).toBe(method === 'POST' ? 201 : 200);
    return response.json<T>();
  };
  const schedule = async (title: string, at: number) => {
    const draft = await call<{ id: number; version: number }>('POST', '/portal/articles', {
      title,
      bodyHtml: '<p>Nội dung.</p>',
    });
    const response = await app.inject({
      method: 'POST',
      url: `/api/v1/portal/articles/${draft.id}/transition`,
      headers: { cookie },
      payload: {
        version: draft.version,
        action: 'schedule',
        publishAt: new Date(at).toISOString(),
      },
    });
    expect(response.statusCode, response.body).toBe(200);
  };

  it('counts every one and shows the soonest, however many there are', async () => {
    const before = (await call<Todo>('GET', '/me/todo')).portal!.scheduled.total;
    const base = Date.now() + 30 * 86_400_000;
    // 110 articles scheduled a month on and later, then one due tomorrow, written last.
    for (let i = 0; i < 110; i++) await schedule(`Hẹn giờ ${i}`, base + i * 3_600_000);
    const soonest = Date.now() + 86_400_000;
    await schedule('Sớm nhất', soonest);
    const { scheduled } = (await call<Todo>('GET', '/me/todo')).portal!;
    expect(scheduled.total).toBe(before + 111);
    expect(scheduled.items[0]).toMatchObject({
      title: 'Sớm nhất',
      publishAt: new Date(soonest).toISOString(),
    });
    expect(scheduled.items).toHaveLength(5);
  });
});
