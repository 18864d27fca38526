import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { readConfig, type Config } from '../config.ts';
import type { Database } from '../db/database.ts';
import { nowIso } from '../db/dialect.ts';
import { fold } from '../text/index.ts';
import { AppError } from '../http/errors.ts';
import { buildApp } from '../app.ts';
import { insertAccount, replaceRoles } from '../units/accounts.repository.ts';
import { hashPassword } from '../units/passwords.ts';
import type { Actor, Ctx, Role, UnitKind } from '../units/roles.ts';
import { insertUnit, nextSortOrder } from '../units/units.repository.ts';

/** A short random suffix, so factory data never collides within a shared database. */
export function uniq(): string {
  return randomBytes(3).toString('hex');
}

export async function buildUnit(
  db: Database,
  overrides: { parentId?: number | null; kind?: UnitKind; name?: string; active?: boolean } = {},
) {
  const name = overrides.name ?? `Đơn vị thử ${uniq()}`;
  const parentId = overrides.parentId ?? null;
  const now = nowIso();
  return insertUnit(db, {
    parent_id: parentId,
    kind: overrides.kind ?? 'mass_organization',
    name,
    name_folded: fold(name),
    short_name: null,
    sort_order: await nextSortOrder(db, parentId),
    active: overrides.active === false ? 0 : 1,
    created_at: now,
    updated_at: now,
  });
}

export const TEST_PASSWORD = 'mat-khau-thu-1';
let testHash: Promise<string> | null = null;

export async function buildAccount(
  db: Database,
  overrides: {
    username?: string;
    fullName?: string;
    roles?: { unitId: number; role: Role }[];
    active?: boolean;
    email?: string | null;
    emailOptIn?: boolean;
    language?: 'vi' | 'en';
  } = {},
) {
  testHash ??= hashPassword(TEST_PASSWORD);
  const fullName = overrides.fullName ?? `Nguyễn Văn Thử ${uniq()}`;
  const now = nowIso();
  const row = await insertAccount(db, {
    username: overrides.username ?? `user${uniq()}`,
    password_hash: await testHash,
    full_name: fullName,
    full_name_folded: fold(fullName),
    position: null,
    active: overrides.active === false ? 0 : 1,
    email: overrides.email ?? null,
    email_opt_in: overrides.emailOptIn === false ? 0 : 1,
    language: overrides.language ?? 'vi',
    created_at: now,
    updated_at: now,
  });
  const roles = overrides.roles ?? [];
  await replaceRoles(db, row.id, roles);
  return { ...row, roles };
}

/** A service context for an actor holding the given roles. */
export function ctxFor(account: {
  id: number;
  username: string;
  full_name: string;
  roles: Actor['roles'];
}): Ctx {
  return {
    actor: {
      id: account.id,
      username: account.username,
      fullName: account.full_name,
      roles: account.roles,
    },
    requestId: null,
  };
}

/** Test configuration: quiet, and a login rate limit high enough for suites that log in often. */
export function testConfig(overrides: Partial<Config> = {}): Config {
  return { ...readConfig({}), logLevel: 'silent', loginRateLimitPerMinute: 10_000, ...overrides };
}

export async function buildTestApp(
  db: Database,
  overrides: Partial<Config> = {},
): Promise<FastifyInstance> {
  return buildApp({ config: testConfig(overrides), db, logger: false });
}

/** Logs in through the API and returns the cookie header to send with later requests. */
export async function loginCookie(
  app: FastifyInstance,
  username: string,
  password = TEST_PASSWORD,
) {
  const response = await app.inject({
    method: 'POST',
    url: '/api/v1/auth/login',
    payload: { username, password },
  });
  if (response.statusCode !== 200) {
    throw new Error(`login of ${username} failed: ${response.statusCode} ${response.body}`);
  }
  const cookie = response.cookies.find((c) => c.name === 'giaoban_session');
  if (!cookie) throw new Error('no session cookie');
  return `giaoban_session=${cookie.value}`;
}

/** The AppError a service call is refused with (fails the test when it is not refused). */
export async function failure(p: Promise<unknown>): Promise<AppError> {
  try {
    await p;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected a refusal');
}
