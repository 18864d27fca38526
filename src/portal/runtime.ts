import type { Kysely } from 'kysely';
import { readConfig } from '../config.ts';
import type { DB } from '../db/schema.ts';
import type { Job } from '../jobs/scheduler.ts';
import * as repo from './articles.repository.ts';
import { publishDue } from './articles.service.ts';
import { countViews } from './public.service.ts';
import { PageCache } from './page-cache.ts';
import type { PortalConfig } from './portal.config.ts';
import { ViewBuffer } from './views.ts';

/**
 * What the portal keeps in memory per app instance: the view buffer and the page cache, and the
 * jobs that flush the one and refresh the other, which it hands to the app's scheduler. One per
 * database handle, shared by the public pages and the workspace API (which clears the cache
 * after a change).
 */
export class PortalRuntime {
  readonly views = new ViewBuffer();
  readonly cache = new PageCache();
  private stamp: string | null = null;

  constructor(
    readonly db: Kysely<DB>,
    readonly config: PortalConfig,
  ) {}

  /** The portal's jobs, for the app's scheduler. */
  jobs(): Job[] {
    return [
      {
        name: 'portal.flush-views',
        everyMs: this.config.viewFlushMs,
        exclusive: false, // each instance writes its own buffer
        run: async () => void (await this.flushViews()),
      },
      {
        name: 'portal.cache-check',
        everyMs: this.config.cacheCheckMs,
        exclusive: false,
        run: () => this.checkForChanges(),
      },
      {
        name: 'portal.publish-scheduled',
        everyMs: this.config.publishCheckMs,
        exclusive: true, // one instance publishes
        run: async (now) => void (await this.publishScheduled(now())),
      },
    ];
  }

  /** The flush being written, if any: flushes run one after another. */
  private writing: Promise<unknown> = Promise.resolve();

  /**
   * Writes the buffered views: one transaction, `views = views + n` per article. On failure the
   * batch goes back to the buffer and is retried on the next flush. Returns the views written.
   * A flush asked for while another is being written (the job's, when the app shuts down)
   * waits for it and then writes what is left, so no view recorded before the call is left.
   */
  flushViews(): Promise<number> {
    const run = this.writing.then(() => this.writeBatch());
    this.writing = run.catch(() => {});
    return run;
  }

  private async writeBatch(): Promise<number> {
    const batch = this.views.take();
    if (!batch) return 0;
    try {
      const results = await this.db.transaction().execute(async (trx) => {
        const stored = new Map<number, number>();
        for (const [id, n] of batch) {
          const views = await countViews(trx, id, n);
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

  async publishScheduled(now?: string): Promise<number> {
    const n = await this.db.transaction().execute((trx) => publishDue(trx, now));
    if (n > 0) this.changed();
    return n;
  }
}

const runtimes = new WeakMap<Kysely<DB>, PortalRuntime>();

/**
 * Writes the buffered views of a database handle. The server calls it on shutdown after the
 * jobs have stopped and before it closes the database.
 */
export async function flushPortalViews(db: Kysely<DB>): Promise<void> {
  await runtimes.get(db)?.flushViews();
}

/** The runtime of a database handle, created on first use. */
export function portalRuntime(
  db: Kysely<DB>,
  config: PortalConfig = readConfig({}).portal,
): PortalRuntime {
  let runtime = runtimes.get(db);
  if (!runtime) {
    runtime = new PortalRuntime(db, config);
    runtimes.set(db, runtime);
  }
  return runtime;
}
