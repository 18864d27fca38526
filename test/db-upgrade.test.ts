import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Migrator, type Migration } from 'kysely';
import { afterAll, expect, it } from 'vitest';
import { migrateToLatest, openPostgres, openSqlite, type Database } from '../src/db/database.ts';
import { migrations } from '../src/db/migrations/index.ts';
import { databaseUrl, onServer, uniqueDatabaseName } from '../src/test-support/templates.ts';

// A database made by an earlier release holds the migrations of that release; the next release
// adds migrations whose names may sort before ones already run (a core migration after a
// feature's of the same day). Migrating it to the latest must apply them all and end with the
// schema a new database gets.
// The migrations added since the last release: the rest is what its databases hold.
const ADDED_SINCE_LAST_RELEASE = [
  '2026-12-04-0003-notifications-core',
  '2026-12-04-0004-search-entries',
  '2026-12-04-0205-portal-meeting-article',
  '2026-12-04-0402-tasks-updates',
];

const earlier: Record<string, Migration> = Object.fromEntries(
  Object.entries(migrations).filter(([name]) => !ADDED_SINCE_LAST_RELEASE.includes(name)),
);

async function upgrade(db: Database): Promise<string[]> {
  const first = await new Migrator({
    db,
    provider: { getMigrations: () => Promise.resolve(earlier) },
  }).migrateToLatest();
  expect(first.error).toBeUndefined();
  await migrateToLatest(db);
  const tables = await db.introspection.getTables();
  return tables.map((t) => `${t.name}(${t.columns.map((c) => c.name).join(',')})`).sort();
}

async function fresh(db: Database): Promise<string[]> {
  await migrateToLatest(db);
  const tables = await db.introspection.getTables();
  return tables.map((t) => `${t.name}(${t.columns.map((c) => c.name).join(',')})`).sort();
}

const dir = mkdtempSync(path.join(tmpdir(), 'giaoban-upgrade-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('names migrations of the list, some sorting before ones the earlier release ran', () => {
  const names = Object.keys(migrations);
  for (const name of ADDED_SINCE_LAST_RELEASE) expect(names).toContain(name);
  const lastRun = Object.keys(earlier).sort().at(-1)!;
  expect(ADDED_SINCE_LAST_RELEASE.some((name) => name < lastRun)).toBe(true);
});

it('[sqlite] a database of the earlier release migrates to the schema of a new one', async () => {
  const old = openSqlite(path.join(dir, 'old.sqlite'));
  const created = openSqlite(path.join(dir, 'new.sqlite'));
  try {
    expect(await upgrade(old)).toEqual(await fresh(created));
  } finally {
    await old.destroy();
    await created.destroy();
  }
});

// Needs a PostgreSQL server to create databases on (CI starts one; TEST_DATABASE_URL names it);
// without one, the SQLite case above still runs.
const server = process.env.TEST_DATABASE_URL;
it.skipIf(!server)(
  '[postgres] a database of the earlier release migrates to the schema of a new one',
  async () => {
    const names = [uniqueDatabaseName('upgrade_old'), uniqueDatabaseName('upgrade_new')];
    await onServer(server!, ...names.map((n) => `CREATE DATABASE ${n}`));
    const [old, created] = names.map((n) => openPostgres(databaseUrl(server!, n)));
    try {
      expect(await upgrade(old!)).toEqual(await fresh(created!));
    } finally {
      await old!.destroy();
      await created!.destroy();
      await onServer(server!, ...names.map((n) => `DROP DATABASE IF EXISTS ${n}`));
    }
  },
);
