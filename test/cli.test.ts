import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(import.meta.dirname, '..');
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
const main = path.join(root, 'src', 'cli', 'main.ts');

/** Runs `giaoban ARGS` from the sources against a data folder of the test's own. */
async function giaoban(dataDir: string, args: string[], env: Record<string, string> = {}) {
  try {
    const { stdout, stderr } = await run(tsx, [main, ...args], {
      cwd: root,
      env: { ...process.env, GIAOBAN_DATA_DIR: dataDir, DATABASE_URL: '', ...env },
    });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}

describe('giaoban command line [sqlite]', () => {
  let dir: string;
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'giaoban-cli-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  it('explains each command with --help', { timeout: 60_000 }, async () => {
    for (const args of [
      ['--help'],
      ['migrate', '--help'],
      ['user', 'add', '--help'],
      ['backup', '--help'],
    ]) {
      const r = await giaoban(dir, args);
      expect(r.code).toBe(0);
      expect(r.stdout).toContain('Usage: giaoban');
    }
  });

  // Each step starts a process (about 2 s each), so this test gets a longer timeout.
  it('migrates, loads the demo once, and manages users', { timeout: 90_000 }, async () => {
    expect((await giaoban(dir, ['migrate'])).stdout).toContain('applied 2026-11-29-0001');
    expect((await giaoban(dir, ['migrate'])).stdout).toContain('up to date');
    expect((await giaoban(dir, ['demo'])).stdout).toContain('Demo loaded');
    expect((await giaoban(dir, ['demo'])).stdout).toContain('nothing changed');

    const added = await giaoban(
      dir,
      ['user', 'add', 'Hoa.Nguyen', '--name', 'Nguyễn Thị Hoa', '--role', 'reporter@9'],
      {
        GIAOBAN_PASSWORD: 'mat-khau-hoa-1',
      },
    );
    expect(added.stdout).toContain('Created account hoa.nguyen');
    const dup = await giaoban(dir, [
      'user',
      'add',
      'hoa.nguyen',
      '--name',
      'X',
      '--password',
      'mat-khau-dai',
    ]);
    expect(dup.code).toBe(1);
    expect(dup.stderr).toContain('already taken');
    const badRole = await giaoban(dir, [
      'user',
      'add',
      'x.y',
      '--name',
      'X',
      '--password',
      'mat-khau-dai',
      '--role',
      'king@1',
    ]);
    expect(badRole.stderr).toContain('ROLE@UNIT_ID');

    const list = await giaoban(dir, ['user', 'list']);
    const lines = list.stdout.trim().split('\n');
    const usernames = lines.map((l) => l.split(/\s+/)[0]!);
    // The demo's 30 accounts (a head and a reporter for each reporting unit among them) and Hoa.
    expect(usernames).toHaveLength(31);
    expect(usernames.slice(0, 3)).toEqual(['phunu.tonghop', 'vanphong', 'hoa.nguyen']);
    // Sorted by given name: Anh, Hằng, Hoa, Lan, Quang, Thủy, Toán.
    expect(
      usernames.filter((u) => !/\.(lanhdao|tonghop)$/.test(u) || u.startsWith('phunu.')),
    ).toEqual([
      'phunu.tonghop',
      'vanphong',
      'hoa.nguyen',
      'phunu.lanhdao',
      'quantri',
      'bientap',
      'chutri',
    ]);
    expect(list.stdout).toMatch(/hoa\.nguyen\s+Nguyễn Thị Hoa\s+reporter@9/);

    expect(
      (await giaoban(dir, ['user', 'passwd', 'hoa.nguyen', '--password', 'ngan'])).stderr,
    ).toContain('8');
    expect(
      (await giaoban(dir, ['user', 'passwd', 'hoa.nguyen', '--password', 'mat-khau-moi-2'])).stdout,
    ).toContain('changed');
  });

  it('backs up the SQLite database to a file that opens with the same data', async () => {
    const target = path.join(dir, 'backups', 'copy.sqlite');
    const r = await giaoban(dir, ['backup', target]);
    expect(r.code).toBe(0);
    const copy = new SQLite(target, { readonly: true });
    const units = copy.prepare('select count(*) as n from units').get() as { n: number };
    copy.close();
    expect(units.n).toBe(15);
    expect((await giaoban(dir, ['backup', target])).stderr).toContain('exists');
  });

  it('on PostgreSQL, backup explains pg_dump instead', async () => {
    const r = await giaoban(dir, ['backup', path.join(dir, 'x')], {
      DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none',
    });
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('pg_dump');
  });
});
