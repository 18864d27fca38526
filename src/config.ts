import os from 'node:os';
import path from 'node:path';
import type { MailConfig } from './notifications/mail.config.ts';
import type { PortalConfig } from './portal/portal.config.ts';

export type TrustProxy = false | number | string[];

/**
 * TRUST_PROXY: `0`/empty for none, a hop count (`1` for one reverse proxy), or a comma-separated
 * list of proxy addresses or CIDR ranges (`10.0.0.5, 10.1.0.0/16`, or `loopback`).
 */
function trustProxy(raw: string | undefined): TrustProxy {
  if (raw === undefined || raw.trim() === '' || raw.trim() === '0') return false;
  const text = raw.trim();
  if (/^\d+$/.test(text)) return Number(text);
  const list = text.split(',').map((part) => part.trim());
  const address = /^(loopback|linklocal|uniquelocal|[0-9a-fA-F.:]+(\/\d{1,3})?)$/;
  if (list.some((part) => !address.test(part))) {
    throw new Error(
      `TRUST_PROXY must be 0, a number of proxy hops or a list of proxy addresses, got "${raw}"`,
    );
  }
  return list;
}

/** Everything the app reads from the environment, parsed once. Documented in README.md. */
export interface Config {
  port: number;
  host: string;
  /** PostgreSQL connection string; when absent, the embedded SQLite file is used. */
  databaseUrl: string | null;
  dataDir: string;
  sqliteFile: string;
  /** Load the demo into an empty database at start. */
  demo: boolean;
  production: boolean;
  /**
   * Reverse proxies in front of the app: false (none), the number of proxy hops, or the
   * proxies' addresses/CIDR ranges. Only these are believed in X-Forwarded-*.
   */
  trustProxy: TrustProxy;
  sessionTtlHours: number;
  bodyLimitBytes: number;
  logLevel: string;
  loginRateLimitPerMinute: number;
  /** Server processes sharing the port (node:cluster); 1 serves from this process alone. */
  workers: number;
  portal: PortalConfig;
  /** Notifications and e-mail (SMTP_*, MAIL_*, REMINDER_CHECK_MS, REPORT_REMINDER_DAYS). */
  mail: MailConfig;
}

function int(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 0) {
    throw new Error(`${name} must be a non-negative integer, got "${raw}"`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string, fallback: boolean): boolean {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  return !['0', 'false', 'no', 'off'].includes(raw.toLowerCase());
}

function ms(env: NodeJS.ProcessEnv, name: string, fallback: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 50)
    throw new Error(`${name} must be an integer ≥ 50, got "${raw}"`);
  return value;
}

/** GIAOBAN_WORKERS: a number of processes from 1 to 64, or `auto` for one per core. */
function workers(env: NodeJS.ProcessEnv): number {
  const raw = env.GIAOBAN_WORKERS?.trim();
  if (raw === undefined || raw === '') return 1;
  if (raw === 'auto') return os.availableParallelism();
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 64)
    throw new Error(`GIAOBAN_WORKERS must be a number from 1 to 64 or "auto", got "${raw}"`);
  return value;
}

function readPortalConfig(env: NodeJS.ProcessEnv): PortalConfig {
  const base = env.PUBLIC_BASE_URL?.trim();
  return {
    viewFlushMs: ms(env, 'PORTAL_VIEW_FLUSH_MS', 3000),
    publishCheckMs: ms(env, 'PORTAL_PUBLISH_CHECK_MS', 15_000),
    cacheCheckMs: ms(env, 'PORTAL_CACHE_CHECK_MS', 2000),
    publicBaseUrl: base ? base.replace(/\/+$/, '') : null,
    siteName: env.PORTAL_SITE_NAME?.trim() || 'Cổng thông tin Giao Ban',
  };
}

function readMailConfig(env: NodeJS.ProcessEnv, publicBaseUrl: string | null): MailConfig {
  const host = env.SMTP_HOST?.trim();
  const secure = flag(env, 'SMTP_SECURE', false);
  const from = env.SMTP_FROM?.trim() || 'Giao Ban <giaoban@localhost>';
  const attempts = int(env, 'MAIL_MAX_ATTEMPTS', 8);
  if (attempts < 1)
    throw new Error(`MAIL_MAX_ATTEMPTS must be at least 1, got "${env.MAIL_MAX_ATTEMPTS}"`);
  return {
    smtp: host
      ? {
          host,
          port: int(env, 'SMTP_PORT', secure ? 465 : 587),
          secure,
          user: env.SMTP_USER?.trim() || null,
          password: env.SMTP_PASSWORD || null,
          from,
        }
      : null,
    sendEveryMs: ms(env, 'MAIL_SEND_MS', 10_000),
    maxAttempts: attempts,
    retryBaseMs: ms(env, 'MAIL_RETRY_MS', 60_000),
    reminderEveryMs: ms(env, 'REMINDER_CHECK_MS', 15 * 60_000),
    reportReminderDays: int(env, 'REPORT_REMINDER_DAYS', 3),
    publicBaseUrl,
  };
}

/** Reads the configuration from environment variables (see README.md, "Configuration"). */
export function readConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const production = env.NODE_ENV === 'production';
  const dataDir = path.resolve(env.GIAOBAN_DATA_DIR ?? 'data');
  const portal = readPortalConfig(env);
  return {
    port: int(env, 'PORT', 3000),
    host: env.HOST ?? '127.0.0.1',
    databaseUrl: env.DATABASE_URL ? env.DATABASE_URL : null,
    dataDir,
    sqliteFile: path.join(dataDir, 'giaoban.sqlite'),
    demo: flag(env, 'GIAOBAN_DEMO', !production),
    production,
    trustProxy: trustProxy(env.TRUST_PROXY),
    sessionTtlHours: int(env, 'SESSION_TTL_HOURS', 12),
    bodyLimitBytes: int(env, 'BODY_LIMIT_BYTES', 1024 * 1024),
    logLevel: env.LOG_LEVEL ?? (production ? 'info' : 'warn'),
    loginRateLimitPerMinute: int(env, 'LOGIN_RATE_LIMIT_PER_MINUTE', 20),
    workers: workers(env),
    portal,
    mail: readMailConfig(env, portal.publicBaseUrl),
  };
}

/** What only the `giaoban` command reads, besides the Config above. */
export interface CliConfig {
  /** GIAOBAN_PASSWORD: the password of `user add` and `user passwd` when --password is not given. */
  password: string | null;
}

export function readCliConfig(env: NodeJS.ProcessEnv = process.env): CliConfig {
  return { password: env.GIAOBAN_PASSWORD ? env.GIAOBAN_PASSWORD : null };
}
