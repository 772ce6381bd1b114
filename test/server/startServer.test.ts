import { mkdtemp, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { appendFile, readdir } from 'node:fs/promises';
import { pino } from 'pino';
import { io as connectSocket } from 'socket.io-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Incident } from '../../src/incidents/incident.js';
import type { Runbook } from '../../src/runbook/types.js';
import { addUser } from '../../src/server/auth/usersFile.js';
import { StartError, startServer, type RunningServer, type StartServerOptions } from '../../src/server/startServer.js';
import { LowdbEventStore } from '../../src/store/lowdbEventStore.js';
import { CorruptDataError, DataDirLockedError } from '../../src/store/storeErrors.js';

const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** How a responder answers each shipped runbook's questions in its demo scenario, and where the walk ends. */
const STORIES: Record<string, { answers: Record<string, string>; end: string }> = {
  'cache-thundering-herd': { answers: { 'restart-cause': 'Failover, upgrade or node maintenance' }, end: 'cold-after-failover' },
  'checkout-5xx': { answers: { 'recent-deploy': 'Yes' }, end: 'recovered' },
  'clock-skew': { answers: { 'time-daemon': 'chronyd is not running' }, end: 'clock-fixed' },
  'kafka-consumer-lag': { answers: { 'poison-message': 'Yes, the same offset keeps failing' }, end: 'lag-cleared' },
  'resource-exhaustion': { answers: {}, end: 'pool-recovered' },
  'slow-dependency': { answers: {}, end: 'mitigated' },
  'zone-partition': { answers: { 'link-cause': 'A change of ours (security group, NACL, route, CNI, mesh policy)' }, end: 'zone-restored' },
};

let dir = '';
const running: RunningServer[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-start-'));
});
afterEach(async () => {
  for (const server of running.splice(0)) await server.close();
  await rm(dir, { recursive: true, force: true });
});

function options(extra: Partial<StartServerOptions> = {}): StartServerOptions {
  return {
    port: 0,
    host: '127.0.0.1',
    dataDir: path.join(dir, 'data'),
    runbooksDir: 'runbooks',
    runbooksGiven: false,
    scenariosDir: 'demo/scenarios',
    sourceOverrides: {},
    env: {},
    cwd: ROOT,
    logger: pino({ level: 'silent' }),
    ...extra,
  };
}

async function start(extra: Partial<StartServerOptions> = {}): Promise<RunningServer> {
  const server = await startServer(options(extra));
  running.push(server);
  return server;
}

