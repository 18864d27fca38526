import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  login,
  newPage,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * The notifications on the demo: the Hội LHPN reporter's bell shows the unread count and the
 * latest (the meetings' invitations, her reports overdue); opening one goes to its page and
 * marks it read; the notifications page marks the rest read; the profile saves her e-mail
 * choice and refuses a malformed address; the admin's e-mail page shows what could not be sent
 * and answers the SMTP check in words.
 */

describe('notifications in the workspace', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let browser: Browser;

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
    browser = chromium.browser;
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('shows the unread count in the bell, opens a notification, marks the rest read', async () => {
    const page = await newPage(browser);
    await login(page, server.url, 'phunu.tonghop');
    const bell = page.getByTestId('notification-bell');
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('4 thông báo chưa đọc');
    await bell.click();
    const dialog = page.getByRole('list', { name: 'Thông báo' });
    const invitation = dialog.getByRole('button', { name: /Giấy mời: .*Quý IV\/2017/ });
    await invitation.waitFor();
    await expectNoSeriousA11yViolations(page, 'the bell open');
    await invitation.click();
    await page.waitForURL(/\/app\/meetings\/\d+/);
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('3 thông báo chưa đọc');

    await page.getByRole('menuitem', { name: 'Thông báo' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thông báo' }).waitFor();
    await page.getByRole('link', { name: /Quá hạn gửi báo cáo Quý III\/2017/ }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the notifications page');
    await page.getByRole('button', { name: 'Đánh dấu đã đọc hết' }).click();
    await expect.poll(() => bell.getAttribute('aria-label')).toBe('Thông báo');
    await page.context().close();
  });

  it('saves the e-mail choice in the profile and refuses a malformed address', async () => {
    const page = await newPage(browser);
    await login(page, server.url, 'phunu.lanhdao');
    await page.goto(`${server.url}/app/profile`);
    const email = page.getByLabel('Địa chỉ thư điện tử');
    await expect.poll(() => email.inputValue()).toBe('phunu.lanhdao@tuson.example');
    await email.fill('lan.tran@tuson');
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Địa chỉ thư điện tử không đúng', { exact: false }).waitFor();
    await email.fill('lan.tran@tuson.example');
    await page.getByLabel('Tiếng Anh').check();
    await page.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã lưu cài đặt thư điện tử').waitFor();
    await page.reload();
    await expect
      .poll(() => page.getByLabel('Địa chỉ thư điện tử').inputValue())
      .toBe('lan.tran@tuson.example');
    expect(await page.getByLabel('Tiếng Anh').isChecked()).toBe(true);
    await expectNoSeriousA11yViolations(page, 'the profile');
    await page.context().close();
  });

  it('shows the admin what could not be sent and answers the SMTP check', async () => {
    // The sender job's run: with SMTP_HOST unset, the demo's e-mail is marked skipped.
    await server.app.jobs.runNow('notifications.send');
    const page = await newPage(browser);
    await login(page, server.url, 'quantri');
    await page.getByRole('menuitem', { name: 'Thư điện tử' }).click();
    await page.getByRole('heading', { level: 1, name: 'Thư điện tử' }).waitFor();
    await page.getByText('phunu.tonghop@tuson.example').first().waitFor();
    await page.getByRole('button', { name: 'Kiểm tra kết nối SMTP' }).click();
    await page
      .getByText(/Chưa cấu hình máy chủ thư \(SMTP_HOST\): thư điện tử đang tắt, thông báo/)
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'the e-mail page');
    await page.context().close();
  });
});
