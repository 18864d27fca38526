import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { Value } from 'typebox/value';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_PASSWORD, loadDemo } from '../../src/demo/demo.ts';
import { ProgressTable } from '../../src/reports/figures.schema.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp, loginCookie } from '../../src/test-support/factories.ts';

/*
 * The demo's 2017 figures, per unit and for the bloc, read three ways: the progress API, the
 * year's Excel export and the Quý III export. They must agree, and none may count the draft
 * Hội LHPN's reporter has saved and not sent.
 */

type Json = Record<string, unknown>;
interface Progress {
  asOf: string | null;
  coverage: { covered: number; units: number };
  indicators: { id: number; code: string }[];
  units: { id: number; name: string; asOf: string | null }[];
  rows: Record<string, (number | string | null)[]>;
  totals: (Json & { indicatorId: number })[];
}

const STATUS: Record<string, string> = {
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
  no_target: 'Chưa giao chỉ tiêu',
  no_data: 'Chưa có số liệu',
};
const dmy = (date: string | null) => (date ? date.split('-').reverse().join('/') : '');

async function sheetRows(data: Buffer): Promise<{ title: string; rows: unknown[][] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(data as unknown as ArrayBuffer);
  const sheet = workbook.worksheets[0]!;
  const rows: unknown[][] = [];
  sheet.eachRow((row, n) => {
    if (n > 3) rows.push((row.values as unknown[]).slice(1));
  });
  return { title: sheet.getCell('A1').text, rows };
}

describeEachEngine('the demo’s 2017 figures', (db) => {
  let app: FastifyInstance;
  let secretary: string;
  beforeAll(async () => {
    await loadDemo(db());
    app = await buildTestApp(db());
    secretary = await loginCookie(app, 'vanphong', DEMO_PASSWORD);
    // Hội LHPN's reporter writes 2.500.000 into the Quý III draft and does not send it.
    const reporter = await loginCookie(app, 'phunu.tonghop', DEMO_PASSWORD);
    const list = await app.inject({
      method: 'GET',
      url: '/api/v1/reports',
      headers: { cookie: reporter },
    });
    const q3 = list
      .json<{ items: { id: number; periodName: string; state: string }[] }>()
      .items.find((r) => r.periodName.startsWith('Quý III'))!;
    expect(q3.state).toBe('draft');
    const report = (
      await app.inject({
        method: 'GET',
        url: `/api/v1/reports/${q3.id}`,
        headers: { cookie: reporter },
      })
    ).json<{ version: number; indicators: { indicatorId: number; code: string }[] }>();
    const fund = report.indicators.find((i) => i.code === 'QUY_VNN')!;
    const saved = await app.inject({
      method: 'PUT',
      url: `/api/v1/reports/${q3.id}`,
      headers: { cookie: reporter },
      payload: {
        version: report.version,
        sections: {},
        values: [{ indicatorId: fund.indicatorId, value: 2_500_000 }],
        proposals: [],
      },
    });
    expect(saved.statusCode).toBe(200);
  });
  afterAll(() => app.close());

  const progress = async (query = '') =>
    (
      await app.inject({
        method: 'GET',
        url: `/api/v1/progress?year=2017${query}`,
        headers: { cookie: secretary },
      })
    ).json<Progress>();

  it('agree between the API and the year’s Excel export, per unit and for the bloc', async () => {
    const api = await progress();
    // Nine units have sent Quý III (the rest stop at Quý II): the bloc speaks for them at 30/09.
    expect(api.asOf).toBe('2017-09-30');
    expect(api.coverage).toEqual({ covered: 9, units: 13 });
    const lhpn = api.units.find((u) => u.name.startsWith('Hội Liên hiệp Phụ nữ'))!;
    expect(lhpn.asOf).toBe('2017-06-30');

    const codes = new Map(api.indicators.map((i) => [i.id, i.code]));
    const names = new Map(api.units.map((u) => [u.id, u]));
    const expected = api.rows.unitId!.map((unitId, i) => {
      const unit = names.get(unitId as number)!;
      const r = (k: string) => api.rows[k]![i] ?? null;
      return [
        unit.name,
        dmy(unit.asOf),
        codes.get(r('indicatorId') as number),
        r('q1'),
        r('q2'),
        r('q3'),
        r('q4'),
        r('actual'),
        r('target'),
        r('percent'),
        r('forecast'),
        STATUS[r('status') as string],
      ];
    });
    for (const t of api.totals) {
      const q = t.quarters as (number | null)[];
      expected.push([
        `Toàn khối (9/13 đơn vị)`,
        '30/09/2017',
        codes.get(t.indicatorId),
        ...q,
        t.actual,
        t.target,
        t.percent,
        t.forecast,
        STATUS[t.status as string],
      ] as never);
    }
    const res = await app.inject({
      method: 'GET',
      url: '/api/v1/progress/export.xlsx?year=2017',
      headers: { cookie: secretary },
    });
    expect(res.statusCode).toBe(200);
    const sheet = await sheetRows(res.rawPayload);
    expect(sheet.title).toBe('Tiến độ năm 2017 (số liệu đến ngày 30/09/2017)');
    const read = sheet.rows.map((row) => [
      row[0],
      row[1],
      row[2],
      ...Array.from(row.slice(5, 13), (v) => v ?? null),
      row[13],
    ]);
    expect(read).toEqual(expected);

    // The draft's 2.500.000 is nowhere: Hội LHPN's Quý III is empty, the fund's total is modest.
    const fund = api.indicators.find((i) => i.code === 'QUY_VNN')!;
    const lhpnFund = api.rows.unitId!.findIndex(
      (u, i) => u === lhpn.id && api.rows.indicatorId![i] === fund.id,
    );
    expect(api.rows.q3![lhpnFund]).toBeNull();
    const fundTotal = api.totals.find((t) => t.indicatorId === fund.id)!;
    expect(fundTotal.actual as number).toBeLessThan(10_000);
  });

  it('export Quý III up to 30/09/2017, counting nothing after it and no draft', async () => {
    const periods = (
      await app.inject({ method: 'GET', url: '/api/v1/periods', headers: { cookie: secretary } })
    ).json<{ items: { id: number; name: string }[] }>();
    const q3 = periods.items.find((p) => p.name.startsWith('Quý III'))!;
    const res = await app.inject({
      method: 'GET',
      url: `/api/v1/periods/${q3.id}/export.xlsx`,
      headers: { cookie: secretary },
    });
    expect(res.statusCode).toBe(200);
    // Named in one language, like its contents.
    expect(res.headers['content-disposition']).toContain('filename="so-lieu-quy-iii-2017.xlsx"');
    const sheet = await sheetRows(res.rawPayload);
    expect(sheet.title).toContain('(số liệu đến ngày 30/09/2017)');
    // Quý IV's column is empty on every row.
    expect(sheet.rows.every((r) => r[8] === null || r[8] === undefined)).toBe(true);
    const api = await progress('&asOf=2017-09-30');
    const totals = sheet.rows.filter((r) => String(r[0]).startsWith('Toàn khối'));
    expect(totals.map((r) => r[9])).toEqual(api.totals.map((t) => t.actual));
  });

  it('sends exactly what the progress schema describes, nothing more', async () => {
    // The route writes its answer with JSON.stringify, not the schema's serializer.
    const response = await app.inject({
      method: 'GET',
      url: '/api/v1/progress?year=2017',
      headers: { cookie: secretary },
    });
    const body: unknown = response.json();
    expect(Value.Check(ProgressTable, body)).toBe(true);
    expect(Value.Clean(ProgressTable, structuredClone(body))).toEqual(body);
  });
});