async function api(server: RunningServer, token: string, method: string, route: string, body?: unknown): Promise<{ status: number; body: unknown }> {
  const res = await fetch(`${server.url}${route}`, {
    method,
    headers: { authorization: `Bearer ${token}`, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: await res.json() };
}

function adminToken(server: RunningServer): string {
  if (server.firstAdminToken === undefined) throw new Error('no first admin token');
  return server.firstAdminToken;
}

describe('startServer', () => {
  it('creates the first admin once per data dir, and only on the first start', async () => {
    const first = await start();
    expect(first.firstAdminToken).toMatch(/^rpt_[A-Za-z0-9_-]{43}$/);
    expect((await api(first, adminToken(first), 'GET', '/api/incidents')).status).toBe(200);
    await first.close();
    const second = await start();
    expect(second.firstAdminToken).toBeUndefined();
    expect((await api(second, adminToken(first), 'GET', '/api/incidents')).status).toBe(200);
  });

  it.each(Object.keys(STORIES))('walks the shipped runbook %s through the API to its end in demo mode', async (id) => {
    const server = await start();
    expect(server.runbooks).toBe(7);
    expect(server.demoScenarios).toBe(7);
    const token = adminToken(server);
    const runbook = ((await api(server, token, 'GET', `/api/runbooks/${id}`)).body as { runbook: Runbook }).runbook;
    const opened = await api(server, token, 'POST', '/api/incidents', { title: `demo ${id}`, severity: 'sev2', runbook: id });
    expect(opened.status).toBe(201);
    let incident = opened.body as Incident;
    const story = STORIES[id] ?? { answers: {}, end: '' };
    for (let steps = 0; incident.walk?.state.current != null && steps < 50; steps++) {
      const node = incident.walk.state.current;
      const type = runbook.nodes[node]?.type;
      const command =
        type === 'check' ? { type: 'run_check', node } : type === 'question' ? { type: 'answer', node, label: story.answers[node] } : { type: 'complete_action', node, result: 'done' };
      const result = await api(server, token, 'POST', `/api/incidents/${incident.id}/walk`, command);
      expect(result.status, JSON.stringify(result.body)).toBe(201);
      const { events } = result.body as { events: { type: string; data: { reason?: string } }[] };
      expect(events.filter((e) => e.type === 'check.failed').map((e) => e.data.reason)).toEqual([]);
      incident = (result.body as { incident: Incident }).incident;
    }
    expect(incident.walk?.state.ended).toMatchObject({ node: story.end, by: 'end' });
  });

  it('refuses a second server on the same data dir while the first runs', async () => {
    await start();
    await expect(startServer(options())).rejects.toBeInstanceOf(DataDirLockedError);
  });

  it('refuses a runbooks folder that was named but does not exist, and a port in use', async () => {
    await expect(startServer(options({ runbooksDir: 'no-such-dir', runbooksGiven: true }))).rejects.toThrow(StartError);
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const address = blocker.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      await expect(startServer(options({ port }))).rejects.toThrow(/in use/);
    } finally {
      blocker.close();
    }
    // Neither failed start kept the data dir locked.
    expect((await start()).url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('serves with no runbooks folder when none was named', async () => {
    const server = await start({ runbooksDir: 'nowhere', scenariosDir: 'nowhere' });
    expect(server.runbooks).toBe(0);
    expect(((await api(server, adminToken(server), 'GET', '/api/runbooks')).body as { runbooks: unknown[] }).runbooks).toEqual([]);
  });

  it('lets a user added while it runs sign in without a restart', async () => {
    const server = await start();
    const { token } = await addUser(path.join(dir, 'data'), { name: 'rita', role: 'responder', now: new Date().toISOString() });
    const opened = await api(server, token, 'POST', '/api/incidents', { title: 'x', severity: 'sev3' });
    expect(opened.status).toBe(201);
    expect((opened.body as Incident).openedBy).toEqual({ kind: 'user', name: 'rita' });
  });

  it('on close finishes the appends under way: every acknowledged event is on disk, and the dir is unlocked', async () => {
    const server = await start();
    const token = adminToken(server);
    const id = ((await api(server, token, 'POST', '/api/incidents', { title: 'x', severity: 'sev3' })).body as Incident).id;
    const notes = Array.from({ length: 40 }, (_, i) => api(server, token, 'POST', `/api/incidents/${id}/events`, { type: 'note', text: `n${i}` }).catch(() => ({ status: 0, body: null })));
    await Promise.race(notes);
    await server.close();
    const results = await Promise.all(notes);
    const acknowledged = results.filter((r) => r.status === 201).map((r) => (r.body as { events: { seq: number; data: { text: string } }[] }).events[0]);
    expect(results.every((r) => [0, 201, 503].includes(r.status))).toBe(true);
    expect(acknowledged.length).toBeGreaterThan(0);
    const store = await LowdbEventStore.open({ dataDir: path.join(dir, 'data'), onNotice: () => undefined });
    try {
      const stored = await store.read(id);
      for (const event of acknowledged) expect(stored.find((e) => e.seq === event?.seq)?.data).toEqual(event?.data);
      expect(stored.map((e) => e.seq)).toEqual(stored.map((_, i) => i + 1));
    } finally {
      await store.close();
    }
  });

  it('serves the realtime gateway on the same port, with the same tokens: HTTP commands reach joined sockets', async () => {
    const server = await start();
    const token = adminToken(server);
    const id = ((await api(server, token, 'POST', '/api/incidents', { title: 'x', severity: 'sev3' })).body as Incident).id;
    const refused = connectSocket(server.url, { auth: { token: 'rpt_wrong' }, transports: ['websocket'], reconnection: false });
    const refusal = await new Promise<unknown>((resolve) => refused.once('connect_error', (error: Error & { data?: unknown }) => { resolve(error.data); }));
    expect(refusal).toMatchObject({ code: 'invalid_credentials' });
    refused.close();

    const socket = connectSocket(server.url, { auth: { token }, transports: ['websocket'], reconnection: false });
    try {
      const seqs: number[] = [];
      socket.on('events', (batch: { events: { seq: number }[] }) => seqs.push(...batch.events.map((e) => e.seq)));
      const joined = (await socket.timeout(5000).emitWithAck('join', { incidentId: id, afterSeq: 0 })) as { status: number; body: { events: { seq: number }[] } };
      expect(joined.status).toBe(200);
      seqs.push(...joined.body.events.map((e) => e.seq));
      const metrics = await (await fetch(`${server.url}/metrics`)).text();
      expect(metrics).toMatch(/runpath_connected_sockets 1/);
      await api(server, token, 'POST', `/api/incidents/${id}/events`, { type: 'note', text: 'live' });
      await expect.poll(() => seqs).toEqual([1, 2]);
    } finally {
      socket.close();
    }
  });

  it('reports a damaged data file at start instead of dropping it, and starts with repair', async () => {
    const server = await start();
    const token = adminToken(server);
    const id = ((await api(server, token, 'POST', '/api/incidents', { title: 'x', severity: 'sev3' })).body as Incident).id;
    await api(server, token, 'POST', `/api/incidents/${id}/events`, { type: 'note', text: 'kept' });
    await server.close();
    const incidents = path.join(dir, 'data', 'incidents');
    const log = (await readdir(incidents)).find((name) => name.endsWith('.jsonl')) ?? '';
    // A whole line that is not a record, then a good-looking one: damage, not a torn last append.
    await appendFile(path.join(incidents, log), '{"not": "a record"}\n');
    await expect(startServer(options())).rejects.toBeInstanceOf(CorruptDataError);
    await expect(startServer(options())).rejects.toThrow(new RegExp(`incidents/${log}:3`));
    const repaired = await start({ repair: true });
    expect(((await api(repaired, token, 'GET', `/api/incidents/${id}`)).body as Incident).lastSeq).toBe(2);
  });
});
