import { beforeAll, expect, it } from 'vitest';
import { loadDemo } from '../../src/demo/demo.ts';
import * as migration from '../../src/db/migrations/2026-12-04-0004-search-entries.ts';
import { describeEachEngine } from '../../src/test-support/engines.ts';

/*
 * The migration that adds the workspace index fills it from the records already there: dropped
 * and run again over the demo, it writes the rows the features wrote while the demo was made.
 */

describeEachEngine('the workspace index backfill', (db) => {
  const rows = () =>
    db()
      .selectFrom('search_entries')
      .select(['kind', 'subject_id', 'parent_id', 'unit_id', 'title', 'body', 'at'])
      .orderBy('kind')
      .orderBy('subject_id')
      .execute();

  beforeAll(async () => {
    await loadDemo(db());
  });

  it('rebuilds the rows the features wrote, searchable', async () => {
    const written = await rows();
    expect(new Set(written.map((r) => r.kind))).toEqual(
      new Set(['report', 'proposal', 'minutes', 'conclusion']),
    );
    await db()
      .transaction()
      .execute(async (trx) => {
        await migration.down(trx);
        await migration.up(trx);
      });
    // A report's time is its last save when written live, its last change (a later sending or
    // acceptance) when filled by the migration.
    const timeless = (r: { kind: string; at: string }) =>
      r.kind === 'report' ? { ...r, at: '' } : r;
    expect((await rows()).map(timeless)).toEqual(written.map(timeless));
    const { searchWorkspace } = await import('../../src/search/search.service.ts');
    const root = await db()
      .selectFrom('units')
      .select('id')
      .where('parent_id', 'is', null)
      .executeTakeFirstOrThrow();
    const answer = await searchWorkspace(
      db(),
      {
        actor: { id: 1, username: 'x', fullName: 'x', roles: [{ unitId: root.id, role: 'chair' }] },
        requestId: null,
      },
      { q: 'ket luan dong ky' },
    );
    expect(answer.items[0]).toMatchObject({ kind: 'conclusion' });
  });
});
