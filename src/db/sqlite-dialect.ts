import type SQLite from 'better-sqlite3';
import {
  CompiledQuery,
  SqliteAdapter,
  SqliteDialect,
  SqliteDriver,
  type DatabaseConnection,
  type Driver,
} from 'kysely';

/*
 * Kysely's SQLite dialect with three changes the app relies on when more than one process
 * (two app instances, the app and `giaoban import-articles`) shares one SQLite file:
 *
 * - Every transaction begins IMMEDIATE: it takes the write lock first, waiting out the busy
 *   timeout for it. A DEFERRED one reads first and, when another connection has written
 *   meanwhile, gets SQLITE_BUSY ("database is locked") at its first write without waiting at
 *   all. The app only opens a transaction to write (reads run without one, or in the reader
 *   thread), so nothing is serialized that could run side by side.
 * - A rollback after SQLite has already rolled the transaction back itself (it does on a full
 *   disk, an I/O error, SQLITE_BUSY during commit) is skipped: Kysely would otherwise throw
 *   "cannot rollback - no transaction is active" in place of the error that caused it.
 * - Migrations run in a transaction: SQLite's DDL is transactional (Kysely assumes it is not),
 *   so a failed migration leaves the schema as it was instead of half-applied.
 */

class ImmediateSqliteDriver extends SqliteDriver {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override async beginTransaction(connection: DatabaseConnection): Promise<void> {
    await connection.executeQuery(CompiledQuery.raw('begin immediate'));
  }

  override async rollbackTransaction(connection: DatabaseConnection): Promise<void> {
    if (!this.sqlite.inTransaction) return;
    await super.rollbackTransaction(connection);
  }
}

class TransactionalDdlSqliteAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}

export class AppSqliteDialect extends SqliteDialect {
  constructor(private readonly sqlite: SQLite.Database) {
    super({ database: sqlite });
  }

  override createDriver(): Driver {
    return new ImmediateSqliteDriver(this.sqlite);
  }

  override createAdapter(): SqliteAdapter {
    return new TransactionalDdlSqliteAdapter();
  }
}
