import { randomUUID } from 'node:crypto';
import { hostname } from 'node:os';
import type { Kysely } from 'kysely';
import { systemClock, type Clock } from '../clock.ts';
import type { DB } from '../db/schema.ts';
import { acquireLease, releaseLease } from './leases.repository.ts';

/** A job run every `everyMs`. Exclusive jobs run on one instance at a time (a database lease). */
export interface Job {
  name: string;
  everyMs: number;
  /** True: guarded by the `job_leases` row `name`; false: every instance runs its own. */
  exclusive: boolean;
  /** Runs once; `now` is the scheduler's clock, so a job can run "as of" a moment too. */
  run: (now: Clock) => Promise<void>;
}

export interface SchedulerOptions {
  /** Who holds leases; unique per process by default. */
  holder?: string;
  onError?: (job: string, error: unknown) => void;
  /** The clock handed to every job; the system clock by default. */
  clock?: Clock;
}

/**
 * The in-process scheduler. No overlap: a job whose previous run is still going skips its turn.
 * Timers are unref'd, so they never keep a process alive on their own.
 */
export class JobScheduler {
  readonly holder: string;
  private readonly jobs = new Map<string, Job>();
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private readonly running = new Map<string, Promise<void>>();
  private stopped = false;

  constructor(
    private readonly db: Kysely<DB>,
    private readonly options: SchedulerOptions = {},
  ) {
    this.holder = options.holder ?? `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  }

  add(job: Job): this {
    this.jobs.set(job.name, job);
    return this;
  }

  start(): void {
    this.stopped = false;
    for (const job of this.jobs.values()) {
      if (this.timers.has(job.name)) continue;
      const timer = setInterval(() => void this.runNow(job.name), job.everyMs);
      timer.unref();
      this.timers.set(job.name, timer);
    }
  }

  /** Runs a job now (if this instance may), waiting for it; errors go to onError. */
  async runNow(name: string): Promise<boolean> {
    const job = this.jobs.get(name);
    if (!job || this.stopped) return false;
    const current = this.running.get(name);
    if (current) {
      await current;
      return false;
    }
    const run = this.execute(job).finally(() => this.running.delete(name));
    this.running.set(name, run);
    await run;
    return true;
  }

  private async execute(job: Job): Promise<void> {
    try {
      if (job.exclusive) {
        const now = Date.now();
        const ttl = job.everyMs * 3 + 5_000;
        const held = await acquireLease(
          this.db,
          job.name,
          this.holder,
          new Date(now).toISOString(),
          new Date(now + ttl).toISOString(),
        );
        if (!held) return;
      }
      await job.run(this.options.clock ?? systemClock);
    } catch (error) {
      this.options.onError?.(job.name, error);
    }
  }

  /** Stops the timers, waits for running jobs and gives up this instance's leases. */
  async stop(): Promise<void> {
    if (this.stopped) return; // stopping twice (the server, then the app closing) is one stop
    this.stopped = true;
    for (const timer of this.timers.values()) clearInterval(timer);
    this.timers.clear();
    await Promise.allSettled(this.running.values());
    for (const job of this.jobs.values()) {
      if (!job.exclusive) continue;
      try {
        await releaseLease(this.db, job.name, this.holder);
      } catch (error) {
        this.options.onError?.(job.name, error);
      }
    }
  }
}
