import { expect, it } from 'vitest';
import { findArticle } from '../../src/portal/articles.repository.ts';
import { portalRuntime } from '../../src/portal/runtime.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';
import { buildTestApp } from '../../src/test-support/factories.ts';
import { api, editorCookie, publishedArticle } from './helpers.ts';

describeEachEngine('flushing the view buffer', (db) => {
  it('writes, after a flush already under way, the views recorded meanwhile', async () => {
    const app = await buildTestApp(db());
    try {
      const call = api(app, await editorCookie(app, db()));
      const article = await publishedArticle(call, { title: 'Hai lần ghi lượt xem' });
      const rt = portalRuntime(db());
      const before = Number((await findArticle(db(), article.id))!.views);
      for (let i = 0; i < 5; i++) rt.views.record(article.id);
      const first = rt.flushViews(); // under way: the job's flush, say
      for (let i = 0; i < 3; i++) rt.views.record(article.id);
      const second = rt.flushViews(); // the shutdown's
      const [a, b] = await Promise.all([first, second]);
      expect(a + b).toBe(8);
      expect(Number((await findArticle(db(), article.id))!.views)).toBe(before + 8);
      expect(rt.views.size).toBe(0);
    } finally {
      await app.close();
    }
  });
});
