// Timeline promise 2 across a restart of the real server: the same idempotency key with the same
// payload gives the same answer and no new event, over HTTP and sockets; another payload is refused.
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { addUser, api, connectSocket, readTimeline, request, startServe } from './serveProcess.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('idempotency across a server restart', () => {
  it.each(['SIGKILL', 'SIGTERM'] as const)('replays stored answers after a %s and restart, and refuses a reused key with another payload', async (signal) => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'runpath-idem-'));
    dirs.push(dataDir);
    const token = addUser(dataDir, 'ana', 'responder');
    let server = await startServe(dataDir);
    try {
      const open = { title: 'payments are slow', severity: 'sev2' };
      const opened = await api(server.url, token, 'POST', '/api/incidents', open, 'open-1');
      expect(opened.status).toBe(201);
      const incidentId = (opened.body as { id: string }).id;
      const noted = await api(server.url, token, 'POST', `/api/incidents/${incidentId}/events`, { type: 'note', text: 'over http' }, 'note-1');
      expect(noted.status).toBe(201);
      const socket = await connectSocket(server.url, token);
      const command = { incidentId, command: { type: 'note', text: 'over a socket' }, idempotencyKey: 'note-2' };
      const acked = await request(socket, 'command', command);
      expect(acked.status).toBe(201);
      socket.disconnect();

      if (signal === 'SIGKILL') await server.kill9();
      else await server.stop();
      server = await startServe(dataDir);

      expect(await api(server.url, token, 'POST', '/api/incidents', open, 'open-1')).toEqual(opened);
      expect(await api(server.url, token, 'POST', `/api/incidents/${incidentId}/events`, { type: 'note', text: 'over http' }, 'note-1')).toEqual(noted);
      const again = await connectSocket(server.url, token);
      expect(await request(again, 'command', command)).toEqual(acked);
      // A key names one request: over the other channel it is still the same request…
      expect(await api(server.url, token, 'POST', `/api/incidents/${incidentId}/events`, command.command, 'note-2')).toEqual(acked);
      // …and with another payload it is refused.
      const reused = await request(again, 'command', { ...command, command: { type: 'note', text: 'something else' } });
      expect(reused).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
      const reusedHttp = await api(server.url, token, 'POST', '/api/incidents', { ...open, title: 'another incident' }, 'open-1');
      expect(reusedHttp).toMatchObject({ status: 422, body: { error: { code: 'idempotency_key_reused' } } });
      again.disconnect();

      const timeline = await readTimeline(server.url, token, incidentId);
      expect(timeline.map((e) => [e.seq, e.type, e.key])).toEqual([
        [1, 'incident.opened', 'open-1'],
        [2, 'note.added', 'note-1'],
        [3, 'note.added', 'note-2'],
      ]);
      const list = await api(server.url, token, 'GET', '/api/incidents');
      expect((list.body as { incidents: unknown[] }).incidents).toHaveLength(1);
    } finally {
      await server.stop().catch(() => server.kill9());
    }
  }, 60_000);
});
