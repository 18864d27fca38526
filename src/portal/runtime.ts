import type { Kysely } from 'kysely';
import type { DB } from '../db/schema.ts';
import { JobScheduler } from '../jobs/scheduler.ts';
import * as repo from './articles.repository.ts';
import { publishDue } from './articles.service.ts';
import { PageCache } from './page-cache.ts';
import type { PortalConfig } from './portal.config.ts';
import { readPortalConfig } from './portal.config.ts';
import { ViewBuffer } from './views.ts';

/**
 * What the portal keeps in memory per app instance: the view buffer, the page cache and the
 * jobs that flush the one and refresh the other. One per database handle, shared by the public
 * pages and the workspace API (which clears the cache after a change).
 */
export class PortalRuntime {
  readonly views = new ViewBuffer();
  readonly cache = new PageCache();
  readonly scheduler: JobScheduler;
  private stamp: string | null = null;
  private users = 0;

  constructor(
    readonly db: Kysely<DB>,
    readonly config: PortalConfig,
    log: (message: string, error: unknown) => void = () => {},
  ) {
    this.scheduler = new JobScheduler(db, { onError: (job, e) => log(`job ${job} failed`, e) });
    this.scheduler
      .add({
        name: 'portal.flush-views',
        everyMs: config.viewFlushMs,
        exclusive: false, // each instance writes its own buffer
        run: async () => void (await this.flushViews()),
      })
      .add({
        name: 'portal.cache-check',
        everyMs: config.cacheCheckMs,
        exclusive: false,
        run: () => this.checkForChanges(),
      })
      .add({
        name: 'portal.publish-scheduled',
        everyMs: config.publishCheckMs,
        exclusive: true, // one instance publishes
        run: async () => void (await this.publishScheduled()),
      });
  }

  /**
   * Writes the buffered views: one transaction, `views = views + n` per article. On failure the
   * batch goes back to the buffer and is retried on the next flush. Returns the views written.
   */
  async flushViews(): Promise<number> {
    const batch = this.views.take();
    if (!batch) return 0;
    try {
      const results = await this.db.transaction().execute(async (trx) => {
        const stored = new Map<number, number>();
        for (const [id, n] of batch) {
          const views = await repo.addViews(trx, id, n);
          if (views !== undefined) stored.set(id, views);
        }
        return stored;
      });
      this.views.committed(results);
      let n = 0;
      for (const v of batch.values()) n += v;
      return n;
    } catch (error) {
      this.views.failed();
      throw error;
    }
  }

  /** Articles changed here: drop cached pages now. */
  changed(): void {
    this.cache.clear();
    this.stamp = null;
  }

  /** Drops cached pages when another instance (or the database) changed articles. */
  async checkForChanges(): Promise<void> {
    const stamp = await repo.contentStamp(this.db);
    if (this.stamp !== null && stamp !== this.stamp) this.cache.clear();
    this.stamp = stamp;
  }

  async publishScheduled(): Promise<number> {
    const n = await this.db.transaction().execute((trx) => publishDue(trx));
    if (n > 0) this.changed();
    return n;
  }

  /** One more app uses this runtime; the first one starts the jobs. */
  acquire(): void {
    if (this.users++ === 0) this.scheduler.start();
  }

  /** An app closes: flush what it counted; the last one also stops the jobs. */
  async release(): Promise<void> {
    this.users = Math.max(0, this.users - 1);
    if (this.users === 0) await this.scheduler.stop();
    await this.flushViews();
  }
}

const runtimes = new WeakMap<Kysely<DB>, PortalRuntime>();

/**
 * Stops the portal's jobs and writes the buffered views. The server calls it on shutdown
 * before it closes the database (Fastify runs the server's own onClose hook before the
 * portal plugin's, when the database would already be gone).
 */
export async function shutdownPortal(db: Kysely<DB>): Promise<void> {
  const runtime = runtimes.get(db);
  if (!runtime) return;
  await runtime.scheduler.stop();
  await runtime.flushViews();
}

/** The runtime of a database handle, created on first use. */
export function portalRuntime(
  db: Kysely<DB>,
  log?: (message: string, error: unknown) => void,
): PortalRuntime {
  let runtime = runtimes.get(db);
  if (!runtime) {
    runtime = new PortalRuntime(db, readPortalConfig(), log);
    runtimes.set(db, runtime);
  }
  return runtime;
}
