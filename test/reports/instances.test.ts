import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { migrateToLatest, openSqlite } from '../../src/db/database.ts';
import { TEST_PASSWORD } from '../../src/test-support/factories.ts';
import { buildReportSetup } from '../../src/test-support/report-factories.ts';
import { startServerProcess, type ServerProcess } from '../processes.ts';

/*
 * Two app instances (processes) on one SQLite file, four reporters saving their drafts at the
 * same time, two through each instance: every save is answered 200 (never "database is
 * locked"), and every one of them is stored, as a revision and as the last value.
 */

const SAVES = 30;

describe('two app instances on one SQLite file [sqlite (file)]', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-instances-'));
  const servers: ServerProcess[] = [];
  afterAll(async () => {
    for (const s of servers) await s.stop('SIGKILL');
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it('stores every save of reporters on both instances', { timeout: 90_000 }, async () => {
    const file = path.join(dir, 'giaoban.sqlite');
    const db = openSqlite(file);
    await migrateToLatest(db);
    const setups = [await buildReportSetup(db), await buildReportSetup(db, { year: 2018 })];
    const writers = setups.flatMap((s) => [
      { username: s.accounts.reporter.username, report: s.report, indicator: s.indicators.fund },
      {
        username: s.accounts.otherReporter.username,
        report: s.otherReport,
        indicator: s.indicators.fund,
      },
    ]);
    await db.destroy();
    const env = { GIAOBAN_DATA_DIR: dir, GIAOBAN_DEMO: '0', LOGIN_RATE_LIMIT_PER_MINUTE: '1000' };
    servers.push(await startServerProcess(env), await startServerProcess(env));

    const failures: string[] = [];
    await Promise.all(
      writers.map(async (w, i) => {
        const base = servers[i % 2]!.base;
        const login = await fetch(`${base}/api/v1/auth/login`, {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ username: w.username, password: TEST_PASSWORD }),
        });
        expect(login.status).toBe(200);
        const cookie = login.headers.getSetCookie()[0]!.split(';')[0]!;
        let version = w.report.version;
        for (let n = 1; n <= SAVES; n++) {
          const r = await fetch(`${base}/api/v1/reports/${w.report.id}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', cookie },
            body: JSON.stringify({
              version,
              sections: {},
              values: [{ indicatorId: w.indicator.id, value: n }],
              proposals: [],
            }),
          });
          const body = (await r.json()) as { version: number };
          if (r.status !== 200) failures.push(`${r.status} ${JSON.stringify(body)}`);
          else version = body.version;
        }
      }),
    );
    expect(failures).toEqual([]);

    for (const s of servers) expect(await s.stop('SIGTERM')).toBe(0);
    for (const s of servers) expect(s.stderr()).not.toContain('locked');
    const check = openSqlite(file);
    try {
      for (const w of writers) {
        const row = await check
          .selectFrom('unit_reports')
          .select('version')
          .where('id', '=', w.report.id)
          .executeTakeFirstOrThrow();
        expect(row.version).toBe(w.report.version + SAVES);
        const revisions = await check
          .selectFrom('report_revisions')
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .where('report_id', '=', w.report.id)
          .executeTakeFirstOrThrow();
        expect(Number(revisions.n)).toBeGreaterThanOrEqual(SAVES);
        const value = await check
          .selectFrom('indicator_values')
          .select('value')
          .where('report_id', '=', w.report.id)
          .where('indicator_id', '=', w.indicator.id)
          .executeTakeFirst();
        expect(Number(value?.value)).toBe(SAVES);
      }
    } finally {
      await check.destroy();
    }
  });
});
