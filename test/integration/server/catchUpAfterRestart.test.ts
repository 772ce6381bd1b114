// Timeline promise 4 across a server restart: catch-up comes from the store, not from socket.io's
// connection-state recovery, so a client that comes back with its last seq gets exactly what it missed.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Socket } from 'socket.io-client';
import { afterAll, describe, expect, it } from 'vitest';
import { addUser, api, connectSocket, openIncident, request, startServe, type StoredEvent } from './serveProcess.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

/** A client as a browser runs it: on every (re)connect it joins with the last seq it holds. */
function followAcrossReconnects(socket: Socket, incidentId: string): { seqs: number[]; lastSeq: () => number; joins: number[] } {
  const seqs: number[] = [];
  const joins: number[] = [];
  const take = (events: StoredEvent[]): void => {
    for (const event of events) seqs.push(event.seq);
  };
  const join = (): void => {
    const afterSeq = seqs.at(-1) ?? 0;
    joins.push(afterSeq);
    void request(socket, 'join', { incidentId, afterSeq }).then(
      (answer) => { take((answer.body as { events: StoredEvent[] }).events); },
      () => undefined,
    );
  };
  socket.on('events', (batch: { events: StoredEvent[] }) => { take(batch.events); });
  socket.on('connect', join);
  join();
  return { seqs, lastSeq: () => seqs.at(-1) ?? 0, joins };
}

async function until(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await sleep(10);
  }
}

async function note(url: string, token: string, incidentId: string, text: string): Promise<void> {
  const answer = await api(url, token, 'POST', `/api/incidents/${incidentId}/events`, { type: 'note', text });
  expect(answer.status).toBe(201);
}

describe('catch-up after a server restart', () => {
  it('a client rejoining with its last seq after a kill -9 and restart gets exactly the missing events, then live ones', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'runpath-catchup-'));
    dirs.push(dataDir);
    const token = addUser(dataDir, 'ana', 'responder');
    let server = await startServe(dataDir);
    const sockets: Socket[] = [];
    try {
      const incidentId = await openIncident(server.url, token, 'catch-up after restart');
      const other = await openIncident(server.url, token, 'a quiet room');
      // Reconnects by itself (socket.io's reconnection), rejoining with its last seq each time.
      const auto = await connectSocket(server.url, token, { reconnection: true });
      sockets.push(auto);
      const follower = followAcrossReconnects(auto, incidentId);
      // Comes back only when told: it misses everything written while it is away.
      const manual = await connectSocket(server.url, token);
      sockets.push(manual);
      const manualSeqs: number[] = [];
      manual.on('events', (batch: { events: StoredEvent[] }) => { manualSeqs.push(...batch.events.map((e) => e.seq)); });
      const joined = await request(manual, 'join', { incidentId, afterSeq: 0 });
      manualSeqs.push(...(joined.body as { events: StoredEvent[] }).events.map((e) => e.seq));

      for (let i = 0; i < 5; i++) await note(server.url, token, incidentId, `before ${i}`);
      await until(() => follower.lastSeq() === 6 && manualSeqs.at(-1) === 6, 'both clients hold seq 6');

      const port = server.port;
      await server.kill9();
      server = await startServe(dataDir, { port });
      for (let i = 0; i < 4; i++) await note(server.url, token, incidentId, `after ${i}`);

      const back = await connectSocket(server.url, token);
      sockets.push(back);
      const caughtUp = await request(back, 'join', { incidentId, afterSeq: manualSeqs.at(-1) });
      expect((caughtUp.body as { events: StoredEvent[] }).events.map((e) => e.seq)).toEqual([7, 8, 9, 10]);
      expect((caughtUp.body as { events: StoredEvent[] }).events.map((e) => e.data.text)).toEqual(['after 0', 'after 1', 'after 2', 'after 3']);
      // A quiet room after the restart: nothing new, no error.
      const quiet = await request(back, 'join', { incidentId: other, afterSeq: 1 });
      expect(quiet).toMatchObject({ status: 200, body: { events: [], lastSeq: 1 } });

      await until(() => follower.lastSeq() === 10, 'the reconnecting client caught up');
      await note(server.url, token, incidentId, 'live again');
      await until(() => follower.lastSeq() === 11, 'the reconnecting client got the live event');
      expect(follower.seqs).toEqual(Array.from({ length: 11 }, (_, i) => i + 1));
      expect(follower.joins[0]).toBe(0);
      expect(follower.joins.slice(1).every((seq) => seq === 6), `rejoined with its last seq: ${follower.joins.join(', ')}`).toBe(true);
    } finally {
      for (const socket of sockets) socket.disconnect();
      await server.stop().catch(() => server.kill9());
    }
  }, 60_000);
});

describe('browser sessions across a restart', () => {
  it('a session cookie from before a kill -9 still signs the page in after the restart; a signed-out one does not', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'runpath-session-restart-'));
    dirs.push(dataDir);
    const token = addUser(dataDir, 'ana', 'responder');
    let server = await startServe(dataDir);
    try {
      const signIn = async (): Promise<string> => {
        const answer = await fetch(`${server.url}/api/session`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ token }) });
        expect(answer.status).toBe(201);
        const cookie = /runpath_session=[^;]+/.exec(answer.headers.get('set-cookie') ?? '')?.[0];
        if (cookie === undefined) throw new Error('no session cookie');
        return cookie;
      };
      const kept = await signIn();
      const ended = await signIn();
      expect((await fetch(`${server.url}/api/session`, { method: 'DELETE', headers: { cookie: ended } })).status).toBe(204);
      // The sign-out is saved after its answer; give it a moment before the kill.
      await sleep(200);
      await server.kill9();
      server = await startServe(dataDir);
      const me = await fetch(`${server.url}/api/session`, { headers: { cookie: kept } });
      expect(me.status).toBe(200);
      expect(await me.json()).toEqual({ user: { name: 'ana', role: 'responder' } });
      expect((await fetch(`${server.url}/api/session`, { headers: { cookie: ended } })).status).toBe(401);
    } finally {
      await server.kill9();
    }
  });
});
