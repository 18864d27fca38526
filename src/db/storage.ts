import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { storageProblemOf, type StorageProblem } from './dialect.ts';
import type { Db } from './schema.ts';

/*
 * What is wrong with the storage under the database, said with the place and the reason: for
 * the log, the command line and /api/health. Users get the short message of the error code
 * (src/http/messages.ts: storage_full, storage_read_only, storage_error) with 503.
 */

export interface StorageStatus {
  problem: StorageProblem;
  /** The SQLite file, or "the PostgreSQL server". */
  where: string;
  /** One line for an administrator: what is wrong, where, and the database's own words. */
  detail: string;
}

const WORDS: Record<StorageProblem, string> = {
  disk_full: 'disk full',
  read_only: 'read-only',
  io_error: 'input/output error',
  cannot_open: 'cannot be opened',
};

function freeBytes(dir: string): number | null {
  try {
    const s = fs.statfsSync(dir);
    return s.bavail * s.bsize;
  } catch {
    return null;
  }
}

const kib = (n: number) => `${Math.floor(n / 1024)} KiB`;

/** The first existing folder of `file`'s path (the data folder may not exist yet). */
function existingFolder(file: string): string {
  let dir = path.dirname(path.resolve(file));
  while (!fs.existsSync(dir) && path.dirname(dir) !== dir) dir = path.dirname(dir);
  return dir;
}

/** Why a SQLite file (or its folder) cannot be written, found by looking at the disk. */
function diagnoseSqliteFile(file: string): string | null {
  const dir = existingFolder(file);
  const free = freeBytes(dir);
  if (free !== null && free < 64 * 1024) return `disk full: ${kib(free)} free in ${dir}`;
  for (const target of [file, `${file}-wal`, `${file}-shm`, dir]) {
    if (target !== dir && !fs.existsSync(target)) continue;
    try {
      fs.accessSync(target, fs.constants.W_OK);
    } catch (error) {
      const code = (error as { code?: string }).code;
      if (code === 'EROFS') return `read-only: ${target} is on a file system mounted read-only`;
      if (code === 'EACCES' || code === 'EPERM')
        return `read-only: no permission to write ${target}`;
    }
  }
  return null;
}

/** One line for an administrator: the problem, the place, and the database's own message. */
export function describeStorageError(error: unknown, where: string): string {
  const problem = storageProblemOf(error);
  const own = error instanceof Error ? error.message : String(error);
  const code = (error as { code?: unknown }).code;
  const said = typeof code === 'string' && !own.startsWith(code) ? `${code}: ${own}` : own;
  if (!where.startsWith('/')) return `${where}: ${problem ? `${WORDS[problem]} (${said})` : said}`;
  const found = diagnoseSqliteFile(where);
  if (found) return `${where}: ${found} (${said})`;
  if (code === 'SQLITE_NOTADB') return `${where}: not a SQLite database (${said})`;
  return `${where}: ${problem ? `${WORDS[problem]} (${said})` : said}`;
}

/**
 * The app's view of its storage: the last storage error a request or a job met, checked again
 * when /api/health asks, so health reports a full disk while it lasts and ok once it is over.
 */
export class StorageWatch {
  private last: StorageStatus | null = null;

  constructor(
    private readonly db: Db,
    /** The SQLite file (an absolute path), or null for PostgreSQL or an in-memory database. */
    private readonly sqliteFile: string | null,
  ) {}

  get where(): string {
    return this.sqliteFile ?? 'the PostgreSQL server';
  }

  /** Notes a storage error; returns its problem, or null for any other error. */
  note(error: unknown): StorageProblem | null {
    const problem = storageProblemOf(error);
    if (problem)
      this.last = { problem, where: this.where, detail: describeStorageError(error, this.where) };
    return problem;
  }

  /** The storage's problem now, or null when it is fine. */
  async check(): Promise<StorageStatus | null> {
    if (this.sqliteFile) {
      const found = diagnoseSqliteFile(this.sqliteFile);
      if (found) {
        const problem: StorageProblem = found.startsWith('disk full') ? 'disk_full' : 'read_only';
        return { problem, where: this.sqliteFile, detail: `${this.sqliteFile}: ${found}` };
      }
    }
    const limit = await this.pageLimitReached();
    if (limit) return limit;
    if (!this.last) return null;
    // A storage error was met: write once to see whether it is over (a no-op update, which
    // still writes a page: SQLite appends it to the WAL, PostgreSQL a new row version).
    try {
      await sql`UPDATE portal_changes SET counter = counter WHERE id = 1`.execute(this.db);
      this.last = null;
    } catch (error) {
      this.note(error);
    }
    return this.last;
  }

  /** SQLite's own "disk" limit (PRAGMA max_page_count) reached with no free page left. */
  private async pageLimitReached(): Promise<StorageStatus | null> {
    if (this.sqliteFile === null) return null;
    const one = async (pragma: string) =>
      Number(Object.values((await sql.raw(`PRAGMA ${pragma}`).execute(this.db)).rows[0] ?? {})[0]);
    const [pages, max, free] = [
      await one('page_count'),
      await one('max_page_count'),
      await one('freelist_count'),
    ];
    if (pages < max || free > 0) return null;
    return {
      problem: 'disk_full',
      where: this.sqliteFile,
      detail: `${this.sqliteFile}: disk full: the database reached its limit of ${max} pages`,
    };
  }
}
