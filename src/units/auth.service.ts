import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { accountUnit, recordAudit } from '../audit/audit.service.ts';
import { nowOf, type Clock } from '../clock.ts';
import type { DB, Db } from '../db/schema.ts';
import { AppError } from '../http/errors.ts';
import * as accounts from './accounts.repository.ts';
import type { ChangePasswordBody, LoginBody } from './accounts.schema.ts';
import { checkNewPassword, normalizeUsername } from './accounts.service.ts';
import { dummyHash, hashPassword, verifyPassword } from './passwords.ts';
import type { Actor, Ctx } from './roles.ts';
import * as sessions from './sessions.repository.ts';

/** Failed sign-ins allowed before the account backs off. */
export const FREE_ATTEMPTS = 5;
const MAX_LOCK_SECONDS = 15 * 60;

/** Seconds an account stays locked after its n-th consecutive failure: 30 s, doubling, at most 15 min. */
export function lockSeconds(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(30 * 2 ** (failures - FREE_ATTEMPTS), MAX_LOCK_SECONDS);
}

function sessionId(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

function addHours(iso: string, hours: number): string {
  return new Date(Date.parse(iso) + hours * 3_600_000).toISOString();
}

export interface LoginMeta {
  ip: string | null;
  userAgent: string | null;
  requestId: string | null;
  ttlHours: number;
  /** The app's clock; the system clock when absent. */
  now?: Clock;
}

/** Seconds left of an account's back-off, or 0. */
function backOffSeconds(lockedUntil: string | null, now: string): number {
  if (!lockedUntil || lockedUntil <= now) return 0;
  return Math.ceil((Date.parse(lockedUntil) - Date.parse(now)) / 1000);
}

/** Counts a wrong password against the account: after FREE_ATTEMPTS it backs off. */
async function countFailure(db: Db, accountId: number, now: string): Promise<number> {
  const failures = await accounts.incrementFailedLogins(db, accountId);
  const seconds = lockSeconds(failures);
  if (seconds > 0) {
    const until = new Date(Date.parse(now) + seconds * 1000).toISOString();
    await accounts.touchAccount(db, accountId, { locked_until: until });
  }
  return failures;
}

/**
 * Checks the password and opens a session. Not run in one transaction: a failed attempt must be
 * counted even though the request ends in an error.
 *
 * Guessing is throttled twice: per client address by the route's rate limit, and per account by
 * a back-off (30 s after five failures, doubling to 15 min). The back-off never shows: a known
 * name answers exactly as an unknown one (401), so neither existence nor a lock is revealed.
 * While an account backs off, its password is not even checked from addresses it has no
 * session from, so guessing there is futile; from an address it signed in from before, the
 * right password still passes, so an attacker cannot lock the owner out.
 */
export async function login(db: Kysely<DB>, input: LoginBody, meta: LoginMeta) {
  const username = normalizeUsername(input.username);
  const account = await accounts.findAccountByUsername(db, username);
  if (!account || account.active !== 1) {
    await verifyPassword(input.password, await dummyHash());
    throw new AppError(401, 'invalid_credentials');
  }
  const now = nowOf(meta);
  const who = {
    actor: { id: account.id, fullName: account.full_name },
    requestId: meta.requestId,
    now: () => now,
  };
  const summary = `${account.full_name} (${account.username})`;
  const unitId = accountUnit(
    (await accounts.rolesByAccount(db, [account.id])).get(account.id) ?? [],
  );
  const backingOff = backOffSeconds(account.locked_until, now) > 0;
  const trusted =
    backingOff && meta.ip !== null && (await sessions.hasSessionFrom(db, account.id, meta.ip));
  if (backingOff && !trusted) {
    await verifyPassword(input.password, await dummyHash());
    throw new AppError(401, 'invalid_credentials');
  }
  if (!(await verifyPassword(input.password, account.password_hash))) {
    const failures = await countFailure(db, account.id, now);
    await recordAudit(db, who, {
      action: 'login_failed',
      unitId,
      entityType: 'session',
      entityId: account.id,
      summary,
      after: { failures, ip: meta.ip },
    });
    throw new AppError(401, 'invalid_credentials');
  }
  const token = randomBytes(32).toString('base64url');
  await db.transaction().execute(async (trx) => {
    await accounts.touchAccount(trx, account.id, {
      failed_logins: 0,
      locked_until: null,
      last_login_at: now,
    });
    // Sign-ins are rare enough to carry the clean-up of sessions that ran out.
    await sessions.deleteExpiredSessions(trx, now);
    await sessions.insertSession(trx, {
      id: sessionId(token),
      account_id: account.id,
      created_at: now,
      last_seen_at: now,
      expires_at: addHours(now, meta.ttlHours),
      ip: meta.ip,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    });
    await recordAudit(trx, who, {
      action: 'login',
      unitId,
      entityType: 'session',
      entityId: account.id,
      summary,
      after: { ip: meta.ip },
    });
  });
  return { token, actor: await actorOf(db, account.id) };
}

async function actorOf(db: Db, accountId: number): Promise<Actor & { position: string | null }> {
  const row = await accounts.findAccount(db, accountId);
  if (!row) throw new AppError(401, 'unauthenticated');
  const roles = (await accounts.rolesByAccount(db, [accountId])).get(accountId) ?? [];
  return {
    id: row.id,
    username: row.username,
    fullName: row.full_name,
    position: row.position,
    roles,
  };
}

/** The actor behind a session cookie, or null when it is unknown, expired or its account inactive. */
export async function resolveSession(
  db: Kysely<DB>,
  token: string,
  ttlHours: number,
  clock?: Clock,
) {
  const now = nowOf({ now: clock });
  const session = await sessions.findLiveSession(db, sessionId(token), now);
  if (!session || session.active !== 1) return null;
  // Sliding expiry, written at most every five minutes to keep reads cheap.
  if (Date.parse(now) - Date.parse(session.lastSeenAt) > 5 * 60_000) {
    await sessions.extendSession(db, session.sessionId, now, addHours(now, ttlHours));
  }
  return actorOf(db, session.accountId);
}

export async function logout(db: Db, ctx: Ctx, token: string): Promise<void> {
  await sessions.deleteSession(db, sessionId(token));
  await recordAudit(db, ctx, {
    action: 'logout',
    unitId: accountUnit(ctx.actor.roles),
    entityType: 'session',
    entityId: ctx.actor.id,
    summary: `${ctx.actor.fullName} (${ctx.actor.username})`,
  });
}

/**
 * Changes one's own password; other sessions of the account end, this one stays. Not one
 * transaction around everything: a wrong current password must be counted although the request
 * fails; the change itself is one transaction.
 */
export async function changePassword(
  db: Kysely<DB>,
  ctx: Ctx,
  token: string,
  input: ChangePasswordBody,
): Promise<void> {
  const account = await accounts.findAccount(db, ctx.actor.id);
  if (!account) throw new AppError(401, 'unauthenticated');
  // The same back-off as sign-in: a stolen session must not become unlimited password guesses.
  const now = nowOf(ctx);
  const seconds = backOffSeconds(account.locked_until, now);
  if (seconds > 0) {
    throw new AppError(429, 'too_many_requests', { seconds }, undefined, {
      'retry-after': String(seconds),
    });
  }
  if (!(await verifyPassword(input.currentPassword, account.password_hash))) {
    await countFailure(db, account.id, now);
    throw new AppError(400, 'wrong_current_password', {}, { currentPassword: { rule: 'invalid' } });
  }
  checkNewPassword(input.newPassword, 'newPassword');
  const passwordHash = await hashPassword(input.newPassword);
  await db.transaction().execute(async (trx) => {
    await accounts.touchAccount(trx, account.id, {
      password_hash: passwordHash,
      failed_logins: 0,
      locked_until: null,
      updated_at: nowOf(ctx),
    });
    await sessions.deleteSessionsOf(trx, account.id, sessionId(token));
    await recordAudit(trx, ctx, {
      action: 'password_change',
      unitId: accountUnit(ctx.actor.roles),
      entityType: 'account',
      entityId: account.id,
      summary: `${account.full_name} (${account.username})`,
    });
  });
}
