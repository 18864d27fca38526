import { sql } from 'kysely';
import pg from 'pg';
import type { Database } from '../db/database.ts';
import { LocalSubscribers, type LiveBus, type LiveListener } from './bus.ts';

/*
 * The live bus between instances sharing one PostgreSQL database: one channel, the topic as
 * the payload. Each instance keeps one connection of its own (not one of the pool's, which the
 * pool would hand to queries and close when idle) that LISTENs on the channel, and hands every
 * notification to its local subscribers. Publishing is a NOTIFY through the pool, so it works
 * while the listening connection is down.
 *
 * The listening connection is expected to drop now and then (a server restart, a failover, an
 * idle timeout of a proxy, pg_terminate_backend). It then comes back by itself, with a growing
 * delay between attempts, and LISTENs again; notifications sent while it was away are lost, so
 * every local topic is told once that it changed, and each subscriber re-reads its state.
 * Nothing here throws at its caller: problems are logged.
 */

export const LIVE_CHANNEL = 'giaoban_live';

/** What the bus logs through (pino's, the app's logger). */
export interface LiveLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface PostgresBusOptions {
  connectionString: string;
  /** The pool the app queries through; NOTIFY goes through it. */
  db: Database;
  log: LiveLog;
  channel?: string;
  /** First delay before reconnecting; doubles per failed attempt up to maxDelayMs. */
  minDelayMs?: number;
  maxDelayMs?: number;
  /** A `SELECT 1` on the listening connection this often, to find a connection gone silent. */
  pingMs?: number;
}

type Status = 'idle' | 'connecting' | 'listening' | 'waiting' | 'closed';

export class PostgresBus implements LiveBus {
  private readonly subscribers = new LocalSubscribers();
  private readonly options: Required<Omit<PostgresBusOptions, 'db' | 'log' | 'connectionString'>>;
  private client: pg.Client | null = null;
  private status: Status = 'idle';
  private attempt = 0;
  private retryTimer: NodeJS.Timeout | null = null;
  private pingTimer: NodeJS.Timeout | null = null;
  private pid: number | null = null;
  private readonly listeningWaiters = new Set<() => void>();
  /** How many times LISTEN has succeeded: 1 after the start, more after each reconnect. */
  connections = 0;

  constructor(private readonly config: PostgresBusOptions) {
    this.options = {
      channel: config.channel ?? LIVE_CHANNEL,
      minDelayMs: config.minDelayMs ?? 250,
      maxDelayMs: config.maxDelayMs ?? 10_000,
      pingMs: config.pingMs ?? 30_000,
    };
    if (!/^[a-z_][a-z0-9_]{0,62}$/.test(this.options.channel)) {
      throw new Error(`live: "${this.options.channel}" is not a plain channel name`);
    }
  }

  /**
   * Connects and LISTENs; resolves once listening or once the first attempt has failed (the bus
   * then keeps trying by itself). Never rejects.
   */
  start(): Promise<void> {
    if (this.status !== 'idle') return Promise.resolve();
    return this.connect();
  }

  get listening(): boolean {
    return this.status === 'listening';
  }

  /** The server process of the listening connection (for tests that end it), or null. */
  get backendPid(): number | null {
    return this.listening ? this.pid : null;
  }

  /** Resolves when the bus is listening (now, or after its next successful connection). */
  whenListening(): Promise<void> {
    if (this.listening) return Promise.resolve();
    return new Promise((resolve) => this.listeningWaiters.add(resolve));
  }

  async publish(topic: string): Promise<void> {
    if (this.status === 'closed') return;
    // While the bus cannot hear its own notification, it tells its own subscribers itself.
    if (!this.listening) queueMicrotask(() => this.subscribers.emit(topic));
    try {
      await sql`select pg_notify(${this.options.channel}, ${topic})`.execute(this.config.db);
    } catch (error) {
      this.config.log.error({ err: error, topic }, 'live: could not publish a change');
      if (this.listening) this.subscribers.emit(topic);
    }
  }

