import { describe, expect, it } from 'vitest';
import { BROWSER_UA } from './helpers.ts';
import { DEMO_SLUG, DEMO_VIEWS, startServeProcess } from './serve-process.ts';

describe.each(['SIGTERM', 'SIGINT'] as const)('the server on %s', (signal) => {
  it('writes the buffered view counts before it exits', { timeout: 90_000 }, async () => {
    const server = await startServeProcess();
    try {
      const url = `${server.base}/bai-viet/${DEMO_SLUG}`;
      for (let i = 0; i < 9; i++) {
        const r = await fetch(url, { headers: { 'user-agent': BROWSER_UA } });
        expect(r.status).toBe(200);
      }
      expect(await server.stop(signal)).toBe(0);
      // Flush interval of 10 minutes: only the shutdown wrote them.
      expect(await server.storedViews(DEMO_SLUG)).toBe(DEMO_VIEWS + 9);
    } finally {
      server.cleanUp();
    }
  });
});
