import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importArticles } from '../../src/cli/import-articles.ts';
import { portalRuntime } from '../../src/portal/runtime.ts';
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

const repoRoot = path.resolve(import.meta.dirname, '..', '..');
const seed = path.resolve(repoRoot, '..', 'shared', 'seed', '000_c2063abe4efdaed2.txt');
const SEED_PATH = '/bai-viet/thi-uy-tu-son-giao-ban-khoi-dang-doan-the-quy-iii-2017';

describe('public portal in Chromium', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let page: Page;

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
    // `giaoban import-articles ../shared/seed/000_c2063abe4efdaed2.txt`, in-process.
    const summary = await importArticles(server.db, [seed]);
    expect(summary.failed).toEqual([]);
    portalRuntime(server.db).changed();
    page = await newPage(chromium.browser);
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('shows the imported seed article as the legacy portal did', async () => {
    await page.goto(`${server.url}${SEED_PATH}`);
    expect(await page.locator('h1').count()).toBe(1);
    expect(await page.locator('h1').innerText()).toBe(
      'Thị ủy Từ Sơn giao ban khối Đảng, đoàn thể Quý III/2017',
    );
    const meta = await page.locator('article .meta').innerText();
    expect(meta).toContain('12/10/2017 08:56');
    const count = Number(/Số lượt xem: ([\d.]+)/.exec(meta)?.[1]?.replace(/\./g, ''));
    expect(count).toBeGreaterThanOrEqual(551); // starts from the legacy count
    expect(count).toBeLessThanOrEqual(552); // headless Chromium is a bot to isbot: not counted
    const body = await page.locator('article .body').innerText();
    const paragraphs = fs
      .readFileSync(seed, 'utf8')
      .split(/\n\s*\n/)
      .map((p) => p.replace(/[\s\u00a0]+/g, ' ').trim())
      .filter((p) => p.length > 80);
    expect(paragraphs).toHaveLength(4);
    for (const p of paragraphs) expect(body.replace(/\s+/g, ' ')).toContain(p);
    expect(await page.locator('article .byline').innerText()).toBe('Thu Thủy - Xuân Khương');
    await screenshot(page, 'portal-article');
    await expectNoSeriousA11yViolations(page, 'article page');
  });

  it('finds it first when searching "thi uy tu son giao ban"', async () => {
    await page.goto(`${server.url}/`);
    await page.getByRole('searchbox', { name: 'Tìm kiếm' }).fill('thi uy tu son giao ban');
    await page.getByRole('button', { name: 'Tìm', exact: true }).click();
    await page.waitForURL(/\/tim-kiem\?q=/);
    const first = page.locator('ul.list a.title').first();
    expect(await first.getAttribute('href')).toBe(SEED_PATH);
    expect(await first.locator('mark').count()).toBeGreaterThan(3);
    await screenshot(page, 'portal-search');
    await expectNoSeriousA11yViolations(page, 'search page');
  });

  it('has no serious accessibility violation on any public page', async () => {
    for (const url of [
      '/',
      '/chuyen-muc/tin-hoat-dong',
      '/tim-kiem',
      '/tim-kiem?q=dong+ky&chuyen-muc=tin-hoat-dong',
      `${SEED_PATH}/ban-in`,
      '/khong-co-trang-nay',
      '/bai-viet/khong-co-bai-nay',
    ]) {
      await page.goto(`${server.url}${url}`);
      await expectNoSeriousA11yViolations(page, url);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto(`${server.url}${SEED_PATH}`);
    const overflow = await page.evaluate(() => {
      type Root = { scrollWidth: number; clientWidth: number };
      const root = (globalThis as unknown as { document: { documentElement: Root } }).document
        .documentElement;
      return root.scrollWidth > root.clientWidth;
    });
    expect(overflow).toBe(false);
    await screenshot(page, 'portal-article-phone');
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('lets the editor write, publish and see an article on the portal', async () => {
    const editor = await newPage(chromium.browser);
    await login(editor, server.url, 'bientap');
    await editor.goto(`${server.url}/app/portal/articles`);
    await editor.getByRole('button', { name: 'Viết bài mới' }).click();
    await editor.getByLabel('Tiêu đề', { exact: true }).fill('Thử nghiệm đăng bài từ trình duyệt');
    await editor.getByRole('textbox', { name: 'Nội dung' }).click();
    await editor.keyboard.type('Đoạn văn đầu tiên của bài thử.');
    await editor.getByRole('button', { name: 'Tạo bản nháp' }).click();
    // The draft is stored and opens at its own address; readers cannot see it yet.
    await editor.getByText('Trạng thái: Bản nháp · Lượt xem: 0').waitFor();
    expect(editor.url()).toMatch(/\/app\/portal\/articles\/\d+$/);
    // (A reader of their own, so this page's answer is in no cache the later reads use.)
    const early = await newPage(chromium.browser);
    const draft = await early.goto(`${server.url}/bai-viet/thu-nghiem-dang-bai-tu-trinh-duyet`);
    expect(draft?.status()).toBe(404);
    await early.context().close();
    await editor.getByRole('button', { name: 'Đăng ngay' }).click();
    await editor.getByText('Đã thực hiện: Đăng ngay.').waitFor();
    await editor.getByText('Trạng thái: Đã đăng · Lượt xem: 0').waitFor();
    await expectNoSeriousA11yViolations(editor, 'article editor');
    const published = await page.goto(`${server.url}/bai-viet/thu-nghiem-dang-bai-tu-trinh-duyet`);
    expect(published?.status()).toBe(200);
    expect(await page.locator('h1').innerText()).toBe('Thử nghiệm đăng bài từ trình duyệt');
    expect(await page.locator('article .body').innerText()).toContain(
      'Đoạn văn đầu tiên của bài thử.',
    );
    // The home page lists it, for a reader who has not seen the page before (it may be kept
    // for a minute by a browser that has).
    const reader = await newPage(chromium.browser);
    await reader.goto(`${server.url}/`);
    await reader
      .getByRole('link', { name: 'Thử nghiệm đăng bài từ trình duyệt' })
      .first()
      .waitFor();
    await reader.context().close();
    await editor.context().close();
  });
});
