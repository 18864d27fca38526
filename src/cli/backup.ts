import fs from 'node:fs';
import path from 'node:path';
import SQLite from 'better-sqlite3';
import type { Command } from 'commander';
import { readConfig } from '../config.ts';

export function backupCommand(program: Command): void {
  program
    .command('backup')
    .description('copy the SQLite database to FILE while the app keeps running (online backup)')
    .argument('<file>')
    .action(async (file: string) => {
      const config = readConfig();
      if (config.databaseUrl) {
        throw new Error(
          'DATABASE_URL points at PostgreSQL: back it up with pg_dump, e.g. `pg_dump --format=custom --file=giaoban.dump "$DATABASE_URL"`, and restore with pg_restore.',
        );
      }
      if (!fs.existsSync(config.sqliteFile)) throw new Error(`no database at ${config.sqliteFile}`);
      const target = path.resolve(file);
      if (fs.existsSync(target)) throw new Error(`${target} exists; choose a new file name`);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      const source = new SQLite(config.sqliteFile, { readonly: true, fileMustExist: true });
      try {
        await source.backup(target);
      } finally {
        source.close();
      }
      console.log(`Backed up ${config.sqliteFile} to ${target}.`);
    });
}
