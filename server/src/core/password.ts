import { randomBytes, scrypt as scryptCb, timingSafeEqual } from 'node:crypto';
import { promisify } from 'node:util';

const scrypt = promisify(scryptCb) as (pw: string, salt: Buffer, keylen: number, opts: object) => Promise<Buffer>;
const N = 16384;
const r = 8;
const p = 1;
const KEYLEN = 32;

/**
 * Whole days left before a password changed at `changedAt` expires (negative once it has),
 * or null when passwords do not expire (TIAODU_PASSWORD_MAX_DAYS=0).
 */
export function passwordExpiresInDays(maxDays: number, now: Date, changedAt: string | Date): number | null {
  if (!maxDays) return null;
  const ageDays = (now.getTime() - new Date(changedAt).getTime()) / 86_400_000;
  return Math.floor(maxDays - ageDays);
}

/** A password the user must change before anything else: flagged (reset, first start) or expired. */
export function mustChangePassword(u: { mustChangePassword: boolean; passwordChangedAt: string | Date }, maxDays: number, now: Date): boolean {
  const days = passwordExpiresInDays(maxDays, now, u.passwordChangedAt);
  return u.mustChangePassword || (days !== null && days < 0);
}

/** scrypt$N$r$p$salt$hash (base64). */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const hash = await scrypt(password.normalize('NFKC'), salt, KEYLEN, { N, r, p, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${r}$${p}$${salt.toString('base64')}$${hash.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [, n, rr, pp, saltB64, hashB64] = parts as [string, string, string, string, string, string];
  const expected = Buffer.from(hashB64, 'base64');
  const actual = await scrypt(password.normalize('NFKC'), Buffer.from(saltB64, 'base64'), expected.length, {
    N: Number(n),
    r: Number(rr),
    p: Number(pp),
    maxmem: 64 * 1024 * 1024,
  });
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** A hash that never matches, to spend the same time on unknown usernames. */
export const DUMMY_HASH = `scrypt$${N}$${r}$${p}$${Buffer.alloc(16).toString('base64')}$${Buffer.alloc(KEYLEN).toString('base64')}`;
