import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freezeSummary } from '../../src/meetings/summary.service.ts';
import * as reports from '../../src/reports/reports.service.ts';
import { transitionReport } from '../../src/reports/workflow.service.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, loginCookie } from '../../src/test-support/factories.ts';
import { buildMeeting } from '../../src/test-support/meeting-factories.ts';
import { buildReportSetup } from '../../src/test-support/report-factories.ts';

describeEachEngine('GET /api/v1/meetings/:id/summary', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db());
  });
  afterAll(() => app.close());

  it('serves the live summary while planned and the snapshot once frozen', async () => {
    const s = await buildReportSetup(db());
    const meetingId = await buildMeeting(db(), {
      periodId: s.period.id,
      unitId: s.convener.id,
      invited: [s.unit.id, s.other.id],
    });
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

    const frozen = await db()
      .transaction()
      .execute((trx) => freezeSummary(trx, s.ctx.secretary, meetingId));
    await transitionReport(db(), s.ctx.secretary, s.report.id, {
      version: r.version,
      action: 'accept',
    });
    seen = await get();
    expect(seen.frozenAt).toBe(frozen.frozenAt);
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
