import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { afterEach, describe, expect, it } from 'vitest';
import { LowdbEventStore } from '../../../src/store/lowdbEventStore.js';
import { bearer, testApp, TOKENS, type TestApp } from '../support/testApp.js';

interface ErrorReply {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const errorOf = (body: unknown): ErrorReply['error'] => (body as ErrorReply).error;

async function openIncident(t: TestApp, body: object = { title: 'DB slow', severity: 'sev2' }): Promise<string> {
  const res = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).send(body).expect(201);
  return (res.body as { id: string }).id;
}

/** The server still answers normally after a refusal. */
async function stillServing(t: TestApp): Promise<void> {
  await request(t.app).get('/api/incidents').set('Authorization', bearer('viewer')).expect(200);
}

describe('the HTTP API', () => {
  describe('ops endpoints', () => {
    it('answers /healthz and /readyz without credentials', async () => {
      const t = testApp();
      expect((await request(t.app).get('/healthz').expect(200)).body).toEqual({ status: 'ok' });
      expect((await request(t.app).get('/readyz').expect(200)).body).toEqual({ status: 'ready' });
    });

    it('/readyz answers 503 once the server is stopping or the store is closed', async () => {
      const t = testApp();
      await t.store.close();
      expect((await request(t.app).get('/readyz').expect(503)).body).toMatchObject({ status: 'not_ready' });
      const u = testApp();
      u.stopping();
      expect((await request(u.app).get('/readyz').expect(503)).body).toEqual({ status: 'not_ready', reason: 'the server is shutting down' });
    });

    it('/metrics counts requests and errors per route, append latency and open incidents', async () => {
      const t = testApp();
      const id = await openIncident(t);
      await request(t.app).get(`/api/incidents/${id}`).set('Authorization', bearer('viewer')).expect(200);
      await request(t.app).get('/api/incidents/nope').set('Authorization', bearer('viewer')).expect(404);
      const res = await request(t.app).get('/metrics').expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/plain/);
      const text = res.text;
      expect(text).toMatch(/runpath_http_requests_total\{method="GET",route="\/api\/incidents\/:id",status="200"\} 1/);
      expect(text).toMatch(/runpath_http_errors_total\{method="GET",route="\/api\/incidents\/:id",status="404",code="not_found"\} 1/);
      expect(text).toMatch(/runpath_http_request_duration_seconds_count\{method="POST",route="\/api\/incidents"\} 1/);
      expect(text).toMatch(/runpath_timeline_append_duration_seconds_count 1/);
      expect(text).toMatch(/runpath_open_incidents 1/);
      expect(text).toMatch(/runpath_connected_sockets 0/);
      expect(text).not.toContain(id);
    });
  });

  describe('authentication', () => {
    it('401 without credentials, with a WWW-Authenticate challenge', async () => {
      const t = testApp();
      const res = await request(t.app).get('/api/incidents').expect(401);
      expect(errorOf(res.body).code).toBe('unauthenticated');
      expect(res.headers['www-authenticate']).toBe('Bearer realm="runpath"');
    });

    it('401 for a wrong token or a malformed header', async () => {
      const t = testApp();
      const wrong = await request(t.app).get('/api/incidents').set('Authorization', 'Bearer rpt_nope').expect(401);
      expect(errorOf(wrong.body).code).toBe('invalid_credentials');
      const basic = await request(t.app).get('/api/incidents').set('Authorization', 'Basic YWRtaW46YWRtaW4=').expect(401);
      expect(errorOf(basic.body).code).toBe('invalid_credentials');
      await stillServing(t);
    });

    it('403 (not 401) when the role is too low', async () => {
      const t = testApp();
      const id = await openIncident(t);
      const res = await request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer('viewer')).send({ type: 'note', text: 'hi' }).expect(403);
      expect(errorOf(res.body).code).toBe('forbidden');
      expect(errorOf(res.body).message).toContain('responder');
      await request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer('responder')).send({ type: 'status', to: 'mitigated' }).expect(403);
      await request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer('commander')).send({ type: 'status', to: 'mitigated' }).expect(201);
    });

    it('rate-limits failed authentications per address: 429 with Retry-After, even for a right token', async () => {
      let now = Date.parse('2024-05-01T12:00:00Z');
      const t = testApp({ authLimit: 3, now: () => now });
      for (let i = 0; i < 3; i++) await request(t.app).get('/api/incidents').set('Authorization', 'Bearer rpt_guess').expect(401);
      const limited = await request(t.app).get('/api/incidents').set('Authorization', bearer('viewer')).expect(429);
      expect(errorOf(limited.body).code).toBe('rate_limited');
      expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
      expect(Number(limited.headers['retry-after'])).toBeLessThanOrEqual(60);
      await request(t.app).post('/api/session').send({ token: TOKENS.viewer }).expect(429);
      await request(t.app).get('/healthz').expect(200);
      now += 61_000;
      await request(t.app).get('/api/incidents').set('Authorization', bearer('viewer')).expect(200);
    });

    it('exchanges a token for an httpOnly SameSite=Strict session cookie, and signs out', async () => {
      const t = testApp();
      const signIn = await request(t.app).post('/api/session').send({ token: TOKENS.responder }).expect(201);
      expect(signIn.body).toMatchObject({ user: { name: 'responder', role: 'responder' } });
      const setCookie = String(signIn.headers['set-cookie']);
      expect(setCookie).toMatch(/^runpath_session=[A-Za-z0-9_-]{43};/);
      expect(setCookie).toMatch(/HttpOnly/);
      expect(setCookie).toMatch(/SameSite=Strict/);
      expect(setCookie).not.toContain(TOKENS.responder);
      const cookie = setCookie.split(';')[0] ?? '';
      expect((await request(t.app).get('/api/session').set('Cookie', cookie).expect(200)).body).toEqual({ user: { name: 'responder', role: 'responder' } });
      await request(t.app).post('/api/incidents').set('Cookie', cookie).send({ title: 'via cookie', severity: 'sev3' }).expect(201);
      await request(t.app).delete('/api/session').set('Cookie', cookie).expect(204);
      const after = await request(t.app).get('/api/incidents').set('Cookie', cookie).expect(401);
      expect(errorOf(after.body).code).toBe('session_expired');
    });

    it('signs in with the token in the Authorization header too; a bad token is 401', async () => {
      const t = testApp();
      await request(t.app).post('/api/session').set('Authorization', bearer('viewer')).expect(201);
      await request(t.app).post('/api/session').send({ token: 'rpt_wrong' }).expect(401);
      const extra = await request(t.app).post('/api/session').send({ token: TOKENS.viewer, remember: true }).expect(400);
      expect(errorOf(extra.body).code).toBe('invalid_request');
    });
  });

  describe('incidents', () => {
    it('POST /api/incidents → 201 with the incident, its id and a Location', async () => {
      const t = testApp();
      const res = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).send({ title: 'Checkout 5xx', severity: 'sev1', runbook: 'db-slow' }).expect(201);
      const body = res.body as { id: string; title: string; walk: { state: { current: string } } };
      expect(body.id).toMatch(/^[0-9a-f-]{36}$/);
      expect(body.title).toBe('Checkout 5xx');
      expect(body.walk.state.current).toBe('latency');
      expect(res.headers.location).toBe(`/api/incidents/${body.id}`);
    });

    it('GET /api/incidents lists them; GET /api/incidents/:id shows one; unknown is 404', async () => {
      const t = testApp();
      const first = await openIncident(t, { title: 'one', severity: 'sev3' });
      const second = await openIncident(t, { title: 'two', severity: 'sev2' });
      const list = await request(t.app).get('/api/incidents').set('Authorization', bearer('viewer')).expect(200);
      expect((list.body as { incidents: { id: string }[] }).incidents.map((i) => i.id)).toEqual([second, first]);
      const one = await request(t.app).get(`/api/incidents/${first}`).set('Authorization', bearer('viewer')).expect(200);
      expect(one.body).toMatchObject({ id: first, title: 'one', status: 'investigating', lastSeq: 1 });
      const missing = await request(t.app).get('/api/incidents/does-not-exist').set('Authorization', bearer('viewer')).expect(404);
      expect(errorOf(missing.body).code).toBe('not_found');
    });

    it('POST /api/incidents/:id/events adds notes, stars, redactions, roles, status and severity', async () => {
      const t = testApp();
      const id = await openIncident(t);
      const post = (role: 'responder' | 'commander', body: object) => request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer(role)).send(body).expect(201);
      const note = await post('responder', { type: 'note', text: 'p99 is 900ms', claimedAt: '2024-05-01T11:58:00Z' });
      expect((note.body as { events: { seq: number; type: string; data: unknown }[] }).events).toMatchObject([{ seq: 2, type: 'note.added', data: { text: 'p99 is 900ms', claimedAt: '2024-05-01T11:58:00.000Z' } }]);
      await post('responder', { type: 'star', seq: 2 });
      await post('commander', { type: 'role', role: 'commander', user: 'alice' });
      await post('commander', { type: 'status', to: 'identified', reason: 'bad index' });
      await post('commander', { type: 'severity', to: 'sev1' });
      const last = await post('commander', { type: 'redact', seq: 2 });
      expect((last.body as { incident: unknown }).incident).toMatchObject({ status: 'identified', severity: 'sev1', roles: { commander: 'alice' }, starred: [2], redacted: [2], lastSeq: 7 });
    });

    it('GET /api/incidents/:id/events?after=n returns the events after n, text redacted for non-admins', async () => {
      const t = testApp();
      const id = await openIncident(t);
      await request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer('responder')).send({ type: 'note', text: 'token=abc' }).expect(201);
      await request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer('commander')).send({ type: 'redact', seq: 2, reason: 'secret' }).expect(201);
      const all = await request(t.app).get(`/api/incidents/${id}/events`).set('Authorization', bearer('viewer')).expect(200);
      expect((all.body as { events: { seq: number }[] }).events.map((e) => e.seq)).toEqual([1, 2, 3]);
      const after = await request(t.app).get(`/api/incidents/${id}/events?after=1`).set('Authorization', bearer('viewer')).expect(200);
      const events = (after.body as { events: { seq: number; data: object; redacted?: object }[] }).events;
      expect(events.map((e) => e.seq)).toEqual([2, 3]);
      expect(events[0]?.data).toEqual({});
      expect(events[0]?.redacted).toMatchObject({ seq: 3, reason: 'secret' });
      const admin = await request(t.app).get(`/api/incidents/${id}/events?after=1`).set('Authorization', bearer('admin')).expect(200);
      expect((admin.body as { events: { data: object }[] }).events[0]?.data).toEqual({ text: 'token=abc' });
      for (const bad of ['-1', 'abc', '1.5', '1&after=2']) {
        const res = await request(t.app).get(`/api/incidents/${id}/events?after=${bad}`).set('Authorization', bearer('viewer')).expect(400);
        expect(errorOf(res.body).code).toBe('invalid_request');
      }
      await request(t.app).get('/api/incidents/nope/events').set('Authorization', bearer('viewer')).expect(404);
    });

    it('keeps walk commands off /events and timeline commands off /walk', async () => {
      const t = testApp();
      const id = await openIncident(t);
      const onEvents = await request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer('responder')).send({ type: 'run_check', node: 'latency' }).expect(400);
      expect(errorOf(onEvents.body).message).toContain('/walk');
      const onWalk = await request(t.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).send({ type: 'note', text: 'x' }).expect(400);
      expect(errorOf(onWalk.body).message).toContain('/events');
    });
  });

  describe('walks', () => {
    it('walks the runbook through the API to its end', async () => {
      const t = testApp();
      const id = await openIncident(t, { title: 'DB slow', severity: 'sev2', runbook: 'db-slow' });
      const walk = (body: object) => request(t.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).send(body).expect(201);
      const check = await walk({ type: 'run_check', node: 'latency' });
      expect((check.body as { events: { type: string }[] }).events.map((e) => e.type)).toEqual(['check.evaluated', 'step.entered']);
      await walk({ type: 'answer', node: 'ask', label: 'Deploy' });
      const done = await walk({ type: 'complete_action', node: 'rollback', result: 'done' });
      expect((done.body as { incident: unknown }).incident).toMatchObject({ walk: { state: { current: null, ended: { node: 'recovered', outcome: 'mitigated' } } } });
    });

    it('409 stale_node with the current state when the step names a node the walk has left', async () => {
      const t = testApp();
      const id = await openIncident(t, { title: 'DB slow', severity: 'sev2', runbook: 'db-slow' });
      await request(t.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).send({ type: 'run_check', node: 'latency' }).expect(201);
      const stale = await request(t.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).send({ type: 'run_check', node: 'latency' }).expect(409);
      const error = errorOf(stale.body);
      expect(error.code).toBe('stale_node');
      // opened, runbook.pinned, walk.started, step.entered, check.evaluated, step.entered
      expect(error.details).toMatchObject({ current: 'ask', lastSeq: 6, walk: { runbookId: 'db-slow', state: { current: 'ask', path: ['latency', 'ask'] } } });
      const events = await request(t.app).get(`/api/incidents/${id}/events`).set('Authorization', bearer('viewer')).expect(200);
      expect((events.body as { events: unknown[] }).events).toHaveLength(6);
    });

    it('starts a walk on an incident opened without one', async () => {
      const t = testApp();
      const id = await openIncident(t);
      const res = await request(t.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).send({ type: 'start', runbook: 'db-slow', inputs: { cluster: 'eu' } }).expect(201);
      expect((res.body as { incident: unknown }).incident).toMatchObject({ walk: { state: { current: 'latency', inputs: { cluster: 'eu' } } } });
    });
  });

  describe('runbooks', () => {
    it('lists the runbooks and shows one; unknown is 404 runbook_not_found', async () => {
      const t = testApp();
      const list = await request(t.app).get('/api/runbooks').set('Authorization', bearer('viewer')).expect(200);
      expect(list.body).toEqual({ runbooks: [expect.objectContaining({ id: 'db-slow', title: 'Database is slow', start: 'latency', problems: [] })], rejected: [] });
      const one = await request(t.app).get('/api/runbooks/db-slow').set('Authorization', bearer('viewer')).expect(200);
      expect((one.body as { runbook: { nodes: object } }).runbook.nodes).toHaveProperty('latency');
      const missing = await request(t.app).get('/api/runbooks/nope').set('Authorization', bearer('viewer')).expect(404);
      expect(errorOf(missing.body).code).toBe('runbook_not_found');
      await request(t.app).get('/api/runbooks').expect(401);
    });
  });

  describe('bad input gets the right 4xx, and the server keeps serving', () => {
    it('malformed JSON → 400 malformed_json', async () => {
      const t = testApp();
      const res = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).set('Content-Type', 'application/json').send('{"title": "x",').expect(400);
      expect(errorOf(res.body).code).toBe('malformed_json');
      const scalar = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).set('Content-Type', 'application/json').send('"just a string"').expect(400);
      expect(errorOf(scalar.body).code).toBe('malformed_json');
      await stillServing(t);
    });

    it('an oversized body → 413 payload_too_large', async () => {
      const t = testApp();
      const id = await openIncident(t);
      const res = await request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer('responder')).send({ type: 'note', text: 'x'.repeat(70_000) }).expect(413);
      expect(errorOf(res.body).code).toBe('payload_too_large');
      await stillServing(t);
      expect((await t.store.read(id)).length).toBe(1);
    });

    it('unknown fields and wrong types → 400 invalid_request naming the field', async () => {
      const t = testApp();
      const id = await openIncident(t);
      const extra = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).send({ title: 'x', severity: 'sev2', owner: 'me' }).expect(400);
      expect(errorOf(extra.body)).toMatchObject({ code: 'invalid_request' });
      expect(errorOf(extra.body).message).toContain('"owner"');
      const wrongType = await request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer('responder')).send({ type: 'star', seq: '2' }).expect(400);
      expect(errorOf(wrongType.body).message).toMatch(/seq must be integer/);
      const noType = await request(t.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).send({ node: 'latency' }).expect(400);
      expect(errorOf(noType.body).message).toContain('type');
      const array = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).send([1, 2]).expect(400);
      expect(errorOf(array.body).code).toBe('invalid_request');
      await stillServing(t);
    });

    it('a body that is not JSON → 415; no body → 400', async () => {
      const t = testApp();
      const form = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).type('form').send('title=x&severity=sev2').expect(415);
      expect(errorOf(form.body).code).toBe('unsupported_media_type');
      const empty = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).expect(400);
      expect(errorOf(empty.body).code).toBe('invalid_request');
    });

    it('a path that does not decode or a body that does not inflate → 400 bad_request, not 500', async () => {
      const t = testApp();
      const path = await request(t.app).get('/api/incidents/%E0%A4%A').set('Authorization', bearer('viewer')).expect(400);
      expect(errorOf(path.body).code).toBe('bad_request');
      const gzip = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).set('Content-Type', 'application/json').set('Content-Encoding', 'gzip').send('not gzip').expect(400);
      expect(errorOf(gzip.body).code).toBe('bad_request');
      const latin1 = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).set('Content-Type', 'application/json; charset=latin1').send('{}').expect(415);
      expect(errorOf(latin1.body).code).toBe('unsupported_media_type');
      expect(t.logs().filter((l) => l.level === 50)).toEqual([]);
      await stillServing(t);
    });

    it('an unknown incident → 404 on every incident route', async () => {
      const t = testApp();
      await request(t.app).post('/api/incidents/nope/events').set('Authorization', bearer('responder')).send({ type: 'note', text: 'x' }).expect(404);
      await request(t.app).post('/api/incidents/nope/walk').set('Authorization', bearer('responder')).send({ type: 'run_check', node: 'latency' }).expect(404);
      await request(t.app).get(`/api/incidents/${'x'.repeat(300)}`).set('Authorization', bearer('viewer')).expect(404);
    });

    it('an unknown route → 404 route_not_found; a bad Idempotency-Key → 400', async () => {
      const t = testApp();
      const res = await request(t.app).get('/api/nothing-here').set('Authorization', bearer('viewer')).expect(404);
      expect(errorOf(res.body).code).toBe('route_not_found');
      const key = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).set('Idempotency-Key', 'has space').send({ title: 'x', severity: 'sev2' }).expect(400);
      expect(errorOf(key.body).code).toBe('invalid_idempotency_key');
    });

    it('an unexpected error → 500 internal_error, logged with the request id, internals not shown', async () => {
      const t = testApp();
      t.service.list = () => Promise.reject(new Error('secret internal detail at /var/lib/x'));
      const res = await request(t.app).get('/api/incidents').set('Authorization', bearer('viewer')).set('X-Request-Id', 'req-500').expect(500);
      expect(errorOf(res.body).code).toBe('internal_error');
      expect(JSON.stringify(res.body)).not.toContain('secret internal detail');
      expect(errorOf(res.body).message).toContain('req-500');
      const logged = t.logs().find((line) => line.msg === 'unhandled error');
      expect(logged).toMatchObject({ reqId: 'req-500', level: 50 });
      await request(t.app).get('/healthz').expect(200);
    });
  });

  describe('idempotency', () => {
    it('same key and payload → the same response and one event; another payload → 422', async () => {
      const t = testApp();
      const send = (key: string, body: object) => request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).set('Idempotency-Key', key).send(body);
      const first = await send('k-1', { title: 'x', severity: 'sev2' }).expect(201);
      const again = await send('k-1', { title: 'x', severity: 'sev2' }).expect(201);
      expect(again.body).toEqual(first.body);
      expect(await t.store.incidentIds()).toHaveLength(1);
      const reused = await send('k-1', { title: 'y', severity: 'sev2' }).expect(422);
      expect(errorOf(reused.body).code).toBe('idempotency_key_reused');

      const id = (first.body as { id: string }).id;
      const note = (key: string, text: string) => request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer('responder')).set('Idempotency-Key', key).send({ type: 'note', text });
      const n1 = await note('n-1', 'hello').expect(201);
      expect((await note('n-1', 'hello').expect(201)).body).toEqual(n1.body);
      await note('n-1', 'other').expect(422);
      expect(await t.store.read(id)).toHaveLength(2);
    });

    describe('across a restart (lowdb store)', () => {
      let dir = '';
      afterEach(async () => {
        if (dir) await rm(dir, { recursive: true, force: true });
      });

      it('replays the first answer from the data dir after the server restarts', async () => {
        dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-http-'));
        const quiet = { dataDir: dir, onNotice: () => undefined };
        const before = testApp({ store: await LowdbEventStore.open(quiet) });
        const body = { title: 'x', severity: 'sev2', runbook: 'db-slow' };
        const opened = await request(before.app).post('/api/incidents').set('Authorization', bearer('responder')).set('Idempotency-Key', 'open-1').send(body).expect(201);
        const id = (opened.body as { id: string }).id;
        const step = await request(before.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).set('Idempotency-Key', 'step-1').send({ type: 'run_check', node: 'latency' }).expect(201);
        await before.service.close();
        await before.store.close();

        const after = testApp({ store: await LowdbEventStore.open(quiet) });
        try {
          const reopened = await request(after.app).post('/api/incidents').set('Authorization', bearer('responder')).set('Idempotency-Key', 'open-1').send(body).expect(201);
          expect(reopened.body).toEqual(opened.body);
          const retried = await request(after.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).set('Idempotency-Key', 'step-1').send({ type: 'run_check', node: 'latency' }).expect(201);
          expect(retried.body).toEqual(step.body);
          await request(after.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).set('Idempotency-Key', 'step-1').send({ type: 'answer', node: 'ask', label: 'Deploy' }).expect(422);
          expect(await after.store.incidentIds()).toEqual([id]);
          expect(await after.store.read(id)).toHaveLength(6);
        } finally {
          await after.store.close();
        }
      });
    });
  });

  describe('logs', () => {
    it('one JSON line per request with its request id (given or generated), never tokens or note text', async () => {
      const t = testApp();
      const id = await openIncident(t);
      await request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer('responder')).set('X-Request-Id', 'abc-123').send({ type: 'note', text: 'the-note-text' }).expect(201);
      await request(t.app).post('/api/session').send({ token: TOKENS.admin }).expect(201);
      const generated = await request(t.app).get('/healthz').expect(200);
      const lines = t.logs();
      expect(lines.find((l) => l.reqId === 'abc-123')).toMatchObject({ msg: 'request', method: 'POST', route: '/api/incidents/:id/events', status: 201, user: 'responder' });
      expect(lines.every((l) => typeof l.reqId === 'string')).toBe(true);
      expect(String(generated.headers['x-request-id'])).toMatch(/^[0-9a-f-]{36}$/);
      expect(lines.some((l) => l.reqId === generated.headers['x-request-id'])).toBe(true);
      const text = t.logText();
      for (const secret of [...Object.values(TOKENS), 'the-note-text']) expect(text).not.toContain(secret);
    });
  });
});
