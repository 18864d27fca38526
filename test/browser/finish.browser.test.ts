import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  screenshot,
  signedIn,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * The finish of issue 11 (its point 8), as a person sees it in Chromium: the maroon of the
 * sidebar on buttons and bars, the emblem and the committee in the header and the tab, names on
 * the chart's axis, one number format per language, icons on the editor's toolbar, a styled
 * cover upload, an audit log in words, and "Mở kỳ tiếp theo" only where it can succeed.
 */

const MAROON = 'rgb(122, 26, 26)';

describe('the workspace’s finish', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  const as = (username: string) => signedIn(chromium.browser, server, username);
  const css = (page: Page, selector: string, property: string) =>
    page
      .locator(selector)
      .first()
      .evaluate(
        (e, p) =>
          (
            globalThis as unknown as {
              getComputedStyle(e: unknown): { getPropertyValue(p: string): string };
            }
          )
            .getComputedStyle(e)
            .getPropertyValue(p),
        property,
      );

  it('shows the emblem and the committee in the header and the tab, and primary buttons in maroon', async () => {
    const page = await as('vanphong');
    const header = page.locator('header');
    await header.getByText('Thị ủy Từ Sơn').waitFor();
    expect(await header.locator('img[src="/favicon.svg"]').count()).toBe(1);
    const icon = await page.request.get(`${server.url}/favicon.ico`);
    expect([icon.status(), icon.headers()['content-type']]).toEqual([200, 'image/x-icon']);
    await page.getByRole('menuitem', { name: 'Kỳ báo cáo' }).click();
    const create = page.getByRole('button', { name: 'Mở kỳ báo cáo' });
    await create.waitFor();
    expect(await create.evaluate((e) => (e as unknown as { className: string }).className)).toMatch(
      /ant-btn-primary/,
    );
    expect(await css(page, '.ant-btn-primary', 'background-color')).toBe(MAROON);
    await page.context().close();
  });

  it('offers "Mở kỳ tiếp theo" only on the last period opened', async () => {
    const page = await as('vanphong');
    await page.goto(`${server.url}/app/periods`);
    await page.getByRole('cell', { name: 'Quý IV/2017' }).waitFor();
    const next = page.getByRole('button', { name: 'Mở kỳ tiếp theo' });
    expect(await next.count()).toBe(1);
    const row = page.getByRole('row').filter({ has: next });
    expect(await row.getByRole('cell', { name: 'Quý IV/2017' }).count()).toBe(1);
    await page.context().close();
  });

  it('names the indicators on the chart’s axis, bars in maroon, and writes 74,8% in the sentence', async () => {
    const page = await as('vanphong');
    await page.goto(`${server.url}/app/progress`);
    const chart = page.getByRole('img', { name: 'Biểu đồ: lũy kế so với chỉ tiêu' });
    await chart.locator('.recharts-bar-rectangle').first().waitFor();
    // The category axis's labels (the others are the percentages of the value axis).
    const ticks = (
      await chart.locator('text.recharts-cartesian-axis-tick-value').allTextContents()
    ).filter((label) => !label.endsWith('%'));
    expect(ticks.length).toBe(10);
    expect(ticks.join(' ')).toContain('Quỹ "Vì người nghèo"');
    expect(ticks.join(' ')).not.toMatch(/QUY_VNN|[A-Z]{2,}_[A-Z]+/);
    expect(await css(page, '.recharts-bar-rectangle path', 'fill')).toBe(MAROON);
    await page
      .getByTestId('progress-as-of')
      .getByText(/tiến độ kỳ vọng 74,8% chỉ tiêu năm/)
      .waitFor();
    await page.getByRole('cell', { name: '1.002,99' }).first().waitFor();
    await expectNoSeriousA11yViolations(page, 'progress (maroon chart)');
    await screenshot(page, 'finish-progress-vi');

    // In English: English numbers, in the sentence and in the table.
    await page.getByText('English', { exact: true }).click();
    await page
      .getByTestId('progress-as-of')
      .getByText(/expected progress 74\.8% of the annual target/)
      .waitFor();
    await page.getByRole('cell', { name: '1,002.99' }).first().waitFor();
    expect(await page.getByRole('cell', { name: '1.002,99' }).count()).toBe(0);
    await screenshot(page, 'finish-progress-en');
    await page.context().close();
  });

  it('gives the editor a toolbar of icons with spoken names and a styled cover upload', async () => {
    const page = await as('bientap');
    await page.goto(`${server.url}/app/portal/articles`);
    await page.getByRole('button', { name: 'Viết bài mới' }).click();
    const toolbar = page.getByRole('toolbar', { name: 'Định dạng nội dung' });
    await toolbar.waitFor();
    const names = await toolbar.getByRole('button').evaluateAll((buttons) =>
      buttons.map((b) => {
        const button = b as unknown as {
          getAttribute(n: string): string | null;
          textContent: string | null;
          querySelector(s: string): unknown;
        };
        return [
          button.getAttribute('aria-label'),
          button.textContent?.trim(),
          !!button.querySelector('svg'),
        ];
      }),
    );
    expect(names).toEqual(
      [
        'Đậm',
        'Nghiêng',
        'Tiêu đề mục',
        'Danh sách',
        'Danh sách số',
        'Trích dẫn',
        'Liên kết',
        'Hoàn tác',
        'Làm lại',
      ].map((name) => [name, '', true]),
    );
    // The cover: an antd button, no bare file input on screen.
    const choose = page.getByRole('button', { name: 'Chọn ảnh bìa…' });
    await choose.waitFor();
    expect(await page.locator('input[type="file"]:visible').count()).toBe(0);
    await page
      .getByLabel('Ảnh đại diện')
      .setInputFiles(path.join('test', 'fixtures', 'portal', 'cover.png'));
    await page.locator('img[src^="/anh/"]').first().waitFor();
    await page.getByRole('button', { name: 'Đổi ảnh bìa…' }).waitFor();
    await expectNoSeriousA11yViolations(page, 'article editor (toolbar, cover)');
    await screenshot(page, 'finish-editor');
    await page.context().close();
  });

  it('writes the audit log in words: the step, the field and its values', async () => {
    const page = await as('quantri');
    await page.goto(`${server.url}/app/audit`);
    await page.getByPlaceholder('Tìm theo nội dung…').fill('Ban Tổ chức Thị ủy – tiếp nhận');
    const row = page
      .getByRole('row')
      .filter({ hasText: 'Quý III/2017: Ban Tổ chức Thị ủy – tiếp nhận' });
    await row.waitFor();
    expect(await page.getByText('(accept)').count()).toBe(0);
    await row.getByRole('button').first().click();
    const details = page.locator('.ant-table-expanded-row').first();
    await details.getByRole('rowheader', { name: /Trạng thái/ }).waitFor();
    const text = await details.innerText();
    expect(text).toContain('Đã gửi');
    expect(text).toContain('Đã tiếp nhận');
    expect(text).not.toMatch(/\bstate\b|submitted|accepted/);
    await expectNoSeriousA11yViolations(page, 'audit log with details');
    await screenshot(page, 'finish-audit');
    await page.context().close();
  });
});
