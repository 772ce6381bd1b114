// Runbook versions pinned per incident: the walk follows the text it started with, whatever the
// runbooks folder holds later; GET /api/incidents/:id/runbook says which version that is.
import { createHash } from 'node:crypto';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import type { Runbook } from '../../../src/runbook/types.js';
import { canonicalJson } from '../../../src/server/payloadFingerprint.js';
import { startServer, type RunningServer } from '../../../src/server/startServer.js';
import { MemoryEventStore } from '../../../src/store/memoryEventStore.js';
import { dbSlow } from '../../fixtures/server/runbooks.js';
import { bearer, testApp, type TestApp } from '../support/testApp.js';

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const errorOf = (body: unknown): { code: string; message: string } => (body as { error: { code: string; message: string } }).error;

interface WalkRunbookBody {
  runbook: Runbook;
  hash: string | null;
  file?: string;
  latest: { hash: string } | null;
  newer: boolean;
}

/** db-slow, edited: 'Nothing' is gone from the question and a config change leads to a new action. */
const dbSlowV2: Runbook = {
  ...dbSlow,
  nodes: {
    ...dbSlow.nodes,
    ask: { type: 'question', question: 'What changed?', answers: [{ label: 'Deploy', next: 'rollback' }, { label: 'Config', next: 'revert' }] },
    revert: { type: 'action', title: 'Revert the config', instructions: 'Revert it.', next: 'recovered' },
  },
};

async function open(t: TestApp, body: object = { title: 'DB slow', severity: 'sev2', runbook: 'db-slow' }): Promise<{ id: string; events: { type: string; data: Record<string, unknown> }[] }> {
  const res = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).send(body).expect(201);
  const id = (res.body as { id: string }).id;
  const events = await request(t.app).get(`/api/incidents/${id}/events`).set('Authorization', bearer('viewer')).expect(200);
  return { id, events: (events.body as { events: { type: string; data: Record<string, unknown> }[] }).events };
}

const walk = (t: TestApp, id: string, body: object) => request(t.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).send(body);
const walkRunbook = (t: TestApp, id: string) => request(t.app).get(`/api/incidents/${id}/runbook`).set('Authorization', bearer('viewer'));

