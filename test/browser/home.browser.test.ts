import fs from 'node:fs';
import path from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  login,
  startApp,
  type RunningApp,
  type RunningBrowser,
} from './harness.ts';

/*
 * The home page ("Việc cần làm") of each role on the demo, at a desktop's 1366×900 and a
 * phone's 390×844: what it asks of the Hội LHPN reporter and of the secretariat, one click from
 * its page; no page wider than the screen; nothing over the page title; the menu in a drawer
 * on the phone. The screenshots are saved under test-results/home/ for a person to look at.
 */

const SIZES = [
  { name: 'desktop', width: 1366, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const ROLES = [
  'phunu.tonghop',
  'phunu.lanhdao',
  'dinhbang.lanhdao',
  'vanphong',
  'bientap',
  'quantri',
] as const;
const SHOTS = path.join('test-results', 'home');

async function pageAs(
  browser: Browser,
  url: string,
  username: string,
  size: { width: number; height: number },
) {
  const context = await browser.newContext({
    viewport: size,
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
    isMobile: size.width < 768,
    hasTouch: size.width < 768,
  });
  const page = await context.newPage();
  await login(page, url, username);
  return page;
}

/**
 * What a phone user would see go wrong: a page wider than the screen, a covered title. Passed
 * as a string: the tests are not compiled with the DOM's types.
 */
const LAYOUT_PROBLEMS = `(() => {
  const problems = [];
  const doc = document.documentElement;
  if (doc.scrollWidth > window.innerWidth)
    problems.push('page is ' + doc.scrollWidth + 'px wide on a ' + window.innerWidth + 'px screen');
  const title = document.querySelector('h1');
  if (!title) return [...problems, 'no title'];
  const box = title.getBoundingClientRect();
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  if (!hit || !title.contains(hit))
    problems.push('the title is covered by <' + hit?.tagName.toLowerCase() + ' class="' + hit?.className + '">');
  return problems;
})()`;
/** The little of the DOM the checks below use (the tests are compiled without the DOM's types). */
interface Dom {
  getComputedStyle(element: unknown): { color: string };
  document: {
    createRange(): {
      selectNodeContents(node: unknown): void;
      getClientRects(): Iterable<{ top: number }>;
    };
  };
}
const layoutProblems = (page: Page) => page.evaluate<string[]>(LAYOUT_PROBLEMS);

async function homeLoaded(page: Page) {
  await page.getByRole('heading', { level: 1, name: 'Việc cần làm' }).waitFor();
  await page.locator('.todo-card, .ant-empty').first().waitFor();
}

describe('the home page of each role', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;

  beforeAll(async () => {
    // On the demo's calendar, as `giaoban serve` runs it: Quý III 89 days overdue, not years.
    [server, chromium] = await Promise.all([startApp({ demoCalendar: true }), launchBrowser()]);
    fs.mkdirSync(SHOTS, { recursive: true });
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('shows the Hội LHPN reporter the overdue draft in red and the reminder, and opens the report', async () => {
    const page = await pageAs(chromium.browser, server.url, 'phunu.tonghop', SIZES[0]);
    await homeLoaded(page);
    const toWrite = page.locator('.todo-card').filter({ hasText: 'Báo cáo cần hoàn thành' });
    await toWrite.getByRole('heading', { name: 'Báo cáo cần hoàn thành (2)' }).waitFor();
    const q3 = toWrite.locator('.todo-item').filter({ hasText: 'Quý III/2017' });
    const overdue = q3.getByText('Hạn nộp 25/09/2017 · quá hạn 89 ngày');
    await overdue.waitFor();
    const color = await overdue.evaluate(
      (e: unknown) => (globalThis as unknown as Dom).getComputedStyle(e).color,
    );
    expect(color).toBe('rgb(179, 38, 30)');
    const reminder = page.locator('.todo-card').filter({ hasText: 'Nhắc nhở của Văn phòng' });
    await reminder.getByText(/Đã quá hạn nộp báo cáo Quý III năm 2017/).waitFor();
    await reminder.getByText(/Ngô Thị Hằng, 26\/09\/2017 14:30/).waitFor();
    await expectNoSeriousA11yViolations(page, 'home (reporter)');
    await q3
      .getByRole('link', { name: 'Quý III/2017 – Hội Liên hiệp Phụ nữ thị xã Từ Sơn' })
      .click();
    await page
      .getByRole('heading', { name: /Hội Liên hiệp Phụ nữ thị xã Từ Sơn: Quý III\/2017/ })
      .waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/app\/reports\/\d+$/);
    await page.context().close();
  });

  it("shows the head of Đình Bảng the demo's report awaiting approval, one click from it", async () => {
    const page = await pageAs(chromium.browser, server.url, 'dinhbang.lanhdao', SIZES[0]);
    await homeLoaded(page);
    const card = page.locator('.todo-card').filter({ hasText: 'Báo cáo chờ duyệt' });
    const item = card.locator('.todo-item').filter({ hasText: 'Quý III/2017' });
    await item.getByText('Hạn nộp 25/09/2017 · quá hạn 89 ngày').waitFor();
    await item.getByRole('link', { name: 'Quý III/2017 – Đảng ủy phường Đình Bảng' }).click();
    await page.getByRole('heading', { name: /Đảng ủy phường Đình Bảng: Quý III\/2017/ }).waitFor();
    await page.context().close();
  });

  it('shows the secretariat the board of each open period, and opens one', async () => {
    const page = await pageAs(chromium.browser, server.url, 'vanphong', SIZES[0]);
    await homeLoaded(page);
    const boards = page.locator('.todo-card').filter({ hasText: 'Tình hình nộp báo cáo' });
    const q3 = boards.locator('.todo-item').filter({ hasText: 'Quý III/2017' });
    await q3.getByText('Đã gửi 9/13 · nộp muộn', { exact: false }).waitFor();
    await q3.getByText('chưa gửi 4 · chờ tiếp nhận 1', { exact: false }).waitFor();
    // The Quý III briefing answered three proposals; Hội Nông dân's waits for an answer.
    await page
      .locator('.todo-card')
      .filter({ hasText: 'Kiến nghị chờ trả lời' })
      .getByText('Hội Nông dân thị xã Từ Sơn')
      .waitFor();
    await expectNoSeriousA11yViolations(page, 'home (secretariat)');
    await q3.getByRole('link', { name: 'Quý III/2017' }).click();
    await page.getByRole('heading', { level: 1, name: /Quý III\/2017/ }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/app\/periods\/\d+$/);
    await page.context().close();
  });

  for (const size of SIZES) {
    it(`fits a ${size.width}×${size.height} screen for every role, title uncovered`, async () => {
      for (const role of ROLES) {
        const page = await pageAs(chromium.browser, server.url, role, size);
        await homeLoaded(page);
        await expectNoSeriousA11yViolations(page, `home of ${role} at ${size.width}px`);
        await page.screenshot({
          path: path.join(SHOTS, `${role}-${size.name}.png`),
          fullPage: true,
        });
        expect(await layoutProblems(page), `${role} at ${size.width}px`).toEqual([]);
        await page.context().close();
      }
    });
  }

  it('opens the menu in a drawer on a phone, and the reports table scrolls inside the page', async () => {
    const page = await pageAs(chromium.browser, server.url, 'vanphong', SIZES[1]);
    await homeLoaded(page);
    // No side menu on a phone: the hamburger opens it.
    expect(await page.getByRole('menuitem', { name: 'Báo cáo đơn vị' }).count()).toBe(0);
    await page.getByRole('button', { name: 'Mở trình đơn' }).click();
    const reports = page.getByRole('menuitem', { name: 'Báo cáo đơn vị' });
    await reports.waitFor();
    await expectNoSeriousA11yViolations(page, 'menu drawer');
    await page.screenshot({ path: path.join(SHOTS, 'menu-phone.png') });
    await reports.click();
    await page.getByRole('heading', { level: 1, name: 'Báo cáo đơn vị' }).waitFor();
    const name = page.getByRole('cell', { name: 'Hội Liên hiệp Phụ nữ thị xã Từ Sơn' }).first();
    await name.waitFor();
    await expect.poll(() => page.getByRole('dialog').count()).toBe(0);
    await page.screenshot({ path: path.join(SHOTS, 'reports-phone.png'), fullPage: true });
    expect(await layoutProblems(page)).toEqual([]);
    // The unit's name stays on one line (the table scrolls sideways instead).
    const lines = await name.evaluate((cell: unknown) => {
      const range = (globalThis as unknown as Dom).document.createRange();
      range.selectNodeContents(cell);
      return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
    });
    expect(lines).toBe(1);
    await page.context().close();
  });
});
