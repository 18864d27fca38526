import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoReport,
  signedIn,
  expectNoSeriousA11yViolations,
  launchBrowser,
  screenshot,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * The Done-when flow of quarterly reporting, in Chromium on the demo: Hội LHPN's reporter
 * fills and sends the Quý III/2017 report with indicator values, the unit head approves, the
 * secretariat returns it with a comment, it is fixed and accepted, and the period board and the
 * progress dashboard show it.
 */
describe('quarterly report flow in Chromium', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let reportUrl: string;
  let periodId: number;

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
    const report = await demoReport(server, 'Quý III/2017', 'Hội LHPN');
    reportUrl = report.url;
    periodId = report.periodId;
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  const as = (browser: Browser, username: string) => signedIn(browser, server, username);

  async function act(page: Page, button: string, state: string) {
    await page.getByRole('button', { name: button }).click();
    // Sending a report that still has empty sections or indicators asks first; this one has.
    if (button === 'Gửi lãnh đạo duyệt' || button === 'Duyệt và gửi Thị ủy') {
      const confirm = page.getByRole('dialog').filter({ hasText: 'Gửi báo cáo khi còn thiếu?' });
      await confirm.getByRole('button', { name: 'Vẫn gửi' }).click();
    }
    await expect
      .poll(() => page.locator('.ant-tag').filter({ hasText: state }).count())
      .toBeGreaterThan(0);
  }

  /** The buttons of the workflow the page offers, in order. */
  const actions = (page: Page) =>
    page
      .getByRole('button', {
        name: /^(Gửi lãnh đạo duyệt|Duyệt và gửi Thị ủy|Trả lại cán bộ|Tiếp nhận|Trả lại đơn vị|Sửa lại báo cáo)$/,
      })
      .allInnerTexts();

  /** What a read-only report shows for an indicator (its value column). */
  const shownValue = (page: Page, indicator: string) =>
    page.getByRole('row').filter({ hasText: indicator }).getByRole('cell').nth(3).innerText();

  /** The steps in the report's history, by their action, as listed. */
  const history = async (page: Page) =>
    (
      await page
        .locator('.ant-card')
        .filter({ has: page.getByText('Quá trình xử lý', { exact: true }) })
        .getByRole('listitem')
        .allInnerTexts()
    ).map((text) => text.split(' · ')[0]!.trim());

  it('is filled and sent by the reporter, with indicator values', async () => {
    const page = await as(chromium.browser, 'phunu.tonghop');
    await page.getByRole('menuitem', { name: 'Báo cáo đơn vị' }).click();
    await page
      .getByRole('row', { name: /Quý III\/2017/ })
      .getByRole('link')
      .click();
    await page
      .getByRole('heading', { name: /Hội Liên hiệp Phụ nữ thị xã Từ Sơn: Quý III\/2017/ })
      .waitFor();
    expect(page.url()).toBe(reportUrl);
    await page
      .getByRole('textbox', { name: 'Kết quả thực hiện nhiệm vụ' })
      .fill('Tổ chức 3 lớp tập huấn kỹ năng cho chi hội trưởng.');
    await page
      .getByRole('textbox', { name: 'Hạn chế, vướng mắc' })
      .fill('Kinh phí hoạt động còn hạn hẹp.');
    await page.getByLabel('Giá trị: Quỹ "Vì người nghèo" vận động được').fill('45');
    await page.getByLabel('Giá trị: Lớp tập huấn, bồi dưỡng đã tổ chức').fill('3');
    await page.getByRole('button', { name: 'Thêm kiến nghị' }).click();
    await page
      .getByLabel('Kiến nghị 1', { exact: true })
      .fill('Đề nghị hỗ trợ kinh phí mở lớp dạy nghề cho phụ nữ.');
    await expectNoSeriousA11yViolations(page, 'the report editor');
    await screenshot(page, 'reports-1-reporter-editing');
    await act(page, 'Gửi lãnh đạo duyệt', 'Chờ lãnh đạo duyệt');
    // Sent, it reads as written and the reporter can no longer change it.
    await page.getByText('Báo cáo chỉ xem: báo cáo không còn là dự thảo.').waitFor();
    await expect.poll(() => actions(page)).toEqual([]);
    expect(await page.getByRole('button', { name: 'Lưu', exact: true }).count()).toBe(0);
    await expect.poll(() => shownValue(page, 'Quỹ "Vì người nghèo" vận động được')).toBe('45');
    expect(await page.getByLabel('Kiến nghị 1', { exact: true }).inputValue()).toBe(
      'Đề nghị hỗ trợ kinh phí mở lớp dạy nghề cho phụ nữ.',
    );
    await expect.poll(() => history(page)).toEqual(['Gửi lãnh đạo duyệt']);
    await page.context().close();
  });

  it('is approved by the unit head, then returned by the secretariat with a comment', async () => {
    const head = await as(chromium.browser, 'phunu.lanhdao');
    await head.goto(reportUrl);
    await head.getByText('Tổ chức 3 lớp tập huấn').waitFor();
    // The head reads what was sent before approving it.
    await head.getByText('Kinh phí hoạt động còn hạn hẹp.').waitFor();
    expect(await shownValue(head, 'Lớp tập huấn, bồi dưỡng đã tổ chức')).toBe('3');
    expect(await head.getByLabel('Kiến nghị 1', { exact: true }).inputValue()).toBe(
      'Đề nghị hỗ trợ kinh phí mở lớp dạy nghề cho phụ nữ.',
    );
    expect(await actions(head)).toEqual(['Duyệt và gửi Thị ủy', 'Trả lại cán bộ']);
    await act(head, 'Duyệt và gửi Thị ủy', 'Đã gửi');
    await expect.poll(() => actions(head)).toEqual([]);
    await head.context().close();

    const secretary = await as(chromium.browser, 'vanphong');
    await secretary.goto(reportUrl);
    await secretary.getByText('Tổ chức 3 lớp tập huấn').waitFor();
    expect(await actions(secretary)).toEqual(['Tiếp nhận', 'Trả lại đơn vị']);
    await secretary.getByRole('button', { name: 'Trả lại đơn vị' }).click();
    await secretary
      .getByLabel('Lý do trả lại (bắt buộc)')
      .fill('Đề nghị bổ sung số hội viên được tập huấn.');
    await secretary.getByRole('dialog').getByRole('button', { name: 'Trả lại đơn vị' }).click();
    await expect
      .poll(() => secretary.locator('.ant-tag').filter({ hasText: 'Bị trả lại' }).count())
      .toBeGreaterThan(0);
    // The reason stays with the report, for the unit to read.
    await secretary.getByText('Đề nghị bổ sung số hội viên được tập huấn.').first().waitFor();
    await expect.poll(() => actions(secretary)).toEqual([]);
    await secretary.context().close();
  });

  it('is fixed by the reporter and approved again', async () => {
    const page = await as(chromium.browser, 'phunu.tonghop');
    await page.goto(reportUrl);
    await page.getByText('Đề nghị bổ sung số hội viên được tập huấn.').first().waitFor();
    await act(page, 'Sửa lại báo cáo', 'Dự thảo');
    // A draft again, with what was sent: editable.
    const fund = page.getByLabel('Giá trị: Quỹ "Vì người nghèo" vận động được');
    await expect.poll(() => fund.inputValue()).toBe('45');
    const trainedValue = page.getByLabel('Giá trị: Hội viên, đoàn viên được tập huấn');
    await trainedValue.fill('180');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu.').waitFor();
    await page.reload();
    await expect.poll(() => trainedValue.inputValue()).toBe('180');
    expect(await fund.inputValue()).toBe('45');
    await act(page, 'Gửi lãnh đạo duyệt', 'Chờ lãnh đạo duyệt');
    await page.context().close();

    const head = await as(chromium.browser, 'phunu.lanhdao');
    await head.goto(reportUrl);
    await expect.poll(() => shownValue(head, 'Hội viên, đoàn viên được tập huấn')).toBe('180');
    await act(head, 'Duyệt và gửi Thị ủy', 'Đã gửi');
    await head.context().close();
  });

  it('is accepted by the secretariat, with every step in its history', async () => {
    const secretary = await as(chromium.browser, 'vanphong');
    await secretary.goto(reportUrl);
    await act(secretary, 'Tiếp nhận', 'Đã tiếp nhận');
    await expect.poll(() => actions(secretary)).toEqual([]);
    await screenshot(secretary, 'reports-2-accepted');
    // The history shows every step with the return comment.
    await secretary.getByText('Đề nghị bổ sung số hội viên được tập huấn.').first().waitFor();
    await expect
      .poll(() => history(secretary))
      .toEqual([
        'Gửi lãnh đạo duyệt',
        'Duyệt và gửi Thị ủy',
        'Trả lại đơn vị',
        'Sửa lại báo cáo',
        'Gửi lãnh đạo duyệt',
        'Duyệt và gửi Thị ủy',
        'Tiếp nhận',
      ]);
    await secretary.context().close();
  });

  it('shows as accepted on the period board and in the progress dashboard', async () => {
    const secretary = await as(chromium.browser, 'vanphong');
    await secretary.goto(`${server.url}/app/periods/${periodId}`);
    const row = secretary.getByRole('row', { name: /Hội Liên hiệp Phụ nữ/ });
    await expect.poll(() => row.textContent()).toContain('Đã tiếp nhận');
    await expectNoSeriousA11yViolations(secretary, 'the period board');
    await screenshot(secretary, 'reports-3-board');

    await secretary.getByRole('menuitem', { name: 'Tiến độ chỉ tiêu' }).click();
    await secretary.getByLabel('Đơn vị', { exact: true }).click();
    await secretary
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Hội Liên hiệp Phụ nữ' })
      .first()
      .click();
    const trained = secretary.getByRole('row', { name: /Hội viên, đoàn viên được tập huấn/ });
    await trained.waitFor();
    // Q1 + Q2 from the demo plus the 180 just reported.
    const q3 = await server.db
      .selectFrom('indicator_values')
      .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
      .innerJoin('units', 'units.id', 'indicator_values.unit_id')
      .select(['indicator_values.quarter', 'indicator_values.value'])
      .where('indicators.code', '=', 'NGUOI_TH')
      .where('units.short_name', '=', 'Hội LHPN')
      .where('indicator_values.year', '=', 2017)
      .execute();
    expect(q3.find((v) => v.quarter === 3)?.value).toBe(180);
    const total = q3.reduce((a, v) => a + v.value, 0);
    await expect
      .poll(() => trained.textContent())
      .toContain(new Intl.NumberFormat('vi-VN').format(total));
    await expectNoSeriousA11yViolations(secretary, 'the progress dashboard');
    await screenshot(secretary, 'reports-4-progress');
    await secretary.context().close();
  });
});
