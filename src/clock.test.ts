import { describe, expect, it } from 'vitest';
import { listAudit } from './audit/audit-log.service.ts';
import { fixedClock, nowOf } from './clock.ts';
import { createArticle, transitionArticle } from './portal/articles.service.ts';
import { describeEachEngine } from './test-support/engines.ts';
import { buildAccount, buildUnit, ctxFor } from './test-support/factories.ts';
import { createUnit } from './units/units.service.ts';

const BRIEFING = '2017-10-11T09:00:00+07:00';
const BRIEFING_UTC = '2017-10-11T02:00:00.000Z';

describe('clock', () => {
  it('a fixed clock always answers its instant, in UTC', () => {
    const clock = fixedClock(BRIEFING);
    expect(clock()).toBe(BRIEFING_UTC);
    expect(nowOf({ now: clock })).toBe(BRIEFING_UTC);
  });

  it('a context without a clock gets the system time', () => {
    const before = Date.now();
    const now = Date.parse(nowOf(null));
    expect(now).toBeGreaterThanOrEqual(before);
    expect(now).toBeLessThanOrEqual(Date.now());
  });
});

describeEachEngine('services on a fixed clock', (db) => {
  it('stamp the row and its audit entry with the clock’s time, not the system’s', async () => {
    const root = await buildUnit(db(), { kind: 'party_committee', name: 'Thị ủy Thử' });
    const admin = ctxFor(
      await buildAccount(db(), {
        roles: [
          { unitId: root.id, role: 'admin' },
          { unitId: root.id, role: 'editor' },
        ],
      }),
    );
    const asOf = { ...admin, now: fixedClock(BRIEFING) };

    const unit = await createUnit(db(), asOf, {
      parentId: root.id,
      kind: 'mass_organization',
      name: 'Hội Nông dân',
    });
    expect(unit.createdAt).toBe(BRIEFING_UTC);
    expect(unit.updatedAt).toBe(BRIEFING_UTC);

    const article = await createArticle(db(), asOf, {
      title: 'Giao ban Quý III/2017',
      bodyHtml: '<p>Nội dung</p>',
      byline: 'Thu Thủy',
    });
    expect(article.createdAt).toBe(BRIEFING_UTC);
    const published = await transitionArticle(db(), asOf, article.id, {
      version: article.version,
      action: 'publish',
    });
    expect(published.publishAt).toBe(BRIEFING_UTC);

    const log = await listAudit(db(), admin, { page: 1, pageSize: 50 });
    const stamped = log.items.filter((e) => e.entityType !== 'account');
    expect(stamped.map((e) => [e.entityType, e.at])).toEqual([
      ['portal_article', BRIEFING_UTC],
      ['portal_article', BRIEFING_UTC],
      ['unit', BRIEFING_UTC],
    ]);
  });
});
