import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

/*
 * better-sqlite3 is synchronous: a query blocks the thread that runs it. A query whose cost
 * depends on what a reader types (the portal search) runs here instead, in a worker thread with
 * its own read-only connection to the same file, so the event loop goes on serving every other
 * request meanwhile. A query that outlives its time budget is abandoned: the worker is ended
 * and a fresh one serves the next query (SQLite has no interrupt in this driver; ending the
 * thread is what frees the caller).
 */

/** A query outlived its time budget. */
export class QueryTimeout extends Error {
  constructor(ms: number) {
    super(`query exceeded its ${ms} ms budget`);
    this.name = 'QueryTimeout';
  }
}

// The worker is plain JavaScript evaluated from a string, so it runs the same from the
// TypeScript sources, the compiled build and the test runner.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const Database = require(workerData.driver);
const db = new Database(workerData.file, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
const statements = new Map();
parentPort.on('message', ({ id, sql, params }) => {
  try {
    let stmt = statements.get(sql);
    if (!stmt) {
      stmt = db.prepare(sql);
      if (statements.size > 100) statements.clear();
      statements.set(sql, stmt);
    }
    parentPort.postMessage({ id, rows: stmt.all(...params) });
  } catch (error) {
    parentPort.postMessage({ id, error: { message: String(error && error.message), code: error && error.code } });
  }
});
`;

interface Pending {
  resolve: (rows: unknown[]) => void;
  reject: (error: Error) => void;
  timer: NodeJS.Timeout;
}

interface Reply {
  id: number;
  rows?: unknown[];
  error?: { message: string; code?: string };
}

/** One worker thread holding a read-only connection to a SQLite file; queries run in order. */
export class SqliteReader {
  private worker: Worker | null = null;
  private pending = new Map<number, Pending>();
  private next = 1;
  private closed = false;

  constructor(private readonly file: string) {}

  private start(): Worker {
    const driver = createRequire(import.meta.url).resolve('better-sqlite3');
    const worker = new Worker(WORKER_SOURCE, {
      eval: true,
      workerData: { file: this.file, driver },
    });
    worker.unref();
    worker.on('message', (reply: Reply) => {
      const p = this.pending.get(reply.id);
      if (!p) return;
      this.pending.delete(reply.id);
      clearTimeout(p.timer);
      if (reply.error) {
        p.reject(Object.assign(new Error(reply.error.message), { code: reply.error.code }));
      } else p.resolve(reply.rows ?? []);
    });
    const fail = (error: Error) => {
      if (this.worker !== worker) return;
      this.worker = null;
      for (const p of this.pending.values()) {
        clearTimeout(p.timer);
        p.reject(error);
      }
      this.pending.clear();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => fail(new Error(`search worker exited (${code})`)));
    return worker;
  }

  /** Runs `sql` with `params` in the worker; rejects with QueryTimeout after `budgetMs`. */
  query<T>(sql: string, params: readonly unknown[], budgetMs: number): Promise<T[]> {
    if (this.closed) return Promise.reject(new Error('reader closed'));
    this.worker ??= this.start();
    const worker = this.worker;
    const id = this.next++;
    return new Promise<T[]>((resolve, reject) => {
      const timer = setTimeout(() => {
        // Everything queued behind the slow query is abandoned with it: a fresh worker takes
        // the next queries instead of waiting for this one to end.
        if (this.worker === worker) this.worker = null;
        const stuck = [...this.pending.values()];
        this.pending.clear();
        void worker.terminate();
        for (const p of stuck.values()) {
          clearTimeout(p.timer);
          p.reject(new QueryTimeout(budgetMs));
        }
      }, budgetMs);
      this.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject, timer });
      worker.postMessage({ id, sql, params });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    const worker = this.worker;
    this.worker = null;
    for (const p of this.pending.values()) {
      clearTimeout(p.timer);
      p.reject(new Error('reader closed'));
    }
    this.pending.clear();
    if (worker) await worker.terminate();
  }
}
