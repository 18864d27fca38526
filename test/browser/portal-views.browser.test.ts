import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, startApp, type RunningApp, type RunningBrowser } from './harness.ts';

/*
 * Issue 11, item 9: a reader pressing F5 on an article saw the same view count, because the
 * page answered the browser's revalidation with 304 Not Modified. Reloading in Chromium must
 * show the count going up by the reader's own view, each time.
 */
describe('the view count of an article a reader reloads', () => {
  let server: RunningApp;
  let chromium: RunningBrowser;
  let article: string;

  beforeAll(async () => {
    [server, chromium] = await Promise.all([startApp(), launchBrowser()]);
    const row = await server.db
      .selectFrom('portal_articles')
      .select('slug')
      .where('state', '=', 'published')
      .orderBy('id')
      .executeTakeFirstOrThrow();
    article = `/bai-viet/${row.slug}`;
  });
  afterAll(async () => {
    await chromium?.close();
    await server?.close();
  });

  it('goes up on every reload (F5), the browser revalidating and getting the page again', async () => {
    // Headless Chromium says so in its User-Agent, and automated clients are not counted: this
    // reader's browser presents itself as the desktop Chrome it is.
    const context = await chromium.browser.newContext({
      userAgent:
        'Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36',
      locale: 'vi-VN',
    });
    const page = await context.newPage();
    const shown = async () => {
      const text = await page.getByText(/^Số lượt xem: [\d.]+$/).innerText();
      return Number(text.replace(/\D/g, ''));
    };
    const first = await page.goto(`${server.url}${article}`);
    expect(first?.status()).toBe(200);
    const before = await shown();
    const statuses: number[] = [];
    const validators: Promise<string | undefined>[] = [];
    page.on('response', (response) => {
      if (!response.url().endsWith(article)) return;
      statuses.push(response.status());
      // allHeaders: the validators the network stack added from its cache, as sent.
      validators.push(
        response
          .request()
          .allHeaders()
          .then((h) => h['if-none-match']),
      );
    });
    for (let i = 1; i <= 3; i++) {
      await page.reload();
      expect(await shown()).toBe(before + i);
    }
    // The browser did revalidate (it sent the page's ETag), and got the page, not a 304.
    const sent = await Promise.all(validators);
    expect(sent).toHaveLength(3);
    for (const v of sent) expect(v).toMatch(/^W\/"/);
    expect(statuses).toEqual([200, 200, 200]);
    await page.context().close();
  });
});
