import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Meeting, MeetingPeople } from '../../src/meetings/meetings.schema.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildAccount, buildTestApp, loginCookie } from '../../src/test-support/factories.ts';
import { buildReportSetup } from '../../src/test-support/report-factories.ts';
import { apiCaller } from '../api-call.ts';

interface ErrorBody {
  error: { code: string; message: string; fields?: Record<string, string> };
}

describeEachEngine('who may chair and be secretary of a meeting, over HTTP', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db());
  });
  afterAll(() => app.close());

  const call = apiCaller(() => app);

  async function setup() {
    const s = await buildReportSetup(db());
    // A second chair of the convener, an inactive one, and a chair of a unit beneath it.
    const deputy = await buildAccount(db(), {
      fullName: `Trần Phó Chủ Trì ${s.convener.id}`,
      roles: [{ unitId: s.convener.id, role: 'chair' }],
    });
    const retired = await buildAccount(db(), {
      roles: [{ unitId: s.convener.id, role: 'chair' }],
      active: false,
    });
    const unitChair = await buildAccount(db(), { roles: [{ unitId: s.unit.id, role: 'chair' }] });
    const cookies = {
      secretary: await loginCookie(app, s.accounts.secretary.username),
      reporter: await loginCookie(app, s.accounts.reporter.username),
    };
    return { s, deputy, retired, unitChair, cookies };
  }

  const plan = (periodId: number, extra: object = {}) => ({
    periodId,
    startsAt: '2017-10-11T08:00:00+07:00',
    plannedEndAt: '2017-10-11T11:00:00+07:00',
    place: 'Hội trường Thị ủy',
    ...extra,
  });

  it("lists the convening unit's active chairs and its secretariat to the secretariat only", async () => {
    const x = await setup();
    const people = await call<MeetingPeople>(
      'GET',
      `/meetings/people?unitId=${x.s.convener.id}`,
      x.cookies.secretary,
    );
    expect(people.status).toBe(200);
    const chairIds = people.body.chairs.map((p) => p.accountId);
    expect(chairIds.sort()).toEqual([x.s.accounts.chair.id, x.deputy.id].sort());
    expect(people.body.chairs.find((p) => p.accountId === x.deputy.id)).toEqual({
      accountId: x.deputy.id,
      fullName: x.deputy.full_name,
      position: null,
    });
    expect(people.body.secretaries.map((p) => p.accountId)).toEqual([x.s.accounts.secretary.id]);

    // The chair of the unit beneath chairs its own meetings, and the convener's chairs too.
    const below = await call<MeetingPeople>(
      'GET',
      `/meetings/people?unitId=${x.s.unit.id}`,
      x.cookies.secretary,
    );
    expect(below.body.chairs.map((p) => p.accountId).sort()).toEqual(
      [x.s.accounts.chair.id, x.deputy.id, x.unitChair.id].sort(),
    );

    const refused = await call('GET', `/meetings/people?unitId=${x.s.unit.id}`, x.cookies.reporter);
    expect(refused.status).toBe(403);
    const unknown = await call<ErrorBody>(
      'GET',
      '/meetings/people?unitId=999999999',
      x.cookies.secretary,
    );
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.fields?.unitId).toBe('Không tồn tại.');
  });

  it('refuses a chair or secretary outside those lists, naming the field, in vi and en', async () => {
    const x = await setup();
    const count = async () =>
      (
        await call<{ items: unknown[] }>(
          'GET',
          `/meetings?periodId=${x.s.period.id}`,
          x.cookies.secretary,
        )
      ).body.items.length;
    const before = await count();

    const notChair = await call<ErrorBody>(
      'POST',
      '/meetings',
      x.cookies.secretary,
      plan(x.s.period.id, { chairAccountId: x.unitChair.id }),
    );
    expect(notChair.status).toBe(400);
    expect(notChair.body.error.fields).toEqual({
      chairAccountId: 'Phải là tài khoản giữ vai trò chủ trì của đơn vị triệu tập hoặc cấp trên.',
    });
    const notSecretary = await call<ErrorBody>(
      'POST',
      '/meetings',
      x.cookies.secretary,
      plan(x.s.period.id, { secretaryAccountId: x.s.accounts.reporter.id }),
      'en',
    );
    expect(notSecretary.status).toBe(400);
    expect(notSecretary.body.error.fields).toEqual({
      secretaryAccountId:
        'Must be an account holding the secretariat role in the convening unit or above.',
    });
    const inactive = await call<ErrorBody>(
      'POST',
      '/meetings',
      x.cookies.secretary,
      plan(x.s.period.id, { chairAccountId: x.retired.id }),
      'en',
    );
    expect(inactive.status).toBe(400);
    expect(Object.keys(inactive.body.error.fields ?? {})).toEqual(['chairAccountId']);
    expect(await count()).toBe(before);

    // Chosen from the lists: planned, then changed to the other chair.
    const created = await call<Meeting>(
      'POST',
      '/meetings',
      x.cookies.secretary,
      plan(x.s.period.id, { chairAccountId: x.deputy.id }),
    );
    expect(created.status).toBe(201);
    expect(created.body.chair?.accountId).toBe(x.deputy.id);
    expect(created.body.secretary?.accountId).toBe(x.s.accounts.secretary.id);

    const url = `/meetings/${created.body.id}`;
    const refused = await call<ErrorBody>(
      'PUT',
      url,
      x.cookies.secretary,
      { version: created.body.version, chairAccountId: x.s.accounts.reporter.id },
      'en',
    );
    expect(refused.status).toBe(400);
    expect(refused.body.error.fields).toEqual({
      chairAccountId: 'Must be an account holding the chair role in the convening unit or above.',
    });
    const unchanged = await call<Meeting>('GET', url, x.cookies.secretary);
    expect(unchanged.body.chair?.accountId).toBe(x.deputy.id);
    expect(unchanged.body.version).toBe(created.body.version);

    const changed = await call<Meeting>('PUT', url, x.cookies.secretary, {
      version: created.body.version,
      chairAccountId: x.s.accounts.chair.id,
    });
    expect(changed.status).toBe(200);
    expect(changed.body.chair?.accountId).toBe(x.s.accounts.chair.id);
  });
});
