import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import * as meetings from '../../src/meetings/meetings.service.ts';
import * as reports from '../../src/reports/reports.service.ts';
import { transitionReport } from '../../src/reports/workflow.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, loginCookie } from '../../src/test-support/factories.ts';
import { buildReportSetup } from '../../src/test-support/report-factories.ts';

describeEachEngine('GET /api/v1/meetings/:id/summary', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db());
  });
  afterAll(() => app.close());

  it('serves the live summary while planned and the snapshot once frozen', async () => {
    const s = await buildReportSetup(db());
    const planned = await meetings.createMeeting(db(), s.ctx.secretary, {
      periodId: s.period.id,
      startsAt: '2017-10-11T08:00:00+07:00',
      plannedEndAt: '2017-10-11T11:00:00+07:00',
      place: 'Hội trường',
      unitIds: [s.unit.id, s.other.id],
    });
    const meetingId = planned.id;
    const cookie = await loginCookie(app, s.accounts.secretary.username);
    const get = async () => {
      const res = await app.inject({
        url: `/api/v1/meetings/${meetingId}/summary`,
        headers: { cookie },
      });
      expect(res.statusCode).toBe(200);
      return res.json<{
        frozenAt: string | null;
        summary: { units: { unitId: number; status: string; sections: { html: string }[] }[] };
      }>();
    };
    expect((await get()).summary.units.map((u) => u.status)).toEqual(['missing', 'missing']);

    // The report arrives: the planned meeting's summary shows it at once.
    let r = await reports.saveReport(db(), s.ctx.reporter, s.report.id, {
      version: 1,
      sections: { ket_qua: '<p>Bản gửi trước hội nghị.</p>' },
      values: [],
      proposals: [],
    });
    r = await transitionReport(db(), s.ctx.reporter, s.report.id, {
      version: r.version,
      action: 'send',
    });
    r = await transitionReport(db(), s.ctx.head, s.report.id, {
      version: r.version,
      action: 'approve',
    });
    let seen = await get();
    expect(seen.frozenAt).toBeNull();
    expect(seen.summary.units[0]).toMatchObject({ unitId: s.unit.id, status: 'submitted' });

    // The meeting starts through the API: the summary is frozen in the same transaction.
    const started = await app.inject({
      method: 'POST',
      url: `/api/v1/meetings/${meetingId}/transitions`,
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
      payload: { version: planned.version, action: 'start' },
    });
    expect(started.statusCode).toBe(200);
    await transitionReport(db(), s.ctx.secretary, s.report.id, {
      version: r.version,
      action: 'accept',
    });
    seen = await get();
    expect(seen.frozenAt).toBe(started.json<{ startedAt: string }>().startedAt);
    expect(seen.summary.units[0]).toMatchObject({ status: 'submitted' });
    expect(seen.summary.units[0]!.sections[0]!.html).toBe('<p>Bản gửi trước hội nghị.</p>');
  });

  it('answers an unknown meeting and a bad id in the request language', async () => {
    const s = await buildReportSetup(db());
    const cookie = await loginCookie(app, s.accounts.secretary.username);
    const missing = await app.inject({
      url: '/api/v1/meetings/2147483647/summary',
      headers: { cookie },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ error: { code: 'not_found' } });
    expect(missing.json<{ error: { message: string } }>().error.message).toMatch(/hội nghị/i);
    const en = await app.inject({
      url: '/api/v1/meetings/2147483647/summary',
      headers: { cookie, 'accept-language': 'en' },
    });
    expect(en.json<{ error: { message: string } }>().error.message).toMatch(/meeting/i);
    const bad = await app.inject({ url: '/api/v1/meetings/abc/summary', headers: { cookie } });
    expect(bad.statusCode).toBe(400);
    const problem = bad.json<{ error: { code: string; fields: Record<string, string> } }>();
    expect(problem.error.code).toBe('validation');
    expect(Object.keys(problem.error.fields)).toEqual(['params.id']);
  });
});
