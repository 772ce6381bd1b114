import { describe, expect, it } from 'vitest';
import { hashToken } from '../../../src/server/auth/apiToken.js';
import { AuthFailureLimiter } from '../../../src/server/auth/authFailureLimiter.js';
import { Authenticator, cookieValue, SESSION_COOKIE } from '../../../src/server/auth/authenticator.js';
import { SessionStore } from '../../../src/server/auth/sessionStore.js';
import { UserDirectory } from '../../../src/server/auth/userDirectory.js';

function setup(limit = 3) {
  let now = 1_000_000;
  const clock = { advance: (ms: number) => (now += ms) };
  const users = UserDirectory.of([{ name: 'ann', role: 'responder', tokenHash: hashToken('rpt_ann'), createdAt: 'x' }]);
  const sessions = new SessionStore({ now: () => now, ttlMs: 1000 });
  const auth = new Authenticator(users, sessions, new AuthFailureLimiter({ now: () => now, limit, windowMs: 60_000 }));
  return { auth, clock };
}

describe('Authenticator', () => {
  it('accepts a bearer header or a bare handshake token', async () => {
    const { auth } = setup();
    expect(await auth.authenticate({ authorization: 'Bearer rpt_ann' }, 'a')).toMatchObject({ ok: true, user: { name: 'ann' } });
    expect(await auth.authenticate({ authorization: 'bearer   rpt_ann' }, 'a')).toMatchObject({ ok: true });
    expect(await auth.authenticate({ token: 'rpt_ann' }, 'a')).toMatchObject({ ok: true });
  });

  it('tells no credentials (unauthenticated) from bad ones (invalid_credentials)', async () => {
    const { auth } = setup();
    expect(await auth.authenticate({}, 'a')).toMatchObject({ ok: false, error: { status: 401, code: 'unauthenticated' } });
    expect(await auth.authenticate({ authorization: 'Bearer nope' }, 'a')).toMatchObject({ ok: false, error: { status: 401, code: 'invalid_credentials' } });
    expect(await auth.authenticate({ authorization: 'Token rpt_ann' }, 'a')).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
  });

  it('limits failures per address; the window ends; other addresses are not affected', async () => {
    const { auth, clock } = setup(2);
    await auth.authenticate({ token: 'bad' }, 'a');
    await auth.authenticate({ token: 'bad' }, 'a');
    const limited = await auth.authenticate({ token: 'rpt_ann' }, 'a');
    expect(limited).toMatchObject({ ok: false, error: { status: 429, code: 'rate_limited', headers: { 'Retry-After': '60' } } });
    expect(await auth.authenticate({ token: 'rpt_ann' }, 'b')).toMatchObject({ ok: true });
    clock.advance(60_000);
    expect(await auth.authenticate({ token: 'rpt_ann' }, 'a')).toMatchObject({ ok: true });
  });

  it('signs in to a session that expires, and signs out', async () => {
    const { auth, clock } = setup();
    const signed = await auth.signIn('rpt_ann', 'a');
    if (!signed.ok) throw new Error('sign-in failed');
    const cookie = `other=1; ${SESSION_COOKIE}=${signed.session.id}`;
    expect(await auth.authenticate({ cookie }, 'a')).toMatchObject({ ok: true, user: { name: 'ann' } });
    clock.advance(1000);
    expect(await auth.authenticate({ cookie }, 'a')).toMatchObject({ ok: false, error: { code: 'session_expired' } });
    const again = await auth.signIn('rpt_ann', 'a');
    if (!again.ok) throw new Error('sign-in failed');
    auth.signOut(`${SESSION_COOKIE}=${again.session.id}`);
    expect(await auth.authenticate({ cookie: `${SESSION_COOKIE}=${again.session.id}` }, 'a')).toMatchObject({ ok: false });
    expect((await auth.signIn('wrong', 'a')).ok).toBe(false);
  });

  it('reads one cookie out of a Cookie header', () => {
    expect(cookieValue('a=1; b = 2 ;c=3', 'b')).toBe('2');
    expect(cookieValue('a=1', 'b')).toBeUndefined();
    expect(cookieValue(undefined, 'b')).toBeUndefined();
  });
});
