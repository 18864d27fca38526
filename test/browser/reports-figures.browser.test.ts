import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoReport,
  signedIn,
  launchBrowser,
  screenshot,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * Issue 11's reports as a person met them on the demo, in Chromium: Hội LHPN's Quý III/2017
 * draft with an unsent 2500000 (items 1 and 2), Vietnamese numbers typed in the form and in an
 * uploaded sheet (item 2), and the confirmations and reasons of sending, returning and
 * reminding (item 5).
 */
describe('figures, numbers and confirmations on the demo', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let reportId: number;
  let reportUrl: string;
  let periodId: number;

  const FUND = 'Quỹ "Vì người nghèo" vận động được';
  const CLASSES = 'Lớp tập huấn, bồi dưỡng đã tổ chức';

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
    const report = await demoReport(server, 'Quý III/2017', 'Hội LHPN');
    reportId = report.id;
    reportUrl = report.url;
    periodId = report.periodId;
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  const as = (browser: Browser, username: string) => signedIn(browser, server, username);

  const stateTag = (page: Page, state: string) =>
    page.locator('.ant-tag').filter({ hasText: state }).count();

  /** The stored value of an indicator in the report, straight from the database. */
  const storedValue = async (code: string) =>
    (
      await server.db
        .selectFrom('indicator_values')
        .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
        .select('indicator_values.value')
        .where('indicator_values.report_id', '=', reportId)
        .where('indicators.code', '=', code)
        .executeTakeFirst()
    )?.value ?? null;

  // By its text: after a save, antd keeps the spinner's leaving icon (aria-label "loading") in
  // the button for a while, which changes its accessible name.
  const saveButton = (page: Page) => page.locator('button').filter({ hasText: /^Lưu$/ });

  const save = async (page: Page) => {
    await saveButton(page).click();
    await page.getByText('Đã lưu.').last().waitFor();
    await expect.poll(() => page.getByText('Có thay đổi chưa lưu').count()).toBe(0);
  };

  it('asks before sending a report with empty sections and no figures, listing them', async () => {
    const page = await as(chromium.browser, 'phunu.tonghop');
    await page.goto(reportUrl);
    await page.getByText('Hội đã tổ chức các hoạt động chào mừng').waitFor();
    await page.getByRole('button', { name: 'Gửi lãnh đạo duyệt' }).click();
    const dialog = page.getByRole('dialog').filter({ hasText: 'Gửi báo cáo khi còn thiếu?' });
    await dialog.waitFor();
    const text = await dialog.innerText();
    expect(text).toContain('Mục chưa viết: Hạn chế, vướng mắc');
    expect(text).not.toContain('Kết quả thực hiện nhiệm vụ');
    expect(text).toContain('Chưa nhập số liệu chỉ tiêu nào.');
    await screenshot(page, 'figures-1-send-confirm');
    await dialog.getByRole('button', { name: 'Hủy' }).click();
    await expect.poll(() => dialog.count()).toBe(0);
    // Nothing was sent.
    expect(await stateTag(page, 'Dự thảo')).toBeGreaterThan(0);
    const row = await server.db
      .selectFrom('unit_reports')
      .select('state')
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    expect(row.state).toBe('draft');
    await page.context().close();
  });

  it('reads 1.234 as one thousand two hundred thirty-four, groups while typing and refuses 1,5 lớp', async () => {
    const page = await as(chromium.browser, 'phunu.tonghop');
    await page.goto(reportUrl);
    const fund = page.getByLabel(`Giá trị: ${FUND}`);
    const classes = page.getByLabel(`Giá trị: ${CLASSES}`);
    await fund.pressSequentially('1234567');
    await expect.poll(() => fund.inputValue()).toBe('1.234.567');
    await fund.fill('');
    await fund.pressSequentially('1.234');
    expect(await fund.inputValue()).toBe('1.234');
    await classes.pressSequentially('1,5');
    await page
      .getByText('Chỉ tiêu tính bằng "lớp" chỉ nhận số nguyên; 1,5 có phần thập phân.')
      .waitFor();
    await saveButton(page).click();
    await page.getByText(`Có giá trị chưa đúng: ${CLASSES}. Hãy sửa trước khi lưu.`).waitFor();
    expect(await storedValue('LOP_TH')).toBeNull();
    expect(await storedValue('QUY_VNN')).toBeNull();
    await classes.fill('1.5');
    await page.getByText('"1.5" không rõ nghĩa').waitFor();
    await classes.fill('3');
    await save(page);
    expect(await storedValue('QUY_VNN')).toBe(1234);
    expect(await storedValue('LOP_TH')).toBe(3);
    await page.reload();
    await expect.poll(() => fund.inputValue()).toBe('1.234');
    await page.context().close();
  });

  it('saves the same value for the same text typed in the form and uploaded in Excel', async () => {
    const page = await as(chromium.browser, 'phunu.tonghop');
    await page.goto(reportUrl);
    const fund = page.getByLabel(`Giá trị: ${FUND}`);
    await fund.waitFor();
    for (const text of ['1.234.567,89', '2.500', '12,5', '7']) {
      // Typed in the form …
      await fund.fill(text);
      await save(page);
      const typed = await storedValue('QUY_VNN');
      // … and the same text in a text cell of the app's own sheet, uploaded.
      await fund.fill('');
      await save(page);
      expect(await storedValue('QUY_VNN')).toBeNull();
      const sheetFile = await page.request.get(
        `${server.url}/api/v1/reports/${reportId}/indicators.xlsx`,
      );
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await sheetFile.body()) as unknown as ArrayBuffer);
      const sheet = workbook.worksheets[0]!;
      let row = 0;
      sheet.eachRow((r, n) => {
        if (r.getCell(1).value === 'QUY_VNN') row = n;
      });
      sheet.getCell(`E${row}`).value = text;
      await page.getByLabel('Tải lên số liệu từ Excel').setInputFiles({
        name: 'so-lieu.xlsx',
        mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        buffer: Buffer.from(await workbook.xlsx.writeBuffer()),
      });
      await expect.poll(() => storedValue('QUY_VNN')).toBe(typed);
      expect(typed, text).toBe(Number(text.replace(/\./g, '').replace(',', '.')));
    }
    await page.context().close();
  });

  it('keeps an unsent 2500000 out of the official progress and the export (item 1)', async () => {
    const page = await as(chromium.browser, 'phunu.tonghop');
    await page.goto(reportUrl);
    const fund = page.getByLabel(`Giá trị: ${FUND}`);
    await expect.poll(() => fund.inputValue()).toBe('7');
    await fund.fill('');
    await fund.pressSequentially('2500000');
    await expect.poll(() => fund.inputValue()).toBe('2.500.000');
    // Far above the unit's target and history: a warning, not a refusal.
    await page.getByText(/^Lớn hơn 10 lần chỉ tiêu năm hoặc quý lớn nhất đơn vị đã gửi/).waitFor();
    await save(page);
    expect(await storedValue('QUY_VNN')).toBe(2500000);
    await page.context().close();

    const official = await server.db
      .selectFrom('indicator_values')
      .innerJoin('indicators', 'indicators.id', 'indicator_values.indicator_id')
      .innerJoin('units', 'units.id', 'indicator_values.unit_id')
      .select(['indicator_values.quarter', 'indicator_values.value'])
      .where('indicators.code', '=', 'QUY_VNN')
      .where('units.short_name', '=', 'Hội LHPN')
      .where('indicator_values.year', '=', 2017)
      .where('indicator_values.quarter', '<', 3)
      .execute();
    const sentTotal = official.reduce((a, v) => a + v.value, 0);
    expect(sentTotal).toBeGreaterThan(0);

    const secretary = await as(chromium.browser, 'vanphong');
    await secretary.getByRole('menuitem', { name: 'Tiến độ chỉ tiêu' }).click();
    await secretary.getByLabel('Đơn vị', { exact: true }).click();
    await secretary
      .locator('.ant-select-dropdown:visible .ant-select-item-option')
      .filter({ hasText: 'Hội Liên hiệp Phụ nữ' })
      .first()
      .click();
    const row = secretary.getByRole('row', { name: /Quỹ "Vì người nghèo"/ }).first();
    await expect
      .poll(() => row.textContent())
      .toContain(new Intl.NumberFormat('vi-VN').format(sentTotal));
    expect(await row.textContent()).not.toContain('2.500.');
    await screenshot(secretary, 'figures-2-progress-without-draft');

    const exported = await secretary.request.get(
      `${server.url}/api/v1/periods/${periodId}/export.xlsx`,
    );
    expect(exported.status()).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load((await exported.body()) as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0]!;
    const found: unknown[][] = [];
    sheet.eachRow((r) => {
      const values = r.values as unknown[];
      if (String(values[1]).includes('Hội Liên hiệp Phụ nữ') && values[3] === 'QUY_VNN')
        found.push(values.slice(6, 11));
    });
    expect(found).toHaveLength(1);
    // Quý I, Quý II, Quý III (the unsent draft: empty), Quý IV, year to date.
    expect(found[0]![2] ?? null).toBeNull();
    expect(found[0]![4]).toBe(sentTotal);
    await secretary.context().close();
  });

  it('confirms the far value on sending; the head sends it back only with a reason, which the reporter reads', async () => {
    const page = await as(chromium.browser, 'phunu.tonghop');
    await page.goto(reportUrl);
    await page.getByRole('button', { name: 'Gửi lãnh đạo duyệt' }).click();
    const confirm = page.getByRole('dialog').filter({ hasText: 'Gửi báo cáo khi còn thiếu?' });
    await confirm.waitFor();
    expect(await confirm.innerText()).toContain(`${FUND}: 2.500.000`);
    await confirm.getByRole('button', { name: 'Vẫn gửi' }).click();
    await expect.poll(() => stateTag(page, 'Chờ lãnh đạo duyệt')).toBeGreaterThan(0);
    await page.context().close();

    const head = await as(chromium.browser, 'phunu.lanhdao');
    await head.goto(reportUrl);
    await head.getByRole('button', { name: 'Trả lại cán bộ' }).click();
    const dialog = head.getByRole('dialog').filter({ hasText: 'Trả lại cán bộ soạn báo cáo' });
    await dialog.waitFor();
    const ok = dialog.getByRole('button', { name: 'Trả lại cán bộ' });
    expect(await ok.isDisabled()).toBe(true);
    await dialog.getByLabel('Lý do trả lại (bắt buộc)').fill('   ');
    expect(await ok.isDisabled()).toBe(true);
    await dialog
      .getByLabel('Lý do trả lại (bắt buộc)')
      .fill('Số quỹ 2.500.000 triệu đồng chưa đúng, đề nghị kiểm tra lại.');
    await ok.click();
    await expect.poll(() => stateTag(head, 'Dự thảo')).toBeGreaterThan(0);
    await head.context().close();

    const reporter = await as(chromium.browser, 'phunu.tonghop');
    await reporter.goto(reportUrl);
    await reporter
      .getByText(
        'Trần Thị Lan đã trả lại báo cáo: Số quỹ 2.500.000 triệu đồng chưa đúng, đề nghị kiểm tra lại.',
      )
      .waitFor();
    await screenshot(reporter, 'figures-3-sent-back-with-reason');
    await reporter.context().close();
  });

  it('shows who will be reminded and the message, editable, before reminding', async () => {
    const secretary = await as(chromium.browser, 'vanphong');
    await secretary.goto(`${server.url}/app/periods/${periodId}`);
    await secretary.getByRole('button', { name: 'Nhắc các đơn vị chưa gửi' }).click();
    const dialog = secretary.getByRole('dialog').filter({ hasText: 'Sẽ nhắc các đơn vị:' });
    await dialog.waitFor();
    const expected = (
      await server.db
        .selectFrom('unit_reports')
        .innerJoin('units', 'units.id', 'unit_reports.unit_id')
        .select('units.name')
        .where('unit_reports.period_id', '=', periodId)
        .where('unit_reports.state', 'in', ['draft', 'returned'])
        .execute()
    ).map((u) => u.name);
    expect(expected.length).toBeGreaterThan(1);
    const listed = await dialog.getByRole('listitem').allInnerTexts();
    expect(listed.sort()).toEqual([...expected].sort());
    expect(await dialog.innerText()).toContain(`Nhắc ${expected.length} đơn vị chưa gửi báo cáo`);
    const message = dialog.getByLabel('Nội dung nhắc (đơn vị thấy trên báo cáo của mình)');
    expect(await message.inputValue()).toContain('Quý III/2017');
    // Nothing is recorded before the secretariat confirms.
    const count = async () =>
      Number(
        (
          await server.db
            .selectFrom('report_reminders')
            .select((eb) => eb.fn.countAll().as('n'))
            .where('period_id', '=', periodId)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    await screenshot(secretary, 'figures-4-remind-dialog');
    await message.fill('Đề nghị các đơn vị gửi báo cáo Quý III trước 17 giờ thứ Sáu.');
    await dialog.getByRole('button', { name: 'Gửi nhắc' }).click();
    await secretary.getByText(`Đã ghi nhắc cho ${expected.length} đơn vị.`).waitFor();
    expect(await count()).toBe(before + expected.length);
    await secretary.context().close();

    const reporter = await as(chromium.browser, 'phunu.tonghop');
    await reporter.goto(reportUrl);
    await reporter
      .getByText(/Nhắc nộp báo cáo \(.*\): Đề nghị các đơn vị gửi báo cáo Quý III trước 17 giờ/)
      .waitFor();
    await reporter.context().close();
  });
});
