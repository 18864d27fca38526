import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import type { FastifyInstance } from 'fastify';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterEach, expect } from 'vitest';
import { WEB_DIR, buildApp } from '../../src/app.ts';
import { readConfig } from '../../src/config.ts';
import { systemClock, type Clock } from '../../src/clock.ts';
import { migrateToLatest, openPostgres, openSqlite, type Database } from '../../src/db/database.ts';
import { DEMO_PASSWORD, loadDemo } from '../../src/demo/demo.ts';
import { demoClock } from '../../src/demo/demo-clock.ts';
import { loginCookie } from '../../src/test-support/factories.ts';
import { databaseUrl, onServer, uniqueDatabaseName } from '../../src/test-support/templates.ts';

/*
 * Browser tests drive the real app: a fresh SQLite file with the demo data, served on a free
 * loopback port, and Debian's Chromium through playwright-core.
 */

export interface RunningApp {
  url: string;
  app: FastifyInstance;
  db: Database;
  dataDir: string;
  close(): Promise<void>;
}

/**
 * Starts the app on 127.0.0.1 with a new SQLite database holding the demo. With `demoCalendar`
 * the app runs on the demo's calendar, as `giaoban serve` does (src/demo/demo-clock.ts); else
 * on the system clock.
 */
export async function startApp(options: { demoCalendar?: boolean } = {}): Promise<RunningApp> {
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error(
      'The workspace is not built: run `npm run build:web` (npm run test:browser does).',
    );
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-browser-'));
  const config = {
    ...readConfig({}),
    dataDir,
    sqliteFile: path.join(dataDir, 'giaoban.sqlite'),
    logLevel: 'silent',
    loginRateLimitPerMinute: 10_000,
  };
  const db = openSqlite(config.sqliteFile);
  await migrateToLatest(db);
  const clock = options.demoCalendar ? demoClock(systemClock()) : systemClock;
  await loadDemo(db, clock);
  const running = await serve(db, config, dataDir, clock);
  return {
    ...running,
    async close() {
      await running.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Serves an app on 127.0.0.1 over an open database; closing it closes the database. */
async function serve(
  db: Database,
  config: ReturnType<typeof readConfig>,
  dataDir: string,
  clock?: Clock,
) {
  const app = await buildApp({ config, db, logger: false, clock });
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  if (!address || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    app,
    db,
    dataDir,
    async close() {
      await app.close();
      await db.destroy();
    },
  };
}

/**
 * Two instances of the app on one new PostgreSQL database holding the demo, each with its own
 * connection pool and live bus (LISTEN/NOTIFY), as two servers behind a load balancer would
 * be. Needs a PostgreSQL server: TEST_DATABASE_URL (CI starts one). The database is dropped
 * on close. `clock`: the apps' clock (a moment of the demo's year, still ticking).
 */
export async function startTwoInstancesOnPostgres(clock?: Clock): Promise<{
  first: RunningApp;
  second: RunningApp;
  close(): Promise<void>;
}> {
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (!serverUrl) {
    throw new Error(
      'Two app instances on one PostgreSQL need a server: set TEST_DATABASE_URL (postgres://…).',
    );
  }
  if (!fs.existsSync(path.join(WEB_DIR, 'index.html'))) {
    throw new Error('The workspace is not built: run `npm run build:web`.');
  }
  const name = uniqueDatabaseName('giaoban_browser');
  await onServer(serverUrl, `CREATE DATABASE ${name}`);
  const url = databaseUrl(serverUrl, name);
  const setup = openPostgres(url, 2);
  try {
    await migrateToLatest(setup);
    await loadDemo(setup);
  } finally {
    await setup.destroy();
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-browser-'));
  const config = {
    ...readConfig({}),
    dataDir,
    databaseUrl: url,
    logLevel: 'silent',
    loginRateLimitPerMinute: 10_000,
  };
  const first = await serve(openPostgres(url, 5), config, dataDir, clock);
  const second = await serve(openPostgres(url, 5), config, dataDir, clock);
  return {
    first,
    second,
    async close() {
      await Promise.allSettled([first.close(), second.close()]);
      await onServer(serverUrl, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface RunningBrowser {
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Launches headless Chromium with no background network traffic. Playwright gives every launch
 * a fresh, empty profile folder of its own (it refuses a --user-data-dir argument).
 */
export async function launchBrowser(): Promise<RunningBrowser> {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
  return {
    browser,
    async close() {
      await browser.close();
    },
  };
}

/** Content-Security-Policy violations Chromium reported on pages since the last test ended. */
const cspViolations: string[] = [];

// Every browser test checks that no page it visited broke the Content-Security-Policy: a
// violation is a script or style the app itself meant to run and the browser refused.
afterEach(() => {
  const found = cspViolations.splice(0);
  if (found.length > 0) {
    throw new Error(`Content-Security-Policy violations:\n${found.join('\n')}`);
  }
});

/** Keeps the violations a page reports, unless a test provoked them on purpose. */
function watchCsp(page: Page): void {
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && text.includes('Content Security Policy')) {
      if (!expectedViolations.has(page)) cspViolations.push(`${page.url()}: ${text}`);
    }
  });
}

const expectedViolations = new WeakSet<Page>();

/** Marks a page whose test provokes a CSP violation on purpose (to show the policy holds). */
export function expectCspViolations(page: Page): void {
  expectedViolations.add(page);
}

/** A new page in its own context (own cookies and storage), 1280×900, Vietnamese. */
export async function newPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({
    viewport: { width: 1280, height: 900 },
    locale: 'vi-VN',
    timezoneId: 'Asia/Ho_Chi_Minh',
  });
  const page = await context.newPage();
  watchCsp(page);
  return page;
}

/** Signs in through the login page and waits for the workspace. */
export async function login(
  page: Page,
  baseUrl: string,
  username: string,
  password = DEMO_PASSWORD,
) {
  await page.goto(`${baseUrl}/app/login`);
  await page.getByLabel('Tên đăng nhập').fill(username);
  await page.getByLabel('Mật khẩu').fill(password);
  await page.getByRole('button', { name: 'Đăng nhập' }).click();
  await page.getByRole('button', { name: 'Đăng xuất' }).waitFor();
}

/**
 * Waits until nothing on the page is moving: colours measured mid-transition (a dialog zooming
 * in, a button fading in) are not what a reader sees. That is: no finite animation or transition
 * running (a spinner's endless one does not count), and no element that can be seen in one of
 * antd's motion phases (`ant-zoom-appear`, `ant-fade-leave` …), which come before the animation
 * starts. An element of no size is not seen: a button's loading icon whose leave motion starts
 * at width 0 has no transition to end and keeps its `-leave` class for good.
 */
export async function animationsDone(page: Page): Promise<void> {
  // Polled through page.evaluate: waitForFunction with a string evaluates it inside the page,
  // which the app's Content-Security-Policy (no 'unsafe-eval') rightly refuses.
  const settled = `
    document.getAnimations().every(
      (a) => a.playState !== 'running' || a.effect?.getComputedTiming().endTime === Infinity,
    ) && ![...document.querySelectorAll('[class*="-appear"], [class*="-enter"], [class*="-leave"]')]
      .some((e) => {
        const box = e.getBoundingClientRect();
        return box.width > 0 && box.height > 0;
      })
  `;
  const deadline = Date.now() + 30_000;
  while (!(await page.evaluate(settled))) {
    if (Date.now() > deadline) {
      const moving = await page.evaluate(`
        [...document.querySelectorAll('[class*="-appear"], [class*="-enter"], [class*="-leave"]')]
          .map((e) => { const b = e.getBoundingClientRect(); return e.className + ' (' + b.width + '×' + b.height + ')'; }).concat(document.getAnimations()
            .filter((a) => a.playState === 'running' && a.effect?.getComputedTiming().endTime !== Infinity)
            .map((a) => 'animation ' + (a.animationName ?? a.transitionProperty ?? '') + ' on ' + (a.effect?.target?.className ?? '')))
          .join('; ')
      `);
      throw new Error(`the page was still animating after 30 s: ${String(moving)}`);
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Runs axe-core on the page and fails on any serious or critical violation, naming them. */
export async function expectNoSeriousA11yViolations(page: Page, what = page.url()): Promise<void> {
  await animationsDone(page);
  const results = await new AxeBuilder({ page }).analyze();
  const serious = results.violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  if (serious.length > 0) {
    const details = serious
      .map(
        (v) =>
          `${v.impact} ${v.id}: ${v.help}\n  ${v.nodes
            .map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`)
            .slice(0, 5)
            .join('\n  ')}`,
      )
      .join('\n');
    throw new Error(`Accessibility violations on ${what}:\n${details}`);
  }
}

/** Saves a screenshot under test-results/ when SCREENSHOTS=1, for a person to look at. */
export async function screenshot(page: Page, name: string): Promise<void> {
  if (process.env.SCREENSHOTS !== '1') return;
  fs.mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: path.join('test-results', `${name}.png`), fullPage: true });
}

/** A demo report by its period's name and its unit's short name ("Quý III/2017", "Hội LHPN"). */
export async function demoReport(server: RunningApp, periodName: string, unitShortName: string) {
  const row = await server.db
    .selectFrom('unit_reports')
    .innerJoin('report_periods', 'report_periods.id', 'unit_reports.period_id')
    .innerJoin('units', 'units.id', 'unit_reports.unit_id')
    .select(['unit_reports.id', 'report_periods.id as periodId'])
    .where('report_periods.name', '=', periodName)
    .where('units.short_name', '=', unitShortName)
    .executeTakeFirstOrThrow();
  return { id: row.id, periodId: row.periodId, url: `${server.url}/app/reports/${row.id}` };
}

/**
 * A clock that runs from `at` on, as the system clock does: the app "lives" in the demo's
 * year while timers still move.
 */
export function runningClockFrom(at: string): Clock {
  const shift = Date.now() - Date.parse(at);
  return () => new Date(Date.now() - shift).toISOString();
}

/** A new page signed in as a demo account. */
export async function signedIn(browser: Browser, server: RunningApp, username: string) {
  const page = await newPage(browser);
  await login(page, server.url, username);
  return page;
}

/** A signed-in caller of an app's API (what a person does outside a test's pages). */
export async function apiAs(app: FastifyInstance, username: string) {
  const cookie = await loginCookie(app, username, DEMO_PASSWORD);
  return async <T>(method: 'GET' | 'POST' | 'PUT', url: string, payload?: object): Promise<T> => {
    const response = await app.inject({
      method,
      url: `/api/v1${url}`,
      headers: { cookie, 'sec-fetch-site': 'same-origin' },
      ...(payload && { payload }),
    });
    if (response.statusCode >= 300) {
      throw new Error(`${method} ${url} as ${username}: ${response.statusCode} ${response.body}`);
    }
    return response.json<T>();
  };
}

/** Takes a report's workflow step from its header, confirming a send with gaps. */
export async function reportStep(page: Page, button: string, state: string): Promise<void> {
  await page.getByRole('button', { name: button }).click();
  const confirm = page.getByRole('dialog').filter({ hasText: 'Gửi báo cáo khi còn thiếu?' });
  await confirm.getByRole('button', { name: 'Vẫn gửi' }).click();
  await expect
    .poll(() => page.locator('.ant-tag').filter({ hasText: state }).count())
    .toBeGreaterThan(0);
}
