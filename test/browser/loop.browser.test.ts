import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  demoReport,
  expectNoSeriousA11yViolations,
  launchBrowser,
  reportStep,
  screenshot,
  signedIn,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * The loop in Chromium on the demo (on its calendar, 23/12/2017): Hội LHPN's reporter finds the
 * tasks the unit coordinates in its Quý IV/2017 report, with their last updates and the answers
 * saved in the draft, changes one and saves it, and sends the report; its head approves it; the
 * secretariat then reads the answer as the task's last update in the Quý IV meeting's compiled
 * summary, with the lead units that have not answered.
 */

const TRAINING = 'Tập trung công tác tập huấn';
const NEW_NOTE = 'Cử 52 chi hội trưởng dự tập huấn; đã nộp đủ bài thu hoạch về Ban Tuyên giáo.';
const LAST_MINUTE = 'Đã gửi danh sách hội viên tham gia đợt sinh hoạt chuyên đề tháng 12.';

describe('tasks in the next period’s report, in Chromium', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let reportUrl: string;

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp({ demoCalendar: true }), launchBrowser()]);
    reportUrl = (await demoReport(server, 'Quý IV/2017', 'Hội LHPN')).url;
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  const panel = (page: Page) => page.getByTestId('report-tasks');
  const task = (page: Page, title: string) =>
    panel(page).locator('section').filter({ hasText: title });

  it('asks the reporter about the unit’s tasks, keeps the answers, and locks them once sent', async () => {
    const page = await signedIn(chromium.browser, server, 'phunu.tonghop');
    await page.goto(reportUrl);
    await panel(page).getByText('Tiến độ thực hiện nhiệm vụ được giao').waitFor();
    // The two open tasks Hội LHPN coordinates, each with its last update and the saved answer.
    await expect.poll(() => panel(page).locator('section').count()).toBe(2);
    const training = task(page, TRAINING);
    await training.getByText('Phối hợp', { exact: true }).waitFor();
    await training.getByText(/Cập nhật gần nhất \(20\/12\/2017, Ban Tuyên giáo Thị ủy\)/).waitFor();
    const note = training.getByLabel('Tiến độ trong kỳ');
    expect(await note.inputValue()).toContain('Cử 46 chi hội trưởng');
    // Only the lead unit reports a task done.
    await training.getByText('Chỉ đơn vị chủ trì báo cáo hoàn thành.').waitFor();
    await expectNoSeriousA11yViolations(page, 'the report form’s tasks');

    await note.fill(NEW_NOTE);
    await training.getByLabel('Tỷ lệ hoàn thành (%)').fill('90');
    await panel(page).getByText('Có thay đổi chưa lưu ở phần tiến độ nhiệm vụ.').waitFor();
    const save = page.getByRole('button', { name: 'Lưu tiến độ nhiệm vụ' });
    await save.click();
    await page.getByText('Đã lưu tiến độ nhiệm vụ.').first().waitFor();
    // Nothing left to save once the answers are stored.
    await expect.poll(() => save.isDisabled()).toBe(true);
    await screenshot(page, 'loop-1-report-tasks');

    // Kept on the server: a reload shows it.
    await page.reload();
    const reloaded = task(page, TRAINING);
    await expect.poll(() => reloaded.getByLabel('Tiến độ trong kỳ').inputValue()).toBe(NEW_NOTE);
    expect(await reloaded.getByLabel('Tỷ lệ hoàn thành (%)').inputValue()).toBe('90');

    // An answer typed just before sending, never saved by hand: it goes with the report.
    const other = panel(page).locator('section').filter({ hasNotText: TRAINING });
    await other.getByLabel('Tiến độ trong kỳ').fill(LAST_MINUTE);
    await reportStep(page, 'Gửi lãnh đạo duyệt', 'Chờ lãnh đạo duyệt');
    await panel(page).getByText('Chỉ xem: báo cáo không còn là bản nháp.').waitFor();
    expect(await panel(page).getByRole('textbox').count()).toBe(0);
    await task(page, TRAINING).getByText(NEW_NOTE).waitFor();
    await other.getByText(LAST_MINUTE).waitFor();
    await page.context().close();
  });

  it('becomes the task’s update when the head approves, shown in the next meeting’s summary', async () => {
    const head = await signedIn(chromium.browser, server, 'phunu.lanhdao');
    await head.goto(reportUrl);
    await task(head, TRAINING).getByText(NEW_NOTE).waitFor();
    await reportStep(head, 'Duyệt và gửi Thị ủy', 'Đã gửi');
    // The answer is now the task's last update, given in the report.
    await task(head, TRAINING)
      .getByText(/Cập nhật gần nhất \(23\/12\/2017, Hội Liên hiệp Phụ nữ thị xã Từ Sơn\)/)
      .waitFor();
    await head.context().close();

    const meeting = await server.db
      .selectFrom('meetings')
      .select('id')
      .where('title', 'like', '%Quý IV/2017%')
      .executeTakeFirstOrThrow();
    const secretary = await signedIn(chromium.browser, server, 'vanphong');
    await secretary.goto(`${server.url}/app/meetings/${meeting.id}?tab=summary`);
    const follow = secretary.getByTestId('task-follow-up');
    await follow.getByText('Theo dõi thực hiện nhiệm vụ').waitFor();
    const row = follow.getByRole('row').filter({ hasText: TRAINING });
    await row.getByText(NEW_NOTE).waitFor();
    await row.getByText('90%').waitFor();
    // The lead units that have not answered in their Quý IV report.
    const missing = follow.getByTestId('task-follow-up-missing');
    await missing.getByText('Ban Tổ chức Thị ủy').waitFor();
    expect(await missing.getByText('Ban Tuyên giáo Thị ủy').count()).toBe(0);
    await expectNoSeriousA11yViolations(secretary, 'the summary’s follow-up of tasks');
    await screenshot(secretary, 'loop-2-follow-up');
    await secretary.context().close();
  });
});