describe('runbook versions pinned per incident (memory store, runbooks given as objects)', () => {
  it('opening with a runbook records runbook.pinned (the canonical JSON of a runbook given as an object, and its sha256) before walk.started', async () => {
    const t = testApp();
    const { events } = await open(t);
    expect(events.map((e) => e.type)).toEqual(['incident.opened', 'runbook.pinned', 'walk.started', 'step.entered']);
    const text = canonicalJson(dbSlow);
    expect(events[1]?.data).toEqual({ runbookId: 'db-slow', hash: sha256(text), text });
    expect(events[2]?.data).toMatchObject({ runbookId: 'db-slow', runbookHash: sha256(text) });
  });

  it('GET /api/incidents/:id/runbook answers the pinned runbook, its hash and the loaded version (viewer and up)', async () => {
    const t = testApp();
    const { id } = await open(t);
    const res = await walkRunbook(t, id).expect(200);
    const hash = sha256(canonicalJson(dbSlow));
    expect(res.body).toEqual({ runbook: dbSlow, hash, latest: { hash }, newer: false });
    await request(t.app).get(`/api/incidents/${id}/runbook`).expect(401);
  });

  it('a second walk of the same version is not pinned again', async () => {
    const t = testApp();
    const { id } = await open(t);
    const again = await walk(t, id, { type: 'start', runbook: 'db-slow', node: 'latency' }).expect(201);
    expect((again.body as { events: { type: string }[] }).events.map((e) => e.type)).toEqual(['walk.started', 'step.entered']);
  });

  it('after the runbook changed, a walk under way follows its pinned version, a new incident the new one, and the answer says a newer version exists', async () => {
    const store = new MemoryEventStore();
    const before = testApp({ store });
    const { id } = await open(before);
    await walk(before, id, { type: 'run_check', node: 'latency' }).expect(201);

    const after = testApp({ store, runbooks: [dbSlowV2] });
    // 'Nothing' exists only in the pinned version.
    const answered = await walk(after, id, { type: 'answer', node: 'ask', label: 'Nothing' }).expect(201);
    expect((answered.body as { events: { type: string; data: { node: string } }[] }).events.map((e) => [e.type, e.data.node])).toEqual([
      ['question.answered', 'ask'],
      ['step.entered', 'escalate'],
      ['walk.ended', 'escalate'],
    ]);
    const old = (await walkRunbook(after, id).expect(200)).body as WalkRunbookBody;
    expect(old).toEqual({ runbook: dbSlow, hash: sha256(canonicalJson(dbSlow)), latest: { hash: sha256(canonicalJson(dbSlowV2)) }, newer: true });

    const fresh = await open(after);
    await walk(after, fresh.id, { type: 'run_check', node: 'latency' }).expect(201);
    const refused = await walk(after, fresh.id, { type: 'answer', node: 'ask', label: 'Nothing' }).expect(422);
    expect(errorOf(refused.body).code).toBe('unknown_answer');
    await walk(after, fresh.id, { type: 'answer', node: 'ask', label: 'Config' }).expect(201);
    expect(((await walkRunbook(after, fresh.id).expect(200)).body as WalkRunbookBody).newer).toBe(false);
  });

  it('parses a pinned version from the timeline once, not on every command', async () => {
    const reads: number[] = [];
    class CountingStore extends MemoryEventStore {
      override read(incidentId: string, afterSeq = 0): ReturnType<MemoryEventStore['read']> {
        reads.push(afterSeq);
        return super.read(incidentId, afterSeq);
      }
    }
    const store = new CountingStore();
    const { id } = await open(testApp({ store }));
    const after = testApp({ store, runbooks: [dbSlowV2] });
    await walk(after, id, { type: 'run_check', node: 'latency' }).expect(201);
    await walk(after, id, { type: 'answer', node: 'ask', label: 'Deploy' }).expect(201);
    await walkRunbook(after, id).expect(200);
    // runbook.pinned is seq 2: the one read that starts there fetches its text.
    expect(reads.filter((afterSeq) => afterSeq === 1)).toHaveLength(1);
  });

  it('a walk recorded before pinning follows the loaded runbook, and the answer says so with hash null', async () => {
    const t = testApp();
    const actor = { kind: 'user' as const, name: 'responder' };
    await t.store.append({
      incidentId: 'old',
      expectedLastSeq: 0,
      drafts: [
        { type: 'incident.opened', actor, data: { title: 'Old', severity: 'sev3', runbook: { id: 'db-slow', title: dbSlow.title } } },
        { type: 'walk.started', actor, data: { runbookId: 'db-slow', runbookTitle: dbSlow.title, inputs: { cluster: 'main' } } },
        { type: 'step.entered', actor, data: { node: 'latency', nodeType: 'check', visit: 1 } },
      ],
    });
    expect((await walkRunbook(t, 'old').expect(200)).body).toEqual({ runbook: dbSlow, hash: null, latest: { hash: sha256(canonicalJson(dbSlow)) }, newer: false });
    const checked = await walk(t, 'old', { type: 'run_check', node: 'latency' }).expect(201);
    expect((checked.body as { incident: { walk: { state: { current: string } } } }).incident.walk.state.current).toBe('ask');
    const gone = testApp({ store: t.store, runbooks: [] });
    expect(errorOf((await walkRunbook(gone, 'old').expect(409)).body).code).toBe('runbook_unavailable');
  });

  it('a walk whose pinned text the timeline does not hold is refused with runbook_unavailable', async () => {
    const t = testApp({ runbooks: [dbSlowV2] });
    const actor = { kind: 'user' as const, name: 'responder' };
    await t.store.append({
      incidentId: 'lost',
      expectedLastSeq: 0,
      drafts: [
        { type: 'incident.opened', actor, data: { title: 'Lost', severity: 'sev3' } },
        { type: 'walk.started', actor, data: { runbookId: 'db-slow', runbookTitle: dbSlow.title, inputs: { cluster: 'main' }, runbookHash: 'f'.repeat(64) } },
        { type: 'step.entered', actor, data: { node: 'latency', nodeType: 'check', visit: 1 } },
      ],
    });
    const refused = await walk(t, 'lost', { type: 'run_check', node: 'latency' }).expect(409);
    expect(errorOf(refused.body)).toMatchObject({ code: 'runbook_unavailable', message: expect.stringContaining('start another walk') as unknown });
    expect(errorOf((await walkRunbook(t, 'lost').expect(409)).body).code).toBe('runbook_unavailable');
  });

  it('404 no_walk for an incident that never walked a runbook, 404 not_found for none', async () => {
    const t = testApp();
    const { id } = await open(t, { title: 'No runbook', severity: 'sev3' });
    const res = await walkRunbook(t, id).expect(404);
    expect(errorOf(res.body).code).toBe('no_walk');
    expect(errorOf(res.body).message).toContain('start a walk');
    expect(errorOf((await walkRunbook(t, 'nope').expect(404)).body).code).toBe('not_found');
  });
});