  subscribe(topic: string, listener: LiveListener): () => void {
    return this.subscribers.add(topic, listener);
  }

  async close(): Promise<void> {
    this.status = 'closed';
    this.clearTimers();
    const client = this.client;
    this.client = null;
    for (const resolve of this.listeningWaiters) resolve();
    this.listeningWaiters.clear();
    if (client) await client.end().catch(() => {});
  }

  private async connect(): Promise<void> {
    if (this.status === 'closed') return;
    this.status = 'connecting';
    const client = new pg.Client({
      connectionString: this.config.connectionString,
      keepAlive: true,
      connectionTimeoutMillis: 5000,
      application_name: 'giaoban-live',
    });
    this.client = client;
    // Both can come for one drop; `lost` acts once per client.
    client.on('error', (error) => this.lost(client, error));
    client.on('end', () => this.lost(client, null));
    client.on('notification', (message) => {
      if (message.channel === this.options.channel && message.payload) {
        this.subscribers.emit(message.payload);
      }
    });
    try {
      await client.connect();
      const { rows } = await client.query<{ pid: number }>('select pg_backend_pid() as pid');
      await client.query(`LISTEN ${this.options.channel}`);
      if (this.client !== client || this.status !== 'connecting') {
        // Closed, or dropped and already being replaced, while connecting.
        await client.end().catch(() => {});
        return;
      }
      this.pid = rows[0]?.pid ?? null;
      this.status = 'listening';
      this.connections++;
      if (this.attempt > 0 || this.connections > 1) {
        this.config.log.info({ attempts: this.attempt }, 'live: listening again');
      }
      this.attempt = 0;
      this.schedulePing(client);
      for (const resolve of this.listeningWaiters) resolve();
      this.listeningWaiters.clear();
      // Whatever changed while nobody listened: every local topic re-reads its state once.
      for (const topic of this.subscribers.topics) this.subscribers.emit(topic);
    } catch (error) {
      this.lost(client, error);
    }
  }

  /** The connection `client` is gone (or never came): retry after a delay, once per client. */
  private lost(client: pg.Client, error: unknown): void {
    if (this.client !== client || this.status === 'closed') return;
    this.client = null;
    this.pid = null;
    this.clearTimers();
    client.removeAllListeners('notification');
    // A client that failed half-way still holds a socket; errors after this one are expected.
    client.on('error', () => {});
    void client.end().catch(() => {});
    const delay = Math.min(
      this.options.maxDelayMs,
      this.options.minDelayMs * 2 ** Math.min(this.attempt, 16),
    );
    // Up to a quarter more, so instances that lost the server together do not return together.
    const wait = Math.round(delay * (1 + Math.random() / 4));
    this.attempt++;
    this.status = 'waiting';
    this.config.log.warn(
      { err: error ?? undefined, retryInMs: wait, attempt: this.attempt },
      'live: the PostgreSQL listening connection is down; reconnecting',
    );
    this.retryTimer = setTimeout(() => {
      this.retryTimer = null;
      void this.connect();
    }, wait);
    this.retryTimer.unref();
  }

  private schedulePing(client: pg.Client): void {
    this.pingTimer = setTimeout(() => {
      this.pingTimer = null;
      if (this.client !== client) return;
      const timeout = setTimeout(
        () => this.lost(client, new Error('no answer to a ping in 10 s')),
        10_000,
      );
      timeout.unref();
      client.query('select 1').then(
        () => {
          clearTimeout(timeout);
          if (this.client === client && this.listening) this.schedulePing(client);
        },
        (error: unknown) => {
          clearTimeout(timeout);
          this.lost(client, error);
        },
      );
    }, this.options.pingMs);
    this.pingTimer.unref();
  }

  private clearTimers(): void {
    if (this.retryTimer) clearTimeout(this.retryTimer);
    if (this.pingTimer) clearTimeout(this.pingTimer);
    this.retryTimer = null;
    this.pingTimer = null;
  }
}
