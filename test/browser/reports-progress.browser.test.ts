import ExcelJS from 'exceljs';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../src/demo/demo.ts';
import { loginCookie } from '../../src/test-support/factories.ts';
import { formatNumber } from '../../src/text/format.ts';
import {
  demoReport,
  expectNoSeriousA11yViolations,
  launchBrowser,
  screenshot,
  signedIn,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * The demo's 2017 progress read three ways — the page in Chromium, the API and the year's Excel
 * export — per unit and for the bloc: the same figures, and none from Hội LHPN's unsent draft.
 * Then issue 11's fault 3 as reported: once only Hội LHPN has sent Quý IV, "Toàn khối" stays at
 * the date most units reached (30/09/2017), and Ban Tổ chức is judged at its own date, not at
 * the year end.
 */

interface Progress {
  asOf: string | null;
  fraction: number;
  coverage: { covered: number; units: number };
  indicators: { id: number; code: string; name: string; measure: string; aggregation: string }[];
  units: { id: number; name: string; asOf: string | null }[];
  rows: Record<string, (number | string | null)[]>;
  totals: {
    indicatorId: number;
    quarters: (number | null)[];
    actual: number | null;
    target: number | null;
    percent: number | null;
    expected: number | null;
    forecast: number | null;
    status: string;
  }[];
}

const STATUS: Record<string, string> = {
  on_track: 'Đúng tiến độ',
  behind: 'Chậm tiến độ',
  no_target: 'Chưa giao chỉ tiêu',
  no_data: 'Chưa có số liệu',
};
/** As the page writes a figure: the shared formatter, two decimals at most, "—" for none. */
const vi = (n: number | string | null | undefined) =>
  typeof n === 'number' ? formatNumber(n, 2).replace(/,?0+$/, '') : '—';
const dmy = (date: string | null) => (date ? date.split('-').reverse().join('/') : '');

describe('the 2017 progress on the demo: page, API and Excel', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  const cookies: Record<string, string> = {};

  const api = async (
    who: string,
    method: 'GET' | 'PUT' | 'POST',
    url: string,
    payload?: object,
  ) => {
    const response = await server.app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie: cookies[who]! },
      payload,
    });
    expect(response.statusCode, response.body).toBeLessThan(300);
    return response;
  };
  const progress = async () =>
    (await api('vanphong', 'GET', '/progress?year=2017')).json<Progress>();

  /** Writes a value for every indicator of a report and saves it; sends it when asked. */
  const fill = async (reportId: number, value: number, send: boolean) => {
    const report = (await api('phunu.tonghop', 'GET', `/reports/${reportId}`)).json<{
      version: number;
      indicators: { indicatorId: number }[];
    }>();
    const saved = await api('phunu.tonghop', 'PUT', `/reports/${reportId}`, {
      version: report.version,
      sections: { ket_qua: '<p>Kết quả của quý.</p>' },
      values: report.indicators.map((i) => ({ indicatorId: i.indicatorId, value })),
      proposals: [],
    });
    if (!send) return;
    const step = async (who: string, action: string) => {
      const current = (await api(who, 'GET', `/reports/${reportId}`)).json<{ version: number }>();
      await api(who, 'POST', `/reports/${reportId}/transitions`, {
        version: current.version,
        action,
      });
    };
    expect(saved.statusCode).toBe(200);
    await step('phunu.tonghop', 'send');
    await step('phunu.lanhdao', 'approve');
  };

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
    for (const who of ['vanphong', 'phunu.tonghop', 'phunu.lanhdao'])
      cookies[who] = await loginCookie(server.app, who, DEMO_PASSWORD);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  /** The rows of the page's main table, cell by cell as a reader sees them. */
  const tableRows = (page: Page) =>
    page
      .locator('.ant-card')
      .filter({ has: page.locator('.ant-table') })
      .first()
      .locator('tbody tr.ant-table-row')
      .evaluateAll((rows) =>
        rows.map((r) =>
          [...(r as unknown as { cells: Iterable<{ innerText: string }> }).cells].map((c) =>
            c.innerText.replace(/\s+/g, ' ').trim(),
          ),
        ),
      );

  const pick = async (page: Page, label: string, option: string) => {
    await page.getByLabel(label, { exact: true }).click();
    await page
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: option })
      .first()
      .click();
  };

  const excelRows = async (page: Page) => {
    const res = await page.request.get(`${server.url}/api/v1/progress/export.xlsx?year=2017`);
    expect(res.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await res.body()) as unknown as ArrayBuffer);
    const rows: unknown[][] = [];
    workbook.worksheets[0]!.eachRow((row, n) => {
      if (n > 3) rows.push(Array.from((row.values as unknown[]).slice(1), (v) => v ?? null));
    });
    return rows;
  };

  it('shows in the page what the API and the Excel export say, per unit and for the bloc, and no draft', async () => {
    // Hội LHPN's reporter writes 2.500.000 into every figure of the Quý III draft, unsent.
    const q3 = await demoReport(server, 'Quý III/2017', 'Hội LHPN');
    await fill(q3.id, 2_500_000, false);
    const data = await progress();
    const indicator = new Map(data.indicators.map((i) => [i.id, i]));
    const unit = new Map(data.units.map((u) => [u.id, u]));

    const page = await signedIn(chromium.browser, server, 'vanphong');
    await page.getByRole('menuitem', { name: 'Tiến độ chỉ tiêu' }).click();
    await page.getByRole('heading', { level: 1, name: 'Tiến độ thực hiện chỉ tiêu năm' }).waitFor();

    // The bloc: one row per indicator.
    const totals = data.totals.map((t) => {
      const i = indicator.get(t.indicatorId)!;
      return [
        `${i.name} (${i.measure})`,
        vi(t.actual),
        vi(t.target),
        vi(t.percent),
        vi(t.expected),
        vi(t.forecast),
        STATUS[t.status],
      ];
    });
    await expect.poll(() => tableRows(page)).toEqual(totals);

    // Each unit, indicator by indicator.
    const n = data.rows.unitId!.length;
    const apiRows = Array.from({ length: n }, (_, k) => {
      const r = (key: string) => data.rows[key]![k] ?? null;
      return { unitId: r('unitId') as number, indicatorId: r('indicatorId') as number, r };
    });
    for (const ind of data.indicators) {
      const mine = apiRows.filter((row) => row.indicatorId === ind.id);
      if (mine.length === 0) continue;
      await pick(page, 'Chỉ tiêu', `${ind.code} · ${ind.name}`);
      const expected = mine.map(({ unitId, r }) => {
        const u = unit.get(unitId)!;
        return [
          `${u.name} ${u.asOf ? `đến ngày ${dmy(u.asOf)}` : 'chưa gửi báo cáo quý nào'}`,
          `${ind.name} (${ind.measure})`,
          vi(r('actual')),
          vi(r('target')),
          vi(r('percent')),
          vi(r('expected')),
          vi(r('forecast')),
          STATUS[r('status') as string],
        ];
      });
      await expect.poll(() => tableRows(page), { message: ind.code }).toEqual(expected);
    }
    await expectNoSeriousA11yViolations(page, 'progress by indicator');

    // The Excel export: the same numbers, row for row, units then the bloc.
    const sheet = await excelRows(page);
    const fromApi = [
      ...apiRows.map(({ unitId, indicatorId, r }) => [
        unit.get(unitId)!.name,
        dmy(unit.get(unitId)!.asOf),
        indicator.get(indicatorId)!.code,
        r('q1'),
        r('q2'),
        r('q3'),
        r('q4'),
        r('actual'),
        r('target'),
        r('percent'),
        r('forecast'),
        STATUS[r('status') as string],
      ]),
      ...data.totals.map((t) => [
        `Toàn khối (${data.coverage.covered}/${data.coverage.units} đơn vị)`,
        dmy(data.asOf),
        indicator.get(t.indicatorId)!.code,
        ...t.quarters,
        t.actual,
        t.target,
        t.percent,
        t.forecast,
        STATUS[t.status],
      ]),
    ];
    const read = sheet.map((row) => [row[0], row[1], row[2], ...row.slice(5, 13), row[13]]);
    for (const [k, row] of fromApi.entries()) expect(read[k], `sheet row ${k + 4}`).toEqual(row);
    expect(read).toHaveLength(fromApi.length);

    // No draft anywhere: Hội LHPN's Quý III is empty in the API and the sheet, and no 2.500.000.
    const lhpn = data.units.find((u) => u.name.startsWith('Hội Liên hiệp Phụ nữ'))!;
    expect(lhpn.asOf).toBe('2017-06-30');
    expect(apiRows.filter((row) => row.unitId === lhpn.id).map((row) => row.r('q3'))).toEqual(
      apiRows.filter((row) => row.unitId === lhpn.id).map(() => null),
    );
    expect(sheet.some((row) => row.includes(2_500_000))).toBe(false);
    expect(await page.locator('main').innerText()).not.toContain('2.500.000');
    await page.context().close();
  });

  it('keeps the bloc at 30/09/2017 and Ban Tổ chức at its own date once only Hội LHPN sent Quý IV (fault 3)', async () => {
    // As reported: Hội LHPN sends Quý III and Quý IV; no other unit has reported Quý IV.
    await fill((await demoReport(server, 'Quý III/2017', 'Hội LHPN')).id, 20, true);
    await fill((await demoReport(server, 'Quý IV/2017', 'Hội LHPN')).id, 20, true);
    const data = await progress();
    expect(data.units.find((u) => u.name.startsWith('Hội Liên hiệp Phụ nữ'))!.asOf).toBe(
      '2017-12-31',
    );

    const page = await signedIn(chromium.browser, server, 'vanphong');
    await page.getByRole('menuitem', { name: 'Tiến độ chỉ tiêu' }).click();
    const asOf = page.getByTestId('progress-as-of');
    // Not "Số liệu đến ngày 31/12/2017; tiến độ kỳ vọng 100%": the date most units reached.
    await expect
      .poll(() => asOf.innerText())
      .toBe(
        'Toàn khối: số liệu đến ngày 30/09/2017 của 10/13 đơn vị (các đơn vị đã gửi báo cáo đến ngày này); tiến độ kỳ vọng 74,8% chỉ tiêu năm (tuyến tính theo thời gian).',
      );
    expect(await page.locator('main').innerText()).not.toContain('31/12/2017');
    // The bloc is judged at 74,8% of the year, not at the year end: its expectation is below
    // the target, and its forecast is not simply the actual.
    const summed = new Set(data.indicators.filter((i) => i.aggregation === 'sum').map((i) => i.id));
    for (const t of data.totals.filter((x) => summed.has(x.indicatorId) && x.target !== null)) {
      expect(t.expected!).toBeCloseTo(t.target! * data.fraction, 1);
      expect(t.forecast).not.toBe(t.actual);
    }
    await screenshot(page, 'progress-fault-3-bloc');

    // Ban Tổ chức has not reported Quý IV: its own date, its own expectation.
    await pick(page, 'Đơn vị', 'Ban Tổ chức Thị ủy');
    await expect
      .poll(() => asOf.innerText())
      .toBe(
        'Số liệu của Ban Tổ chức Thị ủy đến ngày 30/09/2017; tiến độ kỳ vọng 74,8% chỉ tiêu năm (tuyến tính theo thời gian).',
      );
    await pick(page, 'Đơn vị', 'Hội Liên hiệp Phụ nữ');
    await expect
      .poll(() => asOf.innerText())
      .toContain('đến ngày 31/12/2017; tiến độ kỳ vọng 100%');

    // The export judges Ban Tổ chức at 30/09/2017 too.
    const sheet = await excelRows(page);
    const btc = sheet.filter((row) => row[0] === 'Ban Tổ chức Thị ủy');
    expect(btc.length).toBeGreaterThan(0);
    expect(new Set(btc.map((row) => row[1]))).toEqual(new Set(['30/09/2017']));
    expect(sheet.filter((row) => String(row[0]).startsWith('Toàn khối')).map((r) => r[1])).toEqual(
      data.totals.map(() => '30/09/2017'),
    );
    await page.context().close();
  });
});
