import net from 'node:net';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { postgresUrlOf } from '../../src/db/database.ts';
import type { Agenda } from '../../src/meetings/meetings.schema.ts';
import { createTestDatabase, type TestDatabase } from '../../src/test-support/engines.ts';
import { TEST_PASSWORD, buildAccount } from '../../src/test-support/factories.ts';
import { buildRunningMeeting, type RunningMeeting } from '../../src/test-support/live-meeting.ts';
import { startServerProcess, type ServerProcess } from '../processes.ts';
import {
  expectNoSeriousA11yViolations,
  launchBrowser,
  login,
  screenshot,
  type RunningBrowser,
} from './harness.ts';

/*
 * The projector page in Chromium, served by instance B, while the secretary moves to the next
 * speaker on instance A (two app processes on one PostgreSQL): the page follows within a
 * second, with no reload. Then the network between the browser and B drops (a proxy in
 * between cuts every connection and refuses new ones): the page says it lost the connection,
 * and once the network is back it shows the speaker chosen meanwhile. Someone who may not
 * read the meeting is told so.
 */

/** A TCP proxy to `port` that can cut its connections and refuse new ones until healed. */
async function startProxy(port: number) {
  const sockets = new Set<net.Socket>();
  let refusing = false;
  const server = net.createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = net.connect(port, '127.0.0.1');
    client.pipe(upstream).pipe(client);
    for (const s of [client, upstream]) {
      sockets.add(s);
      s.on('close', () => sockets.delete(s));
      s.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address() as net.AddressInfo;
  return {
    base: `http://127.0.0.1:${address.port}`,
    cut() {
      refusing = true;
      for (const s of sockets) s.destroy();
    },
    heal() {
      refusing = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

const url = process.env.TEST_DATABASE_URL;

describe.runIf(url)('projector page on a second instance [postgres (server)]', () => {
  let handle: TestDatabase;
  let meeting: RunningMeeting;
  let a: ServerProcess;
  let b: ServerProcess;
  let proxy: Awaited<ReturnType<typeof startProxy>>;
  let browser: RunningBrowser;
  let secretary: string;

  /** The secretary's "next speaker" on instance A. */
  const next = async () => {
    const response = await fetch(`${a.base}/api/v1/meetings/${meeting.meetingId}/speaker`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', cookie: secretary },
      body: JSON.stringify({ action: 'next' }),
    });
    expect(response.status).toBe(200);
    return (await response.json()) as Agenda;
  };
  const speakerShown = (page: Page, name: string) =>
    page.getByTestId('projector-speaker').filter({ hasText: name }).waitFor();

  beforeAll(async () => {
    handle = await createTestDatabase('postgres');
    meeting = await buildRunningMeeting(handle.db, { items: 5, readers: 1 });
    const env = {
      DATABASE_URL: postgresUrlOf(handle.db)!,
      GIAOBAN_DEMO: '0',
      LOGIN_RATE_LIMIT_PER_MINUTE: '1000',
    };
    [a, b] = await Promise.all([startServerProcess(env), startServerProcess(env)]);
    proxy = await startProxy(Number(new URL(b.base).port));
    browser = await launchBrowser();
    const signIn = await fetch(`${a.base}/api/v1/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username: meeting.secretary, password: TEST_PASSWORD }),
    });
    secretary = signIn.headers.getSetCookie()[0]!.split(';')[0]!;
  });
  afterAll(async () => {
    await browser?.close();
    await proxy?.close();
    await Promise.all([a?.stop(), b?.stop()]);
    await handle?.close();
  });

  it("follows A's next speaker within a second, and comes back after a network drop", async () => {
    const context = await browser.browser.newContext({
      viewport: { width: 1920, height: 1080 },
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
    });
    const page = await context.newPage();
    await login(page, proxy.base, meeting.readers[0]!, TEST_PASSWORD);
    await page.goto(`${proxy.base}/app/meetings/${meeting.meetingId}/projector`);
    await speakerShown(page, 'Người phát biểu 1');
    expect(await page.getByTestId('projector-next').getByRole('listitem').count()).toBe(2);
    expect(await page.getByTestId('projector-offline').count()).toBe(0);
    await expectNoSeriousA11yViolations(page, 'projector page');
    await screenshot(page, 'projector');

    // It follows with no reload (how fast: `npm run bench -- meetings-live`).
    await next();
    await speakerShown(page, 'Người phát biểu 2');

    // The network drops: the page says so, and keeps the last state on screen.
    proxy.cut();
    await page.getByTestId('projector-offline').waitFor();
    expect(await page.getByTestId('projector-offline').textContent()).toBe(
      'Mất kết nối — đang nối lại',
    );
    await next();
    proxy.heal();
    // Back by itself (EventSource's retry), with the speaker chosen while it was away.
    await speakerShown(page, 'Người phát biểu 3');
    await page.getByTestId('projector-offline').waitFor({ state: 'detached' });
    await context.close();
  });

  it('tells someone who may not read the meeting so, instead of reconnecting for ever', async () => {
    const stranger = await buildAccount(handle.db, { roles: [] });
    const context = await browser.browser.newContext({ locale: 'vi-VN' });
    const page = await context.newPage();
    await login(page, b.base, stranger.username, TEST_PASSWORD);
    await page.goto(`${b.base}/app/meetings/${meeting.meetingId}/projector`);
    await page.getByText('Không mở được màn hình hội nghị:').waitFor();
    await page.getByRole('button', { name: 'Thử lại' }).waitFor();
    await context.close();
  });
});
