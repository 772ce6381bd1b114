import { describe, expect, it } from 'vitest';
import { hashToken, newApiToken, sameHash, TOKEN_PREFIX } from '../../../src/server/auth/apiToken.js';

describe('apiToken', () => {
  it('makes prefixed tokens of 32 random bytes, different each time', () => {
    const a = newApiToken();
    expect(a.startsWith(TOKEN_PREFIX)).toBe(true);
    expect(Buffer.from(a.slice(TOKEN_PREFIX.length), 'base64url')).toHaveLength(32);
    expect(newApiToken()).not.toBe(a);
  });

  it('hashes with sha256 as base64url, and compares hashes', () => {
    expect(hashToken('abc')).toBe('ungWv48Bz-pBQUDeXa4iI7ADYaOWF3qctBD_YfIAFa0');
    expect(sameHash(hashToken('abc'), hashToken('abc'))).toBe(true);
    expect(sameHash(hashToken('abc'), hashToken('abd'))).toBe(false);
    expect(sameHash('short', hashToken('abc'))).toBe(false);
  });
});
