import type { Database } from '../../src/db/database.ts';
import { buildAccount, buildUnit } from '../../src/test-support/factories.ts';

/*
 * The shape of the route × caller authorization table (test/http/authorization.test.ts).
 * Each feature keeps its rows in a file of its own beside this one.
 *
 * The cast: a committee (root) with a board (A) beneath it and a sibling board (B).
 *   rootAdmin  admin in root         subAdmin    admin in A
 *   secretary  secretariat in root   chair       chair in root
 *   headA      unit_head in A        reporterA   reporter in A
 *   editor     editor in root        nobody      signed in, no role     anonymous  no session
 */
export const CALLERS = [
  'anonymous',
  'nobody',
  'reporterA',
  'headA',
  'secretary',
  'chair',
  'editor',
  'subAdmin',
  'rootAdmin',
] as const;
export type Caller = (typeof CALLERS)[number];

export const GRANTS = {
  nobody: [],
  reporterA: [{ unit: 'a', role: 'reporter' }],
  headA: [{ unit: 'a', role: 'unit_head' }],
  secretary: [{ unit: 'root', role: 'secretariat' }],
  chair: [{ unit: 'root', role: 'chair' }],
  editor: [{ unit: 'root', role: 'editor' }],
  subAdmin: [{ unit: 'a', role: 'admin' }],
  rootAdmin: [{ unit: 'root', role: 'admin' }],
} as const;

export interface Fixture {
  db: Database;
  root: number;
  a: number;
  b: number;
  /** Account ids of the cast, for rows that need "my own" records. */
  accounts: Record<Exclude<Caller, 'anonymous'>, number>;
}

export interface Request {
  url: string;
  payload?: unknown;
  headers?: Record<string, string>;
  /** The route answers a stream that stays open (server-sent events): read the status, close it. */
  stream?: boolean;
}

export interface Row {
  /** `METHOD /path` as in the OpenAPI document; a note in parentheses may follow. */
  route: string;
  /** Builds a fresh target for each call, so writes do not disturb the next caller. */
  request: (fx: Fixture) => Promise<Request>;
  expect: Record<Caller, number>;
}

/** Anonymous gets 401, the listed callers `ok`, everyone else `refused` (403 unless said). */
export function allow(
  callers: readonly Caller[],
  ok: number,
  refused = 403,
): Record<Caller, number> {
  return Object.fromEntries(
    CALLERS.map((c) => [c, c === 'anonymous' ? 401 : callers.includes(c) ? ok : refused]),
  ) as Record<Caller, number>;
}

/** Every signed-in caller gets `ok`. */
export function anySignedIn(ok: number): Record<Caller, number> {
  return allow(CALLERS, ok);
}

export const freshUnit = (fx: Fixture, parentId: number) => buildUnit(fx.db, { parentId });
export const freshAccount = (fx: Fixture, unitId: number) =>
  buildAccount(fx.db, { roles: [{ unitId, role: 'reporter' }] });
