import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

/** Tokens start with this, so secret scanners and people recognise one. */
export const TOKEN_PREFIX = 'rpt_';

/** A new API token: 32 random bytes, base64url. Shown once; only its hash is stored. */
export function newApiToken(): string {
  return `${TOKEN_PREFIX}${randomBytes(32).toString('base64url')}`;
}

/** sha256 of the token, base64url: what the users file keeps. */
export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('base64url');
}

/** Compares two token hashes in constant time (for equal lengths; hashes always are). */
export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, 'utf8');
  const right = Buffer.from(b, 'utf8');
  return left.length === right.length && timingSafeEqual(left, right);
}
