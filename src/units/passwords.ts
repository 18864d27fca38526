import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

/*
 * Passwords are hashed with scrypt (Node's built-in, memory-hard). The stored form carries its
 * parameters, so they can be raised later without invalidating existing hashes:
 *   scrypt$N$r$p$saltBase64$hashBase64
 */

const KEY_LENGTH = 32;
const DEFAULTS = { N: 16384, r: 8, p: 1 };
export const MIN_PASSWORD_LENGTH = 8;

function derive(password: string, salt: Buffer, options: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    scrypt(
      password.normalize('NFC'),
      salt,
      KEY_LENGTH,
      { ...options, maxmem: 64 * 1024 * 1024 },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, DEFAULTS);
  const { N, r, p } = DEFAULTS;
  return ['scrypt', N, r, p, salt.toString('base64'), key.toString('base64')].join('$');
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, N, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const actual = await derive(password, Buffer.from(salt, 'base64'), {
    N: Number(N),
    r: Number(r),
    p: Number(p),
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

let dummyHash_: Promise<string> | null = null;

/**
 * A hash of a random password, checked when the username is unknown so that the answer takes
 * as long as for a known one and timing does not reveal which usernames exist.
 */
export function dummyHash(): Promise<string> {
  dummyHash_ ??= hashPassword(randomBytes(12).toString('hex'));
  return dummyHash_;
}
