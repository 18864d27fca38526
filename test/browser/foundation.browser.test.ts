import type { Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  login,
  newPage,
  screenshot,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/**
 * Picks an option of an antd Select or TreeSelect by typing it and pressing Enter: clicking an
 * option while the dropdown is still animating open is flaky.
 */
async function choose(scope: Page | Locator, label: string, option: string) {
  const input = scope.getByLabel(label, { exact: true });
  await input.click();
  await input.fill(option);
  await input.press('Enter');
  await expect.poll(() => scope.getByTitle(option, { exact: true }).count()).toBeGreaterThan(0);
}

describe('workspace foundation in Chromium', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let page: Page;

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
    page = await newPage(chromium.browser);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('sends a signed-out visitor to the login page, which is accessible', async () => {
    await page.goto(`${server.url}/app/`);
    await page.getByRole('button', { name: 'Đăng nhập' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'login');
    await page.getByLabel('Tên đăng nhập').fill('quantri');
    await page.getByLabel('Mật khẩu').fill('sai-mat-khau');
    await page.getByRole('button', { name: 'Đăng nhập' }).click();
    await expect
      .poll(() => page.getByText('Tên đăng nhập hoặc mật khẩu không đúng.').count())
      .toBe(1);
  });

  it('signs in as the admin and shows the home page', async () => {
    await login(page, server.url, 'quantri');
    await page.getByRole('heading', { level: 1 }).first().waitFor();
    await page.getByRole('heading', { level: 1, name: 'Việc cần làm' }).waitFor();
    await page.getByRole('heading', { level: 2, name: 'Xin chào, Đỗ Minh Quang' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'home');
    await screenshot(page, 'home');
  });

  it('adds a unit under Thị ủy Từ Sơn', async () => {
    await page.getByRole('menuitem', { name: 'Đơn vị' }).click();
    await page.getByRole('tree').getByText('Thị ủy Từ Sơn', { exact: true }).click();
    await page.getByRole('button', { name: 'Thêm đơn vị con' }).click();
    await page.getByLabel('Tên đơn vị').fill('Chi bộ Khu phố Đa Hội');
    await page.getByLabel('Tên viết tắt').fill('CB Đa Hội');
    await choose(page, 'Loại đơn vị', 'Khác');
    await page.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('tree').getByText('Chi bộ Khu phố Đa Hội').waitFor();
    await expectNoSeriousA11yViolations(page, 'units');
    await screenshot(page, 'units');
    const stored = await server.db
      .selectFrom('units')
      .select(['name', 'parent_id'])
      .where('name', '=', 'Chi bộ Khu phố Đa Hội')
      .executeTakeFirst();
    expect(stored?.parent_id).toBe(1);
  });

  it('adds an account with a role in the new unit', async () => {
    await page.getByRole('menuitem', { name: 'Tài khoản' }).click();
    await page.getByRole('button', { name: 'Thêm tài khoản' }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByLabel('Tên đăng nhập').fill('dahoi.tonghop');
    await dialog.getByLabel('Mật khẩu').fill('mat-khau-da-hoi');
    await dialog.getByLabel('Họ và tên').fill('Nguyễn Thị Hương');
    await dialog.getByLabel('Chức vụ').fill('Bí thư chi bộ');
    await dialog.getByRole('button', { name: 'Thêm vai trò' }).click();
    await choose(dialog, 'Đơn vị', 'Chi bộ Khu phố Đa Hội');
    await choose(dialog, 'Vai trò', 'Cán bộ tổng hợp');
    await dialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByRole('cell', { name: 'Nguyễn Thị Hương' }).waitFor();
    // The list shows the new account with its role in the new unit, by its short name.
    const account = page.getByRole('row').filter({ hasText: 'dahoi.tonghop' });
    await account.getByRole('cell', { name: 'Bí thư chi bộ', exact: true }).waitFor();
    await account.getByText('Cán bộ tổng hợp – CB Đa Hội', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'accounts');
    await screenshot(page, 'accounts');
  });

  it('finds both changes in the audit log', async () => {
    await page.getByRole('menuitem', { name: 'Nhật ký thay đổi' }).click();
    await page.getByRole('heading', { name: 'Nhật ký thay đổi' }).waitFor();
    await page.getByRole('cell', { name: 'Chi bộ Khu phố Đa Hội' }).first().waitFor();
    await page.getByRole('cell', { name: 'Nguyễn Thị Hương (dahoi.tonghop)' }).first().waitFor();
    // Each entry names the unit it is about: the new account's is the new unit.
    await page
      .getByRole('row', { name: /Nguyễn Thị Hương \(dahoi\.tonghop\)/ })
      .first()
      .getByRole('cell', { name: 'Chi bộ Khu phố Đa Hội', exact: true })
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'audit');
    await screenshot(page, 'audit');
  });

  it('switches to English and back', async () => {
    const language = page.getByRole('radiogroup', { name: 'Ngôn ngữ / Language' });
    await language.getByText('English').click();
    await page.getByRole('menuitem', { name: 'Units' }).waitFor();
    await page.getByRole('heading', { name: 'Audit log' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectNoSeriousA11yViolations(page, 'audit (English)');
    await screenshot(page, 'audit-en');
    await language.getByText('Tiếng Việt').click();
    await page.getByRole('menuitem', { name: 'Đơn vị' }).waitFor();
    expect(await page.locator('html').getAttribute('lang')).toBe('vi');
  });

  it('shows the profile page with the password form', async () => {
    await page.getByRole('menuitem', { name: 'Hồ sơ cá nhân' }).click();
    await page.getByText('Đỗ Minh Quang').first().waitFor();
    await expectNoSeriousA11yViolations(page, 'profile');
    await screenshot(page, 'profile');
  });
});
