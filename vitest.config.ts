import fs from 'node:fs';
import path from 'node:path';
import { defineConfig } from 'vitest/config';

/*
 * The tests in four tiers, each a Vitest project that runs alone (`npm run test:unit`,
 * `test:db`, `test:http`, `test:browser`); `vitest run` runs them all, the browser tier last.
 *
 * A file's tier follows from what it uses, so a new test lands in the right one without a list
 * to keep: one that builds the app (app.inject) or runs the app or the command in a process
 * of its own (node:child_process, test/processes.ts) is an HTTP test; one that opens a database
 * (the test engines, or the database module directly) is a database test; the rest are pure
 * unit tests. Browser tests are *.browser.test.ts.
 */

type Tier = 'unit' | 'db' | 'http';

const ROOTS = ['src', 'test', 'web/src'];

function nodeTestFiles(): string[] {
  return ROOTS.flatMap((root) =>
    fs
      .readdirSync(root, { recursive: true, encoding: 'utf8' })
      .map((file) => path.posix.join(root, file.split(path.sep).join('/'))),
  ).filter((file) => file.endsWith('.test.ts') && !file.endsWith('.browser.test.ts'));
}

function tierOf(file: string): Tier {
  const text = fs.readFileSync(file, 'utf8');
  if (
    /\bbuildTestApp\b|\bbuildApp\b|\bstartServeProcess\b|['"]node:child_process['"]|\/processes\.ts['"]/.test(
      text,
    )
  )
    return 'http';
  if (/test-support\/engines\.ts|db\/database\.ts|['"]\.\/database\.ts['"]/.test(text)) return 'db';
  return 'unit';
}

const files = nodeTestFiles();
const inTier = (tier: Tier) => files.filter((file) => tierOf(file) === tier);

// Migrates each engine once per run; the test files copy the result (src/test-support).
const databaseSetup = ['src/test-support/global-setup.ts'];

export default defineConfig({
  test: {
    // Verbose, so the output names every test with its engine: [sqlite], [postgres (…)].
    reporters: ['verbose'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: 'forks',
    // Both cores: most of a database or HTTP test's time is spent waiting on PostgreSQL or a
    // child process, not in the test file's own process.
    maxWorkers: 2,
    projects: [
      {
        // Pure functions: no process of their own needed, so threads that run file after file.
        extends: true,
        test: { name: 'unit', include: inTier('unit'), pool: 'threads', isolate: false },
      },
      {
        extends: true,
        test: { name: 'db', include: inTier('db'), globalSetup: databaseSetup },
      },
      {
        extends: true,
        test: { name: 'http', include: inTier('http'), globalSetup: databaseSetup },
      },
      {
        // Each file starts the app on its own SQLite file and a Chromium of its own, so files
        // run side by side; two at a time is what two cores carry without timing out.
        extends: true,
        test: {
          name: 'browser',
          include: ['test/browser/**/*.browser.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
          // As long as Playwright waits for an element (30 s): a page that is slow to show what
          // a poll waits for, on a busy machine, is not a failure. (Vitest's default is 1 s.)
          expect: { poll: { timeout: 30_000 } },
          maxWorkers: 2,
          // After the other tiers, so browsers do not compete with them for the cores.
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
});
