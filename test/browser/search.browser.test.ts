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
 * The workspace search from the header's box, by keyboard, and the Quý III meeting's article:
 * an editor drafts it from the articles list (the meeting's page is not hers to open) and
 * publishes it; the chair's meeting page, and the invited unit's, then link to it.
 */

describe('workspace search and the meeting article in Chromium', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let chair: Page;

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
    chair = await signedIn(chromium.browser, server, 'chutri');
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('finds the Đồng Kỵ directive of the Quý III conclusion from the header box', async () => {
    const box = chair.getByRole('searchbox', { name: 'Tìm trong trang làm việc' });
    await box.focus();
    await chair.keyboard.type('ket luan dong ky');
    await chair.keyboard.press('Enter');
    await chair.waitForURL(/\/app\/search\?q=ket%20luan%20dong%20ky$/);
    const results = chair.getByRole('region', { name: 'Kết quả tìm kiếm' });
    const first = results.getByRole('listitem').first();
    await first.waitFor();
    expect(await first.locator('.ant-tag').innerText()).toBe('Kết luận');
    expect(await first.getByRole('heading').innerText()).toBe(
      'Kết luận: Hội nghị giao ban khối Đảng, đoàn thể Quý III/2017',
    );
    const snippet = first.locator('.search-result-snippet');
    expect(await snippet.innerText()).toContain('phường Đồng Kỵ, bàn giao mặt bằng');
    expect(await snippet.locator('mark').allInnerTexts()).toEqual(
      expect.arrayContaining(['Đồng', 'Kỵ']),
    );
    expect(await chair.getByRole('status').innerText()).toMatch(/^\d+ kết quả$/);
    expect(await box.inputValue()).toBe('ket luan dong ky');
    await screenshot(chair, 'search-results');
    await expectNoSeriousA11yViolations(chair, 'search results');
    // The result opens by keyboard, on the meeting's conclusion.
    await first.getByRole('link').focus();
    await chair.keyboard.press('Enter');
    await chair.waitForURL(/\/app\/meetings\/\d+\?tab=conclusion$/);
    await chair.getByRole('tab', { name: 'Kết luận', selected: true }).waitFor();
  });

  it('lets an editor draft and publish the meeting article, then the meeting page links to it', async () => {
    const editor = await signedIn(chromium.browser, server, 'bientap');
    await editor.goto(`${server.url}/app/portal/articles`);
    await editor.getByRole('button', { name: 'Soạn từ hội nghị' }).click();
    const dialog = editor.getByRole('dialog', { name: 'Soạn bài viết từ hội nghị đã kết luận' });
    await dialog
      .getByRole('button', {
        name: 'Soạn bài viết về Hội nghị giao ban khối Đảng, đoàn thể Quý III/2017',
      })
      .click();
    await editor.waitForURL(/\/app\/portal\/articles\/\d+$/);
    await editor.getByText('Trạng thái: Bản nháp · Lượt xem: 0').waitFor();
    expect(await editor.getByLabel('Tiêu đề', { exact: true }).inputValue()).toBe(
      'Hội nghị giao ban khối Đảng, đoàn thể Quý III/2017',
    );
    const body = editor.getByRole('textbox', { name: 'Nội dung' });
    expect(await body.innerText()).toContain('Chỉ đạo của hội nghị');
    expect(await body.innerText()).toContain('Đảng ủy phường Đồng Kỵ');
    await screenshot(editor, 'meeting-article-draft');
    await editor.getByRole('button', { name: 'Đăng ngay' }).click();
    await editor.getByText('Đã thực hiện: Đăng ngay.').waitFor();
    await editor.getByText('Trạng thái: Đã đăng · Lượt xem: 0').waitFor();

    await chair.goto(`${server.url}/app/meetings/1`);
    const link = chair.getByRole('link', { name: 'Xem bài viết' });
    await link.waitFor();
    const href = await link.getAttribute('href');
    expect(href).toMatch(/^\/bai-viet\/hoi-nghi-giao-ban-khoi-dang-doan-the-quy-iii-2017/);
    await screenshot(chair, 'meeting-article-link');
    await expectNoSeriousA11yViolations(chair, 'meeting page with its article');
    // The invited unit's view of the meeting links to it too.
    const reporter = await signedIn(chromium.browser, server, 'phunu.tonghop');
    await reporter.goto(`${server.url}/app/meetings/1`);
    const theirs = reporter.getByRole('link', { name: 'Xem bài viết' });
    await theirs.waitFor();
    expect(await theirs.getAttribute('href')).toBe(href);
    await expectNoSeriousA11yViolations(reporter, "the invited unit's meeting view");
    const published = await chair.goto(`${server.url}${href}`);
    expect(published?.status()).toBe(200);
    expect(await chair.locator('h1').innerText()).toBe(
      'Hội nghị giao ban khối Đảng, đoàn thể Quý III/2017',
    );
  });
});
