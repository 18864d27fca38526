import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Db } from '../db/schema.ts';
import type { Job } from '../jobs/scheduler.ts';
import type { MailConfig } from './mail.config.ts';
import { describeMailError, type MailTransport } from './mailer.ts';
import * as repo from './notifications.repository.ts';
import type { OutboxRow } from './notifications.tables.ts';
import { renderEmail, type NotificationParams } from './templates.ts';

/** How long a claim holds: longer than a batch's sending can take with the transport's timeouts. */
const CLAIM_MS = 10 * 60_000;
const BATCH = 20;
const MAX_BACKOFF_MS = 6 * 3600_000;

export interface SendResult {
  sent: number;
  retried: number;
  failed: number;
  skipped: number;
}

/** A failure of the connection, not of one message: trying the next one now would fail alike. */
function unreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return ['ECONNECTION', 'ETIMEDOUT', 'ESOCKET', 'EDNS', 'ECONNREFUSED', 'EAUTH', 'ETLS'].includes(
    String(code),
  );
}

/** The wait before try `attempts + 1` after `attempts` failed ones: doubling, at most 6 hours. */
export function backoffMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), MAX_BACKOFF_MS);
}

const plus = (iso: string, ms: number) => new Date(Date.parse(iso) + ms).toISOString();

function mailOf(row: OutboxRow, config: MailConfig) {
  const url = config.publicBaseUrl ? `${config.publicBaseUrl}${row.link}` : null;
  const lang = row.language === 'en' ? 'en' : 'vi';
  const params = JSON.parse(row.params_json) as NotificationParams;
  const email = renderEmail(row.kind, params, lang, url);
  return { to: row.to_address, messageId: `<outbox-${row.id}@giaoban>`, ...email };
}

async function settle(db: Db, row: OutboxRow, config: MailConfig, at: string, error: unknown) {
  const attempts = row.attempts + 1;
  const last = attempts >= config.maxAttempts;
  await repo.markFailed(db, row.id, {
    status: last ? 'failed' : 'pending',
    attempts,
    next: last ? at : plus(at, backoffMs(attempts, config.retryBaseMs)),
    error: describeMailError(error),
  });
  return last;
}

/**
 * Sends what is due: claims a batch (PostgreSQL: FOR UPDATE SKIP LOCKED, so each instance's
 * sender takes other rows), sends each, marks it sent, or counts the failed try and waits
 * longer before the next, giving up after `maxAttempts` with the error kept. Without a transport
 * (SMTP_HOST unset) claimed rows are marked skipped. Until nothing is due.
 */
export async function sendDue(
  db: Database,
  transport: MailTransport | null,
  config: MailConfig,
  clock: Clock,
): Promise<SendResult> {
  const result: SendResult = { sent: 0, retried: 0, failed: 0, skipped: 0 };
  for (;;) {
    const now = clock();
    const rows = await db
      .transaction()
      .execute((trx) => repo.claimDue(trx, now, plus(now, CLAIM_MS), BATCH));
    if (rows.length === 0) return result;
    for (const [index, row] of rows.entries()) {
      const at = clock();
      if (!transport) {
        await repo.markFailed(db, row.id, {
          status: 'skipped',
          attempts: row.attempts,
          next: at,
          error: 'SMTP_HOST is not set: e-mail is off',
        });
        result.skipped++;
        continue;
      }
      try {
        await transport.send(mailOf(row, config));
      } catch (error) {
        if (await settle(db, row, config, at, error)) result.failed++;
        else result.retried++;
        if (unreachable(error)) {
          // The server cannot be reached: the rest of the batch waits for the next run untried.
          await repo.release(
            db,
            rows.slice(index + 1).map((r) => r.id),
          );
          return result;
        }
        continue;
      }
      await repo.markSent(db, row.id, at);
      result.sent++;
    }
    // A batch that failed entirely: the server is down, try again on the next run.
    if (result.sent === 0 && result.retried + result.failed > 0) return result;
  }
}

export const SENDER_JOB = 'notifications.send';

/** The sender job: on every instance (the claims share the work), every MAIL_SEND_MS. */
export function senderJob(
  db: Database,
  transport: MailTransport | null,
  config: MailConfig,
  onResult?: (r: SendResult) => void,
): Job {
  return {
    name: SENDER_JOB,
    everyMs: config.sendEveryMs,
    exclusive: false,
    run: async (now) => {
      const r = await sendDue(db, transport, config, now);
      onResult?.(r);
    },
  };
}
