import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, loginCookie } from '../../src/test-support/factories.ts';
import { buildReportSetup } from '../../src/test-support/report-factories.ts';
import { XLSX, multipartFile } from './http-helpers.ts';

interface ReportBody {
  version: number;
  state: string;
  returnComment: string | null;
  indicators: {
    indicatorId: number;
    code: string;
    value: number | null;
    decimals: boolean;
    farAbove: number | null;
  }[];
}

describeEachEngine('Vietnamese numbers in the form, the API and the Excel upload', (db) => {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await buildTestApp(db());
  });
  afterAll(() => app.close());

  const putValues = async (
    cookie: string,
    reportId: number,
    version: number,
    values: { indicatorId: number; value: string | number | null }[],
    lang = 'vi',
  ) =>
    app.inject({
      method: 'PUT',
      url: `/api/v1/reports/${reportId}`,
      headers: { cookie, 'accept-language': lang },
      payload: { version, sections: {}, values, proposals: [] },
    });

  // The app's own sheet with the two value cells (fund E5, members E6) written as given.
  const uploadSheet = async (
    cookie: string,
    reportId: number,
    version: number,
    cells: [unknown, unknown],
  ) => {
    const download = await app.inject({
      method: 'GET',
      url: `/api/v1/reports/${reportId}/indicators.xlsx`,
      headers: { cookie },
    });
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(download.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    sheet.getCell('E5').value = cells[0] as ExcelJS.CellValue;
    sheet.getCell('E6').value = cells[1] as ExcelJS.CellValue;
    const body = multipartFile(
      'so-lieu.xlsx',
      Buffer.from(await workbook.xlsx.writeBuffer()),
      XLSX,
    );
    return app.inject({
      method: 'POST',
      url: `/api/v1/reports/${reportId}/indicators.xlsx?version=${version}`,
      headers: { cookie, ...body.headers },
      payload: body.payload,
    });
  };

  describe('the same text saves the same value through the API and the Excel upload', () => {
    it.each([
      ['1.234', '1.234', [1234, 1234]],
      ['1,5', '2.500.000', [1.5, 2500000]],
      ['1.234.567,89', '1234567', [1234567.89, 1234567]],
      ['  12,75 ', '-0', [12.75, 0]],
    ])('fund %j, members %j', async (fundText, membersText, expected) => {
      const s = await buildReportSetup(db());
      const cookie = await loginCookie(app, s.accounts.reporter.username);
      const viaApi = await putValues(cookie, s.report.id, 1, [
        { indicatorId: s.indicators.fund.id, value: fundText },
        { indicatorId: s.indicators.members.id, value: membersText },
      ]);
      expect(viaApi.statusCode, viaApi.body).toBe(200);
      expect(viaApi.json<ReportBody>().indicators.map((i) => i.value)).toEqual(expected);

      const t = await buildReportSetup(db());
      const other = await loginCookie(app, t.accounts.reporter.username);
      const viaExcel = await uploadSheet(other, t.report.id, 1, [fundText, membersText]);
      expect(viaExcel.statusCode, viaExcel.body).toBe(200);
      expect(viaExcel.json<ReportBody>().indicators.map((i) => i.value)).toEqual(expected);
    });
  });

  it('refuses decimals in a count and ambiguous dots, in Vietnamese and English, saving nothing', async () => {
    const s = await buildReportSetup(db());
    const cookie = await loginCookie(app, s.accounts.reporter.username);
    const report = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/reports/${s.report.id}`,
        headers: { cookie },
      })
    ).json<ReportBody>();
    expect(report.indicators.map((i) => i.decimals)).toEqual([true, false]); // triệu đồng, người

    const vi = await putValues(cookie, s.report.id, 1, [
      { indicatorId: s.indicators.fund.id, value: '1.5' },
      { indicatorId: s.indicators.members.id, value: '1,5' },
    ]);
    expect(vi.statusCode).toBe(400);
    expect(vi.json()).toMatchObject({
      error: {
        code: 'validation',
        fields: {
          'values.0.value': expect.stringContaining('"1.5" không rõ nghĩa') as string,
          'values.1.value': 'Chỉ tiêu tính bằng "người" chỉ nhận số nguyên; 1,5 có phần thập phân.',
        },
      },
    });
    const en = await putValues(
      cookie,
      s.report.id,
      1,
      [{ indicatorId: s.indicators.members.id, value: 1.5 }],
      'en',
    );
    expect(en.statusCode).toBe(400);
    expect(en.json()).toMatchObject({
      error: {
        fields: {
          'values.0.value':
            'An indicator counted in "người" takes whole numbers only; 1,5 has decimals.',
        },
      },
    });
    const excel = await uploadSheet(cookie, s.report.id, 1, ['1,234.5', 1.5]);
    expect(excel.statusCode).toBe(400);
    expect(excel.json()).toMatchObject({
      error: {
        code: 'excel_invalid',
        fields: {
          E5: expect.stringContaining('"1,234.5" không rõ nghĩa') as string,
          E6: 'Chỉ tiêu tính bằng "người" chỉ nhận số nguyên; 1,5 có phần thập phân.',
        },
      },
    });
    const after = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/reports/${s.report.id}`,
        headers: { cookie },
      })
    ).json<ReportBody>();
    expect(after.version).toBe(1);
    expect(after.indicators.map((i) => i.value)).toEqual([null, null]);
  });

  it('says how far a value may go: ten times the larger of the target and the largest sent quarter', async () => {
    const s = await buildReportSetup(db(), { year: 2017 });
    const secretary = await loginCookie(app, s.accounts.secretary.username);
    const target = await app.inject({
      method: 'PUT',
      url: '/api/v1/targets',
      headers: { cookie: secretary },
      payload: {
        year: 2017,
        items: [{ unitId: s.unit.id, indicatorId: s.indicators.fund.id, value: 167 }],
      },
    });
    expect(target.statusCode, target.body).toBe(200);
    const cookie = await loginCookie(app, s.accounts.reporter.username);
    // A far value is saved (a warning for the reporter to confirm, never a refusal).
    const saved = await putValues(cookie, s.report.id, 1, [
      { indicatorId: s.indicators.fund.id, value: '1.234.567' },
    ]);
    expect(saved.statusCode).toBe(200);
    const body = saved.json<ReportBody>();
    expect(body.indicators.map((i) => [i.value, i.farAbove])).toEqual([
      [1234567, 1670],
      [null, null],
    ]);
  });

  it('reads targets sent as text the same way, refusing decimals in a count', async () => {
    const s = await buildReportSetup(db(), { year: 2017 });
    const secretary = await loginCookie(app, s.accounts.secretary.username);
    const put = (items: object[]) =>
      app.inject({
        method: 'PUT',
        url: '/api/v1/targets',
        headers: { cookie: secretary },
        payload: { year: 2017, items },
      });
    const refused = await put([
      { unitId: s.unit.id, indicatorId: s.indicators.fund.id, value: '1.670,5' },
      { unitId: s.unit.id, indicatorId: s.indicators.members.id, value: '2,5' },
    ]);
    expect(refused.statusCode).toBe(400);
    expect(refused.json()).toMatchObject({
      error: {
        fields: {
          'items.1.value': 'Chỉ tiêu tính bằng "người" chỉ nhận số nguyên; 2,5 có phần thập phân.',
        },
      },
    });
    const saved = await put([
      { unitId: s.unit.id, indicatorId: s.indicators.fund.id, value: '1.670,5' },
      { unitId: s.unit.id, indicatorId: s.indicators.members.id, value: '2.500' },
    ]);
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json<{ items: { value: number }[] }>().items.map((i) => i.value)).toEqual([
      1670.5, 2500,
    ]);
  });

  it("the head's send-back needs a reason, which the reporter then sees", async () => {
    const s = await buildReportSetup(db());
    const reporter = await loginCookie(app, s.accounts.reporter.username);
    const head = await loginCookie(app, s.accounts.head.username);
    const move = (cookie: string, payload: object, lang = 'vi') =>
      app.inject({
        method: 'POST',
        url: `/api/v1/reports/${s.report.id}/transitions`,
        headers: { cookie, 'accept-language': lang },
        payload,
      });
    const sent = await move(reporter, { action: 'send', version: 1 });
    expect(sent.statusCode).toBe(200);
    const version = sent.json<ReportBody>().version;
    for (const comment of [undefined, '   ']) {
      const refused = await move(head, { action: 'send_back', version, comment });
      expect(refused.statusCode).toBe(400);
      expect(refused.json()).toEqual({
        error: {
          code: 'validation',
          message: 'Dữ liệu không hợp lệ.',
          fields: { comment: 'Cần ghi lý do trả lại báo cáo; người soạn sẽ thấy lý do này.' },
        },
      });
    }
    const en = await move(head, { action: 'send_back', version }, 'en');
    expect(en.json()).toMatchObject({
      error: { fields: { comment: 'Say why the report is returned; the reporter will see it.' } },
    });
    const back = await move(head, {
      action: 'send_back',
      version,
      comment: 'Bổ sung kết quả quỹ Vì người nghèo.',
    });
    expect(back.statusCode).toBe(200);
    const seen = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/reports/${s.report.id}`,
        headers: { cookie: reporter },
      })
    ).json<ReportBody>();
    expect(seen.state).toBe('draft');
    expect(seen.returnComment).toBe('Bổ sung kết quả quỹ Vì người nghèo.');
  });
});