const V1 = `runpath: 1
id: cache-miss
title: Cache misses are high
sources:
  prom: { type: prometheus, url: "http://127.0.0.1:9" }
start: cause
nodes:
  cause:
    type: question
    question: What changed?
    answers:
      - { label: A deploy, next: rollback }
      - { label: Nothing, next: done }
  rollback:
    type: action
    title: Roll back
    instructions: Roll back the deploy.
    next: hit-ratio
  hit-ratio:
    type: check
    source: prom
    query: avg(cache_hit_ratio)
    branches:
      - { when: { op: lt, value: 0.5 }, next: escalate }
    default: done
    on_no_data: escalate
    on_error: escalate
  escalate:
    type: end
    outcome: escalate
  done:
    type: end
    outcome: resolved
`;

/** The same runbook, edited: a deploy now leads to flushing the cache; 'Nothing' became 'A config change'. */
const V2 = V1.replace('{ label: A deploy, next: rollback }', '{ label: A deploy, next: flush }')
  .replace('{ label: Nothing, next: done }', '{ label: A config change, next: rollback }')
  .replace('  rollback:\n', '  flush:\n    type: action\n    title: Flush the cache\n    instructions: Flush it.\n    next: hit-ratio\n  rollback:\n');

describe('runbook versions pinned per incident (real files, the server restarted)', () => {
  let dir = '';
  const running: RunningServer[] = [];
  afterEach(async () => {
    for (const server of running.splice(0)) await server.close();
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  async function start(): Promise<{ server: RunningServer; token: string }> {
    const server = await startServer({
      port: 0,
      host: '127.0.0.1',
      dataDir: 'data',
      runbooksDir: 'runbooks',
      runbooksGiven: true,
      sourceOverrides: {},
      env: {},
      cwd: dir,
      logger: pino({ level: 'silent' }),
      shutdownGraceMs: 100,
    });
    running.push(server);
    return { server, token: server.firstAdminToken ?? '' };
  }

  it('a walk under way keeps its version across an edit and a restart; a new incident walks the new one', async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-pin-'));
    await mkdir(path.join(dir, 'runbooks'));
    const file = path.join(dir, 'runbooks', 'cache-miss.yaml');
    await writeFile(file, V1);

    const first = await start();
    const auth = `Bearer ${first.token}`;
    expect(first.token).toMatch(/^rpt_/);
    const opened = await request(first.server.url).post('/api/incidents').set('Authorization', auth).send({ title: 'Cache', severity: 'sev2', runbook: 'cache-miss' }).expect(201);
    const id = (opened.body as { id: string }).id;
    const before = (await request(first.server.url).get(`/api/incidents/${id}/runbook`).set('Authorization', auth).expect(200)).body as WalkRunbookBody;
    expect(before).toMatchObject({ hash: sha256(V1), file: 'runbooks/cache-miss.yaml', latest: { hash: sha256(V1) }, newer: false });
    await first.server.close();
    running.splice(0);

    await writeFile(file, V2);
    const second = await start();
    const url = second.server.url;
    // The walk waits at 'cause' as v1 has it: a deploy leads to rollback, not to v2's flush.
    const answered = await request(url).post(`/api/incidents/${id}/walk`).set('Authorization', auth).send({ type: 'answer', node: 'cause', label: 'A deploy' }).expect(201);
    expect((answered.body as { incident: { walk: { state: { current: string } } } }).incident.walk.state.current).toBe('rollback');
    const pinned = (await request(url).get(`/api/incidents/${id}/runbook`).set('Authorization', auth).expect(200)).body as WalkRunbookBody;
    expect(pinned).toMatchObject({ hash: sha256(V1), file: 'runbooks/cache-miss.yaml', latest: { hash: sha256(V2) }, newer: true });
    expect(Object.keys(pinned.runbook.nodes)).not.toContain('flush');

    const fresh = await request(url).post('/api/incidents').set('Authorization', auth).send({ title: 'Cache again', severity: 'sev2', runbook: 'cache-miss' }).expect(201);
    const freshId = (fresh.body as { id: string }).id;
    const next = await request(url).post(`/api/incidents/${freshId}/walk`).set('Authorization', auth).send({ type: 'answer', node: 'cause', label: 'A deploy' }).expect(201);
    expect((next.body as { incident: { walk: { state: { current: string } } } }).incident.walk.state.current).toBe('flush');
    const events = (await request(url).get(`/api/incidents/${freshId}/events`).set('Authorization', auth).expect(200)).body as { events: { type: string; data: Record<string, unknown> }[] };
    expect(events.events.find((e) => e.type === 'runbook.pinned')?.data).toEqual({ runbookId: 'cache-miss', hash: sha256(V2), text: V2, file: 'runbooks/cache-miss.yaml' });
  });
});
