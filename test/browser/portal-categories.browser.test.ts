import type { Page } from 'playwright-core';
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

/*
 * The demo editor manages the portal's categories in Chromium: adds one, which the public
 * navigation shows at once, renames it (also over someone else's rename), moves it up, picks it
 * in the article editor and deletes it. A category articles are filed under cannot be deleted.
 */
describe('portal categories in Chromium', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
    page = await newPage(chromium.browser);
    page.on('pageerror', (error) => pageErrors.push(error.message));
    await login(page, server.url, 'bientap');
  });
  afterAll(async () => {
    expect(pageErrors).toEqual([]);
    await chromium?.close();
    await server?.close();
  });

  const api = (path = '') => `${server.url}/api/v1/portal/categories${path}`;

  /** The names in the table, top to bottom. */
  const tableNames = () => page.locator('tbody tr.ant-table-row > td:first-child').allInnerTexts();

  /**
   * The public home page's category navigation, after "Trang chủ". Read by a new reader each
   * time: the home page may be kept for a minute (max-age=60) by a browser that saw it.
   */
  async function portalNav(): Promise<string[]> {
    const reader = await newPage(chromium.browser);
    await reader.goto(`${server.url}/`);
    const links = reader.getByRole('navigation', { name: 'Chuyên mục' }).getByRole('link');
    const names = (await links.allInnerTexts()).slice(1);
    await reader.context().close();
    return names;
  }

  async function categoryId(name: string): Promise<{ id: number; version: number }> {
    const { items } = (await (await page.request.get(api())).json()) as {
      items: { id: number; name: string; version: number }[];
    };
    const found = items.find((c) => c.name === name);
    if (!found) throw new Error(`no category ${name}`);
    return found;
  }

  const row = (name: string) =>
    page.getByRole('row').filter({ has: page.getByRole('cell', { name, exact: true }) });

  it('lists the demo categories in navigation order, with their public addresses', async () => {
    await page.getByRole('menuitem', { name: 'Chuyên mục', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Chuyên mục' }).waitFor();
    await expect
      .poll(tableNames)
      .toEqual(['Tin hoạt động', 'Xây dựng Đảng', 'Mặt trận - Đoàn thể']);
    expect(await portalNav()).toEqual(['Tin hoạt động', 'Xây dựng Đảng', 'Mặt trận - Đoàn thể']);
    const link = row('Tin hoạt động').getByRole('link', { name: /^\/chuyen-muc\/tin-hoat-dong / });
    expect(await link.getAttribute('href')).toBe('/chuyen-muc/tin-hoat-dong');
    expect(await link.getAttribute('target')).toBe('_blank');
    const filed = await server.db
      .selectFrom('portal_article_categories as ac')
      .innerJoin('portal_categories as c', 'c.id', 'ac.category_id')
      .select('c.name')
      .execute();
    const counts = await page.locator('tbody tr.ant-table-row > td:nth-child(3)').allInnerTexts();
    expect(counts).toEqual(
      (await tableNames()).map((name) => String(filed.filter((f) => f.name === name).length)),
    );
    expect(
      await row('Tin hoạt động')
        .getByRole('button', { name: 'Chuyển chuyên mục Tin hoạt động lên trên' })
        .isDisabled(),
    ).toBe(true);
    await expectNoSeriousA11yViolations(page, 'the categories page');
    await screenshot(page, 'categories-1-list');
  });

  it('adds a category, which the public navigation shows at once', async () => {
    await page.getByRole('button', { name: 'Thêm chuyên mục', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Thêm chuyên mục' });
    await dialog.getByText(/Để trống thì đường dẫn được tạo từ tên/).waitFor();
    await dialog.getByText(/không đổi được sau khi tạo/).waitFor();

    // A slug already in use is refused under its field.
    await dialog.getByLabel('Tên chuyên mục', { exact: true }).fill('Chuyên mục thử');
    await dialog.getByLabel('Đường dẫn (không bắt buộc)', { exact: true }).fill('tin-hoat-dong');
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await dialog.getByText('Đã có người dùng.', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the new category dialog');
    await screenshot(page, 'categories-2-new-taken');

    // Left empty, the slug is made from the name.
    await dialog.getByLabel('Đường dẫn (không bắt buộc)', { exact: true }).fill('');
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã thêm chuyên mục "Chuyên mục thử".').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await expect
      .poll(tableNames)
      .toEqual(['Tin hoạt động', 'Xây dựng Đảng', 'Mặt trận - Đoàn thể', 'Chuyên mục thử']);
    const link = row('Chuyên mục thử').getByRole('link', {
      name: /^\/chuyen-muc\/chuyen-muc-thu /,
    });
    expect(await link.getAttribute('href')).toBe('/chuyen-muc/chuyen-muc-thu');
    expect(await row('Chuyên mục thử').getByRole('cell').nth(2).innerText()).toBe('0');
    expect(await portalNav()).toEqual([
      'Tin hoạt động',
      'Xây dựng Đảng',
      'Mặt trận - Đoàn thể',
      'Chuyên mục thử',
    ]);
  });

  it('renames it, keeping its address', async () => {
    await row('Chuyên mục thử')
      .getByRole('button', { name: 'Đổi tên chuyên mục Chuyên mục thử', exact: true })
      .click();
    const dialog = page.getByRole('dialog', { name: 'Đổi tên chuyên mục "Chuyên mục thử"' });
    await dialog.getByText(/Địa chỉ công khai \/chuyen-muc\/chuyen-muc-thu giữ nguyên/).waitFor();
    await dialog.getByLabel('Tên chuyên mục', { exact: true }).fill('Chuyên mục thử nghiệm');
    await expectNoSeriousA11yViolations(page, 'the rename dialog');
    await screenshot(page, 'categories-3-rename');
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã đổi tên chuyên mục thành "Chuyên mục thử nghiệm".').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await row('Chuyên mục thử nghiệm')
      .getByRole('link', { name: /^\/chuyen-muc\/chuyen-muc-thu / })
      .waitFor();
    expect(await portalNav()).toContain('Chuyên mục thử nghiệm');
  });

  it('keeps the typed name when someone else renamed it meanwhile, and saves it next', async () => {
    await row('Chuyên mục thử nghiệm')
      .getByRole('button', { name: 'Đổi tên chuyên mục Chuyên mục thử nghiệm', exact: true })
      .click();
    const { id, version } = await categoryId('Chuyên mục thử nghiệm');
    const other = await page.request.patch(api(`/${id}`), {
      data: { version, name: 'Tên của người khác' },
    });
    expect(other.status()).toBe(200);

    const dialog = page.getByRole('dialog', { name: /^Đổi tên chuyên mục/ });
    const name = dialog.getByLabel('Tên chuyên mục', { exact: true });
    await name.fill('Chuyên mục thử lại');
    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText(/đã được người khác thay đổi sau khi bạn mở/).waitFor();
    // The list reloaded underneath; the dialog stays with what was typed.
    await row('Tên của người khác').waitFor();
    await page.getByRole('dialog', { name: 'Đổi tên chuyên mục "Tên của người khác"' }).waitFor();
    expect(await name.inputValue()).toBe('Chuyên mục thử lại');
    await screenshot(page, 'categories-4-rename-conflict');

    await dialog.getByRole('button', { name: 'Lưu', exact: true }).click();
    await page.getByText('Đã đổi tên chuyên mục thành "Chuyên mục thử lại".').waitFor();
    await dialog.waitFor({ state: 'hidden' });
    await row('Chuyên mục thử lại').waitFor();
  });

  it('moves it up, in the table and on the portal', async () => {
    await row('Chuyên mục thử lại')
      .getByRole('button', { name: 'Chuyển chuyên mục Chuyên mục thử lại lên trên' })
      .click();
    await page.getByText('Chuyên mục "Chuyên mục thử lại" giờ ở vị trí 3.').waitFor();
    const order = ['Tin hoạt động', 'Xây dựng Đảng', 'Chuyên mục thử lại', 'Mặt trận - Đoàn thể'];
    await expect.poll(tableNames).toEqual(order);
    expect(await portalNav()).toEqual(order);
    await page.reload();
    await expect.poll(tableNames).toEqual(order);
  });

  it('offers it in the article editor', async () => {
    await page.goto(`${server.url}/app/portal/articles/new`);
    const picker = page.getByLabel('Chuyên mục', { exact: true });
    await picker.click();
    await picker.fill('thử lại');
    await picker.press('Enter');
    await picker.blur();
    await page
      .locator('.ant-select')
      .filter({ has: picker })
      .locator('.ant-select-selection-item')
      .filter({ hasText: 'Chuyên mục thử lại' })
      .waitFor();
    await page.goto(`${server.url}/app/portal/categories`);
    await row('Chuyên mục thử lại').waitFor();
  });

  it('deletes it after confirmation', async () => {
    await row('Chuyên mục thử lại')
      .getByRole('button', { name: 'Xóa chuyên mục Chuyên mục thử lại', exact: true })
      .click();
    const confirm = page
      .getByRole('tooltip')
      .filter({ hasText: 'Xóa chuyên mục "Chuyên mục thử lại"?' });
    await confirm.getByText('Địa chỉ /chuyen-muc/chuyen-muc-thu sẽ không còn mở được.').waitFor();
    await expectNoSeriousA11yViolations(page, 'the delete confirmation');
    await screenshot(page, 'categories-5-delete-confirm');
    await confirm.getByRole('button', { name: 'Xóa', exact: true }).click();
    await page.getByText('Đã xóa chuyên mục "Chuyên mục thử lại".').waitFor();
    await expect
      .poll(tableNames)
      .toEqual(['Tin hoạt động', 'Xây dựng Đảng', 'Mặt trận - Đoàn thể']);
    expect(await portalNav()).toEqual(['Tin hoạt động', 'Xây dựng Đảng', 'Mặt trận - Đoàn thể']);
  });

  it('refuses to delete a category articles are filed under, and says why', async () => {
    const button = row('Tin hoạt động').getByRole('button', {
      name: 'Xóa chuyên mục Tin hoạt động',
      exact: true,
    });
    expect(await button.isDisabled()).toBe(true);
    const count = await row('Tin hoạt động').getByRole('cell').nth(2).innerText();
    await button.hover({ force: true });
    await page
      .getByRole('tooltip')
      .getByText(`Không xóa được: còn ${count} bài viết thuộc chuyên mục này.`, { exact: false })
      .waitFor();
    await screenshot(page, 'categories-6-in-use');

    const { id } = await categoryId('Tin hoạt động');
    const refused = await page.request.delete(api(`/${id}`));
    expect(refused.status()).toBe(409);
    const body = (await refused.json()) as { error: { code: string; message: string } };
    expect(body.error.code).toBe('category_in_use');
    expect(body.error.message).toBe(
      `Không thể xóa chuyên mục "Tin hoạt động": còn ${count} bài viết thuộc chuyên mục này.`,
    );
    const english = await page.request.delete(api(`/${id}`), {
      headers: { 'Accept-Language': 'en' },
    });
    expect(((await english.json()) as { error: { message: string } }).error.message).toContain(
      'The category "Tin hoạt động" cannot be deleted',
    );
    await row('Tin hoạt động').waitFor();
  });

  it("shows the server's refusal when an article was filed under it after the list loaded", async () => {
    const created = await page.request.post(api(), { data: { name: 'Chuyên mục tạm' } });
    expect(created.status()).toBe(201);
    const { id } = (await created.json()) as { id: number };
    await page.reload();
    await row('Chuyên mục tạm').waitFor();
    // Someone else files a draft under it; this page still shows no articles.
    const article = await page.request.post(`${server.url}/api/v1/portal/articles`, {
      data: {
        title: 'Bài nháp xếp vào chuyên mục tạm',
        bodyHtml: '<p>Nháp.</p>',
        categoryIds: [id],
      },
    });
    expect(article.status()).toBe(201);
    await row('Chuyên mục tạm')
      .getByRole('button', { name: 'Xóa chuyên mục Chuyên mục tạm', exact: true })
      .click();
    await page
      .getByRole('tooltip')
      .filter({ hasText: 'Xóa chuyên mục "Chuyên mục tạm"?' })
      .getByRole('button', { name: 'Xóa', exact: true })
      .click();
    await page
      .getByText('Không thể xóa chuyên mục "Chuyên mục tạm": còn 1 bài viết thuộc chuyên mục này.')
      .waitFor();
    // The list reloaded: the count shows, and the button explains instead.
    expect(await row('Chuyên mục tạm').getByRole('cell').nth(2).innerText()).toBe('1');
    expect(
      await row('Chuyên mục tạm')
        .getByRole('button', { name: 'Xóa chuyên mục Chuyên mục tạm', exact: true })
        .isDisabled(),
    ).toBe(true);
  });

  it('shows the page in English', async () => {
    // From a fresh page: the previous step's error toast lies over the language switch, and a
    // toast under the pointer never closes.
    await page.reload();
    await row('Chuyên mục tạm').waitFor();
    expect(await page.getByText(/^Không thể xóa chuyên mục/).count()).toBe(0);
    await page
      .getByRole('radiogroup', { name: 'Ngôn ngữ / Language' })
      .getByText('English')
      .click();
    await page.getByRole('heading', { level: 1, name: 'Categories' }).waitFor();
    await page.getByRole('menuitem', { name: 'Categories', exact: true }).waitFor();
    await page.getByRole('columnheader', { name: 'Public address', exact: true }).waitFor();
    await row('Xây dựng Đảng')
      .getByRole('button', { name: 'Move category Xây dựng Đảng up', exact: true })
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'the categories page in English');
    await screenshot(page, 'categories-7-list-en');

    await page.getByRole('button', { name: 'Add category', exact: true }).click();
    const dialog = page.getByRole('dialog', { name: 'Add category' });
    await dialog.getByText(/cannot be changed later/).waitFor();
    await dialog.getByRole('button', { name: 'Save', exact: true }).click();
    await dialog.getByText('Please enter the category name', { exact: true }).waitFor();
    await expectNoSeriousA11yViolations(page, 'the new category dialog in English');
    await screenshot(page, 'categories-8-new-en');
    await dialog.getByRole('button', { name: 'Cancel', exact: true }).click();
    await dialog.waitFor({ state: 'hidden' });

    await row('Tin hoạt động')
      .getByRole('button', { name: 'Delete category Tin hoạt động', exact: true })
      .hover({ force: true });
    await page
      .getByRole('tooltip')
      .getByText(/^Cannot be deleted while articles/)
      .waitFor();
  });
});
