import { afterEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../../src/server/auth/apiToken.js';
import { AuthFailureLimiter } from '../../../src/server/auth/authFailureLimiter.js';
import { Authenticator, SESSION_COOKIE } from '../../../src/server/auth/authenticator.js';
import { hashSessionId, SessionStore } from '../../../src/server/auth/sessionStore.js';
import { UserDirectory } from '../../../src/server/auth/userDirectory.js';
import { socketAuthenticator, socketCredentialsLive } from '../../../src/server/realtime/socketAuthenticator.js';
import { connectSocket, openIncident, startHarness, type Harness } from './realtimeHarness.js';

let harness: Harness | undefined;

afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

const createdAt = '2024-05-01T00:00:00.000Z';

async function start(): Promise<{ h: Harness; auth: Authenticator }> {
  const users = UserDirectory.of([
    { name: 'ana', role: 'responder', tokenHash: hashToken('rpt_ana'), createdAt },
    { name: 'vic', role: 'viewer', tokenHash: hashToken('rpt_vic'), createdAt },
  ]);
  const auth = new Authenticator(users, new SessionStore({ now: Date.now }), new AuthFailureLimiter({ now: Date.now, limit: 3 }));
  harness = await startHarness({ realtime: { authenticate: socketAuthenticator(auth), onSessionEnd: (listener) => auth.sessions.onEnd(listener) } });
  return { h: harness, auth };
}

type Outcome = { connected: true; id: string } | { connected: false; message: string; data: unknown };

async function attempt(h: Harness, auth: Record<string, unknown> | undefined, headers: Record<string, string> = {}): Promise<Outcome> {
  const socket = connectSocket(h, auth, { extraHeaders: headers });
  const outcome = await new Promise<Outcome>((resolve) => {
    socket.once('connect', () => { resolve({ connected: true, id: socket.id ?? '' }); });
    socket.once('connect_error', (error: Error & { data?: unknown }) => { resolve({ connected: false, message: error.message, data: error.data }); });
  });
  socket.disconnect();
  return outcome;
}

describe('socketAuthenticator', () => {
  it('lets in a known token from auth or an Authorization header, as the user it belongs to', async () => {
    const { h } = await start();
    const id = await openIncident(h.service);
    const socket = connectSocket(h, { token: 'rpt_vic' });
    await new Promise<void>((resolve, reject) => { socket.once('connect', () => { resolve(); }); socket.once('connect_error', reject); });
    // A viewer: may join, may not write.
    expect(await socket.timeout(5000).emitWithAck('join', { incidentId: id, afterSeq: 0 })).toMatchObject({ status: 200 });
    expect(await socket.timeout(5000).emitWithAck('command', { incidentId: id, command: { type: 'note', text: 'x' } })).toMatchObject({ status: 403 });
    expect(await attempt(h, undefined, { authorization: 'Bearer rpt_ana' })).toMatchObject({ connected: true });
  });

  it('refuses a wrong token with connect_error "unauthorized" and the reason as data, then rate-limits the address', async () => {
    const { h } = await start();
    for (let i = 0; i < 3; i++) {
      expect(await attempt(h, { token: 'rpt_guess' })).toMatchObject({ connected: false, message: 'unauthorized', data: { code: 'invalid_credentials' } });
    }
    // Past the limit even the right token waits: guessing cannot go faster over sockets than over HTTP.
    expect(await attempt(h, { token: 'rpt_ana' })).toMatchObject({ connected: false, message: 'unauthorized', data: { code: 'rate_limited' } });
  });

  it('takes a session cookie from the same origin, and ignores it from another origin', async () => {
    const { h, auth } = await start();
    const session = auth.sessions.create('ana');
    const cookie = `${SESSION_COOKIE}=${session.id}`;
    const host = new URL(h.url).host;
    expect(await attempt(h, undefined, { cookie })).toMatchObject({ connected: true });
    expect(await attempt(h, undefined, { cookie, origin: `http://${host}` })).toMatchObject({ connected: true });
    expect(await attempt(h, undefined, { cookie, origin: 'https://evil.example' })).toMatchObject({ connected: false, message: 'unauthorized', data: { code: 'unauthenticated' } });
    expect(await attempt(h, undefined, { cookie: `${SESSION_COOKIE}=stale` })).toMatchObject({ connected: false, message: 'unauthorized', data: { code: 'session_expired' } });
  });

  it('closes the connections a session opened when it signs out, and only those; they cannot come back', async () => {
    const { h, auth } = await start();
    const leaving = auth.sessions.create('ana');
    const staying = auth.sessions.create('ana');
    const connect = async (headers: Record<string, string>) => {
      const socket = connectSocket(h, undefined, { extraHeaders: headers, reconnection: false });
      await new Promise<void>((resolve, reject) => { socket.once('connect', () => { resolve(); }); socket.once('connect_error', reject); });
      return socket;
    };
    const signedOut = await connect({ cookie: `${SESSION_COOKIE}=${leaving.id}` });
    const other = await connect({ cookie: `${SESSION_COOKIE}=${staying.id}` });
    const byToken = await connect({ authorization: 'Bearer rpt_ana' });
    const closed = new Promise<string>((resolve) => { signedOut.once('disconnect', resolve); });
    auth.signOut(`${SESSION_COOKIE}=${leaving.id}`);
    expect(await closed).toBe('io server disconnect');
    expect(other.connected).toBe(true);
    expect(byToken.connected).toBe(true);
    expect(await attempt(h, undefined, { cookie: `${SESSION_COOKIE}=${leaving.id}` })).toMatchObject({ connected: false, data: { code: 'session_expired' } });
    other.disconnect();
    byToken.disconnect();
  });

  it('closes a session\'s connections once it expires, at the next sweep', async () => {
    let now = Date.now();
    const users = UserDirectory.of([{ name: 'ana', role: 'responder', tokenHash: hashToken('rpt_ana'), createdAt }]);
    const auth = new Authenticator(users, new SessionStore({ now: () => now, ttlMs: 60_000 }), new AuthFailureLimiter({ now: () => now, limit: 3 }));
    harness = await startHarness({ realtime: { authenticate: socketAuthenticator(auth), stillValid: socketCredentialsLive(auth), credentialSweepMs: 20 } });
    const session = auth.sessions.create('ana');
    const socket = connectSocket(harness, undefined, { extraHeaders: { cookie: `${SESSION_COOKIE}=${session.id}` } });
    await new Promise<void>((resolve, reject) => { socket.once('connect', () => { resolve(); }); socket.once('connect_error', reject); });
    const byToken = connectSocket(harness, { token: 'rpt_ana' });
    await new Promise<void>((resolve, reject) => { byToken.once('connect', () => { resolve(); }); byToken.once('connect_error', reject); });
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(socket.connected).toBe(true);
    const closed = new Promise<string>((resolve) => { socket.once('disconnect', resolve); });
    now += 60_001;
    expect(await closed).toBe('io server disconnect');
    expect(byToken.connected).toBe(true);
    byToken.disconnect();
  });

  it('says a connection\'s credentials stand only while its session lives, its token is the user\'s and its role unchanged', async () => {
    let now = 1_000_000;
    const users = UserDirectory.of([{ name: 'ana', role: 'responder', tokenHash: hashToken('rpt_ana'), createdAt }]);
    const auth = new Authenticator(users, new SessionStore({ now: () => now, ttlMs: 1000 }), new AuthFailureLimiter({ now: () => now, limit: 3 }));
    const live = socketCredentialsLive(auth);
    expect(await live({ name: 'ana', role: 'responder', tokenHash: hashToken('rpt_ana') })).toBe(true);
    expect(await live({ name: 'ana', role: 'responder', tokenHash: hashToken('rpt_old') })).toBe(false);
    expect(await live({ name: 'ana', role: 'commander', tokenHash: hashToken('rpt_ana') })).toBe(false);
    expect(await live({ name: 'gone', role: 'responder', tokenHash: hashToken('rpt_ana') })).toBe(false);
    const session = auth.sessions.create('ana');
    const bySession = { name: 'ana', role: 'responder' as const, session: hashSessionId(session.id) };
    expect(await live(bySession)).toBe(true);
    now += 1001;
    expect(await live(bySession)).toBe(false);
  });
});
