import fs from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import {
  buildAccount,
  buildTestApp,
  buildUnit,
  loginCookie,
  uniq,
} from '../../src/test-support/factories.ts';
import { buildReportSetup } from '../../src/test-support/report-factories.ts';
import { XLSX, multipartFile } from './http-helpers.ts';

const FIXTURES = path.join(import.meta.dirname, '..', 'fixtures', 'reports');

interface ReportBody {
  version: number;
  state: string;
  sections: { key: string; html: string }[];
  indicators: { indicatorId: number; code: string; value: number | null }[];
}

describeEachEngine('reports over HTTP', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db());
  });
  afterAll(() => app.close());

  const get = async (cookie: string, url: string) =>
    app.inject({ method: 'GET', url, headers: { cookie } });
  const put = async (cookie: string, url: string, payload: object) =>
    app.inject({ method: 'PUT', url, payload, headers: { cookie } });

  it('two sessions editing one report: the second save gets 409 and nothing is lost', async () => {
    const s = await buildReportSetup(db());
    const first = await loginCookie(app, s.accounts.reporter.username);
    const second = await loginCookie(app, s.accounts.head.username);
    const url = `/api/v1/reports/${s.report.id}`;
    const readByFirst = (await get(first, url)).json<ReportBody>();
    const readBySecond = (await get(second, url)).json<ReportBody>();
    expect(readByFirst.version).toBe(readBySecond.version);

    const saved = await put(first, url, {
      version: readByFirst.version,
      sections: { ket_qua: '<p>Bản của người thứ nhất.</p>' },
      values: [{ indicatorId: s.indicators.fund.id, value: 90 }],
      proposals: [],
    });
    expect(saved.statusCode).toBe(200);

    const stale = await put(second, url, {
      version: readBySecond.version,
      sections: { ket_qua: '<p>Bản của người thứ hai.</p>' },
      values: [{ indicatorId: s.indicators.fund.id, value: 10 }],
      proposals: [],
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.json()).toMatchObject({
      error: { code: 'conflict', message: expect.stringContaining('Báo cáo') as string },
    });

    const now = (await get(second, url)).json<ReportBody>();
    expect(now.sections.find((x) => x.key === 'ket_qua')!.html).toBe(
      '<p>Bản của người thứ nhất.</p>',
    );
    expect(now.indicators.find((i) => i.indicatorId === s.indicators.fund.id)!.value).toBe(90);
    const revisions = (await get(second, `${url}/revisions`)).json<{ items: unknown[] }>();
    expect(revisions.items).toHaveLength(1);
  });

  it('round-trips the indicator sheet the app writes', async () => {
    const s = await buildReportSetup(db());
    const cookie = await loginCookie(app, s.accounts.reporter.username);
    const download = await get(cookie, `/api/v1/reports/${s.report.id}/indicators.xlsx`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toContain('spreadsheetml');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    expect(sheet.getCell('A5').value).toBe(s.indicators.fund.code);
    sheet.getCell('E5').value = 123.5;
    sheet.getCell('E6').value = '1.250';
    const body = multipartFile(
      'chi-tieu.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      XLSX,
    );
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${s.report.id}/indicators.xlsx?version=1`,
      headers: { cookie, ...body.headers },
      payload: body.payload,
    });
    expect(upload.statusCode, upload.body).toBe(200);
    expect(upload.json<ReportBody>().indicators.map((i) => i.value)).toEqual([123.5, 1250]);
  });

  it('reads a sheet LibreOffice saved, and refuses a bad one whole, listing each cell', async () => {
    const s = await buildReportSetup(db(), { codes: ['LO_QUY', 'LO_HOIVIEN'] });
    const cookie = await loginCookie(app, s.accounts.reporter.username);
    const send = (name: string, version: number) => {
      const body = multipartFile(name, fs.readFileSync(path.join(FIXTURES, name)), XLSX);
      return app.inject({
        method: 'POST',
        url: `/api/v1/reports/${s.report.id}/indicators.xlsx?version=${version}`,
        headers: { cookie, ...body.headers },
        payload: body.payload,
      });
    };
    const good = await send('chi-tieu-hop-le.xlsx', 1);
    expect(good.statusCode, good.body).toBe(200);
    const saved = good.json<ReportBody>();
    expect(saved.indicators.map((i) => [i.code, i.value])).toEqual([
      ['LO_QUY', 75],
      ['LO_HOIVIEN', 412],
    ]);

    const bad = await send('chi-tieu-loi.xlsx', saved.version);
    expect(bad.statusCode).toBe(400);
    expect(bad.json()).toEqual({
      error: {
        code: 'excel_invalid',
        message: 'Tệp Excel có 5 lỗi; chưa lưu số liệu nào. Hãy sửa rồi tải lên lại.',
        fields: {
          E2: 'Phải là số.',
          E3: 'Không được âm.',
          A4: 'Không có chỉ tiêu mã "KHONG_CO" trong báo cáo này.',
          A5: 'Bị lặp lại.',
          D5: 'Dòng này thuộc kỳ "Quý II/2017", không phải "Quý III/2017".',
        },
      },
    });
    const after = (await get(cookie, `/api/v1/reports/${s.report.id}`)).json<ReportBody>();
    expect(after.version).toBe(saved.version);
    expect(after.indicators.map((i) => i.value)).toEqual([75, 412]);
  });

  it('validates every field with a message naming it, in Vietnamese or English', async () => {
    const s = await buildReportSetup(db());
    const secretary = await loginCookie(app, s.accounts.secretary.username);
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/periods',
      headers: { cookie: secretary, 'accept-language': 'en' },
      payload: {
        unitId: s.convener.id,
        kind: 'quarter',
        year: 2018,
        number: 1,
        templateId: s.template.id,
        cutoffDate: '2017-11-01',
      },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({
      error: { fields: { cutoffDate: 'Must not be before 2017-12-15.' } },
    });
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/v1/periods',
      headers: { cookie: secretary },
      payload: { unitId: s.convener.id, kind: 'quarterly', year: 1800, number: 9, templateId: 'x' },
    });
    expect(wrong.json<{ error: { fields: Record<string, string> } }>().error.fields).toMatchObject({
      kind: expect.stringContaining('Phải là một trong') as string,
      year: 'Không được nhỏ hơn 2000.',
      templateId: 'Phải là số nguyên.',
    });
    const fifth = await app.inject({
      method: 'POST',
      url: '/api/v1/periods',
      headers: { cookie: secretary },
      payload: {
        unitId: s.convener.id,
        kind: 'half',
        year: 2018,
        number: 3,
        templateId: s.template.id,
      },
    });
    expect(fifth.json()).toMatchObject({ error: { fields: { number: 'Giá trị không hợp lệ.' } } });
  });

  it('takes period defaults from the settings, and opens the next period in one action', async () => {
    const s = await buildReportSetup(db(), { kind: 'quarter', year: 2019, number: 4 });
    const secretary = await loginCookie(app, s.accounts.secretary.username);
    const settings = (await get(secretary, '/api/v1/report-settings')).json<{ version: number }>();
    const changed = await put(secretary, '/api/v1/report-settings', {
      version: settings.version,
      periodRule: { dataFromDay: 1, cutoffDay: 20, deadlineDaysAfterCutoff: 3 },
    });
    expect(changed.statusCode).toBe(200);
    const defaults = (
      await get(secretary, '/api/v1/periods/defaults?kind=quarter&year=2020&number=1')
    ).json<unknown>();
    expect(defaults).toEqual({
      name: 'Quý I/2020',
      startDate: '2020-01-01',
      endDate: '2020-03-31',
      dataFrom: '2019-12-01',
      cutoffDate: '2020-03-20',
      deadline: '2020-03-23',
    });
    const next = await app.inject({
      method: 'POST',
      url: `/api/v1/periods/${s.period.id}/next`,
      headers: { cookie: secretary },
    });
    expect(next.statusCode).toBe(201);
    expect(next.json()).toMatchObject({
      name: 'Quý I/2020',
      deadline: '2020-03-23',
      unitIds: s.period.unitIds,
    });
    const again = await app.inject({
      method: 'POST',
      url: `/api/v1/periods/${s.period.id}/next`,
      headers: { cookie: secretary },
    });
    expect(again.json()).toMatchObject({ error: { code: 'period_exists' } });
    // Put the rule back for the other tests sharing this database.
    await put(secretary, '/api/v1/report-settings', {
      version: settings.version + 1,
      periodRule: { dataFromDay: 15, cutoffDay: 14, deadlineDaysAfterCutoff: 6 },
    });
  });

  it("refuses a period on another unit's template, naming the field", async () => {
    const s = await buildReportSetup(db(), { year: 2021 });
    const ward = await buildUnit(db(), {
      parentId: s.convener.id,
      kind: 'party_committee',
      name: `Đảng ủy phường thử ${uniq()}`,
    });
    await buildUnit(db(), { parentId: ward.id, kind: 'mass_organization' });
    const wardSecretary = await buildAccount(db(), {
      roles: [{ unitId: ward.id, role: 'secretariat' }],
    });
    const cookie = await loginCookie(app, wardSecretary.username);
    const r = await app.inject({
      method: 'POST',
      url: '/api/v1/periods',
      headers: { cookie, 'accept-language': 'en' },
      payload: {
        unitId: ward.id,
        kind: 'quarter',
        year: 2021,
        number: 2,
        templateId: s.template.id,
      },
    });
    expect(r.statusCode).toBe(400);
    expect(r.json()).toMatchObject({
      error: {
        code: 'validation',
        fields: { templateId: expect.stringContaining('another unit') as string },
      },
    });
    const periods = await db()
      .selectFrom('report_periods')
      .select('id')
      .where('unit_id', '=', ward.id)
      .execute();
    expect(periods).toEqual([]);
  });

  it("changes a period's units: untouched reports leave, started ones are named and kept", async () => {
    const s = await buildReportSetup(db());
    const secretary = await loginCookie(app, s.accounts.secretary.username);
    const reporter = await loginCookie(app, s.accounts.reporter.username);
    const url = `/api/v1/periods/${s.period.id}`;
    const patch = (payload: object) =>
      app.inject({ method: 'PATCH', url, payload, headers: { cookie: secretary } });
    const units = async () =>
      (await get(secretary, url)).json<{ unitIds: number[]; version: number }>();

    // A period without units is refused, naming the field.
    let period = await units();
    const none = await patch({ version: period.version, unitIds: [] });
    expect(none.statusCode).toBe(400);
    expect(Object.keys(none.json<{ error: { fields: object } }>().error.fields)).toEqual([
      'unitIds',
    ]);

    // The other unit's report was never written in: it goes with the unit, and comes back.
    period = await units();
    let res = await patch({ version: period.version, unitIds: [s.unit.id] });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ unitIds: [s.unit.id] });
    period = await units();
    res = await patch({ version: period.version, unitIds: [s.unit.id, s.other.id] });
    expect(res.statusCode).toBe(200);
    expect(new Set(res.json<{ unitIds: number[] }>().unitIds)).toEqual(
      new Set([s.unit.id, s.other.id]),
    );

    // Once the unit has saved its report, dropping it is refused, naming it; nothing changes.
    const saved = await put(reporter, `/api/v1/reports/${s.report.id}`, {
      version: 1,
      sections: { ket_qua: '<p>Đã làm.</p>' },
      values: [],
      proposals: [],
    });
    expect(saved.statusCode).toBe(200);
    period = await units();
    for (const lang of ['vi', 'en'] as const) {
      res = await app.inject({
        method: 'PATCH',
        url,
        payload: { version: period.version, unitIds: [s.other.id] },
        headers: { cookie: secretary, 'accept-language': lang },
      });
      expect(res.statusCode).toBe(409);
      const error = res.json<{ error: { code: string; message: string } }>().error;
      expect(error.code).toBe('period_unit_has_report');
      expect(error.message).toContain(s.unit.name);
      expect(error.message).toContain(lang === 'vi' ? 'Không thể bỏ' : 'cannot leave');
    }
    expect(await units()).toEqual(period);
    expect((await get(reporter, `/api/v1/reports/${s.report.id}`)).statusCode).toBe(200);
  });

  it('counts a report in progress only once it is sent; its writer sees the draft, labelled', async () => {
    const s = await buildReportSetup(db(), { year: 2021, number: 2 });
    const secretary = await loginCookie(app, s.accounts.secretary.username);
    const reporter = await loginCookie(app, s.accounts.reporter.username);
    const head = await loginCookie(app, s.accounts.head.username);
    await put(secretary, '/api/v1/targets', {
      year: 2021,
      items: [
        { unitId: s.unit.id, indicatorId: s.indicators.fund.id, value: 400 },
        { unitId: s.unit.id, indicatorId: s.indicators.members.id, value: 500 },
      ],
    });
    const saved = await put(reporter, `/api/v1/reports/${s.report.id}`, {
      version: 1,
      sections: {},
      values: [
        { indicatorId: s.indicators.fund.id, value: 150 },
        { indicatorId: s.indicators.members.id, value: 520 },
      ],
      proposals: [],
    });
    expect(saved.statusCode).toBe(200);
    const progressOf = async (cookie: string) => {
      const res = await get(cookie, `/api/v1/progress?year=2021&unitId=${s.unit.id}`);
      expect(res.statusCode).toBe(200);
      return res.json<ProgressBody>();
    };

    // A draft: nobody's official figures count it; its writer sees it apart, as a draft.
    for (const cookie of [secretary, reporter]) {
      const official = await progressOf(cookie);
      expect(official.counted).toEqual(['submitted', 'accepted']);
      expect(official.units).toEqual([
        { id: s.unit.id, name: s.unit.name, asOf: null, covered: false },
      ]);
      expect(official.rows.actual).toEqual([null, null]);
      expect(official.rows.status).toEqual(['no_data', 'no_data']);
    }
    expect((await progressOf(secretary)).drafts.rows.unitId).toEqual([]);
    const draft = (await progressOf(reporter)).drafts;
    expect(draft.units).toEqual([{ id: s.unit.id, asOf: '2021-06-30' }]);
    expect(draft.rows.indicatorId).toEqual([s.indicators.fund.id, s.indicators.members.id]);
    expect(draft.rows.actual).toEqual([150, 520]);

    // Sent and approved: official for everyone, dated at the end of the quarter sent.
    const sent = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${s.report.id}/transitions`,
      headers: { cookie: reporter },
      payload: { action: 'send', version: saved.json<ReportBody>().version },
    });
    expect(sent.statusCode).toBe(200);
    const approved = await app.inject({
      method: 'POST',
      url: `/api/v1/reports/${s.report.id}/transitions`,
      headers: { cookie: head },
      payload: { action: 'approve', version: sent.json<ReportBody>().version },
    });
    expect(approved.statusCode).toBe(200);
    const progress = await progressOf(secretary);
    expect(progress.asOf).toBe('2021-06-30');
    expect(progress.coverage).toEqual({ covered: 1, units: 1 });
    expect(progress.rows.indicatorId).toEqual([s.indicators.fund.id, s.indicators.members.id]);
    expect(progress.rows.actual).toEqual([150, 520]);
    expect(progress.rows.percent).toEqual([37.5, 104]);
    expect(progress.rows.status).toEqual(['behind', 'on_track']);
    expect(progress.rows.forecast[0]).toBeCloseTo(302.5, 0);
    expect((await progressOf(reporter)).drafts.rows.unitId).toEqual([]);
    const other = await loginCookie(app, s.accounts.otherReporter.username);
    expect((await get(other, `/api/v1/progress?year=2021&unitId=${s.unit.id}`)).statusCode).toBe(
      403,
    );
  });

  it('compresses the progress JSON when the client accepts it', async () => {
    const s = await buildReportSetup(db(), { year: 2021 });
    const secretary = await loginCookie(app, s.accounts.secretary.username);
    await put(secretary, '/api/v1/targets', {
      year: 2021,
      items: [s.unit.id, s.other.id].flatMap((unitId) => [
        { unitId, indicatorId: s.indicators.fund.id, value: 1000 },
        { unitId, indicatorId: s.indicators.members.id, value: 2000 },
      ]),
    });
    const url = '/api/v1/progress?year=2021';
    const plain = await app.inject({ method: 'GET', url, headers: { cookie: secretary } });
    const gz = await app.inject({
      method: 'GET',
      url,
      headers: { cookie: secretary, 'accept-encoding': 'gzip' },
    });
    expect(plain.body.length).toBeGreaterThan(1024); // past the size worth compressing
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(JSON.parse(gunzipSync(gz.rawPayload).toString('utf8'))).toEqual(plain.json());
  });
});

interface ProgressBody {
  counted: string[];
  asOf: string | null;
  coverage: { covered: number; units: number };
  units: { id: number; name: string; asOf: string | null; covered: boolean }[];
  rows: Record<'unitId' | 'indicatorId', number[]> &
    Record<'actual' | 'percent' | 'forecast', (number | null)[]> & { status: string[] };
  drafts: {
    units: { id: number; asOf: string | null }[];
    rows: ProgressBody['rows'];
  };
}
