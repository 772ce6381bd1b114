// POST /api/incidents/:id/walk/preview: the check the walk waits at, run as run_check would run it,
// answered and never recorded.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { dbSlow } from '../../fixtures/server/runbooks.js';
import { bearer, testApp, type TestApp } from '../support/testApp.js';

interface Drafted {
  type: string;
  data: Record<string, unknown>;
}

const errorOf = (body: unknown): { code: string; details?: Record<string, unknown> } => (body as { error: { code: string; details?: Record<string, unknown> } }).error;

async function openWalk(t: TestApp): Promise<string> {
  const res = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).send({ title: 'DB slow', severity: 'sev2', runbook: 'db-slow' }).expect(201);
  return (res.body as { id: string }).id;
}

const preview = (t: TestApp, id: string, body: object, role: 'viewer' | 'responder' | 'commander' = 'responder') =>
  request(t.app).post(`/api/incidents/${id}/walk/preview`).set('Authorization', bearer(role)).send(body);

const walk = (t: TestApp, id: string, body: object) => request(t.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).send(body);

async function storedEvents(t: TestApp, id: string): Promise<unknown[]> {
  const res = await request(t.app).get(`/api/incidents/${id}/events`).set('Authorization', bearer('viewer')).expect(200);
  return (res.body as { events: unknown[] }).events;
}

/** Without the one field that differs between two runs of the same check. */
function decided(event: Drafted | undefined): Drafted | undefined {
  if (!event) return undefined;
  const data = { ...event.data };
  delete data.durationMs;
  return { type: event.type, data };
}

describe('POST /api/incidents/:id/walk/preview', () => {
  it('answers 200 with the events run_check would record ({type, data} only), and records nothing', async () => {
    const t = testApp();
    const id = await openWalk(t);
    const before = await storedEvents(t, id);

    const res = await preview(t, id, { node: 'latency' }).expect(200);
    const { events } = res.body as { events: Drafted[] };
    expect(events.map((e) => e.type)).toEqual(['check.evaluated', 'step.entered']);
    expect(events[0]?.data).toMatchObject({ node: 'latency', value: 0.9, branch: 0, next: 'ask', query: 'p99 latency of main', source: 'demo', sourceType: 'fixture' });
    expect(events[1]).toEqual({ type: 'step.entered', data: { node: 'ask', nodeType: 'question', visit: 1 } });
    for (const event of events) expect(Object.keys(event).sort()).toEqual(['data', 'type']);

    expect(await storedEvents(t, id)).toEqual(before);
    const incident = await request(t.app).get(`/api/incidents/${id}`).set('Authorization', bearer('viewer')).expect(200);
    expect(incident.body).toMatchObject({ lastSeq: before.length, walk: { state: { current: 'latency' } } });
  });

  it('a later run_check records the same branch and the same events', async () => {
    const t = testApp();
    const id = await openWalk(t);
    const previewed = ((await preview(t, id, { node: 'latency' }).expect(200)).body as { events: Drafted[] }).events;
    await preview(t, id, { node: 'latency' }).expect(200);
    const recorded = ((await walk(t, id, { type: 'run_check', node: 'latency' }).expect(201)).body as { events: Drafted[] }).events;
    expect(recorded.map(decided)).toEqual(previewed.map(decided));
    expect(recorded[0]?.data).toMatchObject({ branch: 0, next: 'ask' });
  });

  it('carries the trend when the source has samples', async () => {
    const t = testApp({ scenarios: { [dbSlow.id]: { runbook: 'db-slow', checks: { latency: { values: '0.2 0.6 0.9' } } } } });
    const id = await openWalk(t);
    const { events } = (await preview(t, id, { node: 'latency' }).expect(200)).body as { events: Drafted[] };
    const trend = events[0]?.data.trend as { labels: object; samples: [number, number | null][] }[] | undefined;
    expect(trend).toHaveLength(1);
    expect(trend?.[0]?.samples.map(([, v]) => v)).toEqual([0.2, 0.6, 0.9]);
  });

  it('answers the evaluation time it used; run_check given that time sees exactly the previewed data', async () => {
    let now = Date.parse('2026-11-22T02:00:00.000Z');
    const t = testApp({ now: () => now, scenarios: { [dbSlow.id]: { runbook: 'db-slow', checks: { latency: { values: '0.2 0.6 0.9' } } } } });
    const id = await openWalk(t);
    const answer = (await preview(t, id, { node: 'latency' }).expect(200)).body as { at: number; events: Drafted[] };
    expect(answer.at).toBe(now / 1000);
    const trendEnd = (events: Drafted[]): number | undefined => (events[0]?.data.trend as { samples: [number, number | null][] }[] | undefined)?.[0]?.samples.at(-1)?.[0];
    expect(trendEnd(answer.events)).toBe(answer.at);

    now += 90_000; // the responder looked at it for a minute and a half, then confirmed
    const recorded = ((await walk(t, id, { type: 'run_check', node: 'latency', at: answer.at }).expect(201)).body as { events: Drafted[] }).events;
    expect(trendEnd(recorded)).toBe(answer.at);
    expect(recorded.map(decided)).toEqual(answer.events.map(decided));
  });

  it('refuses an evaluation time outside the last 5 minutes, or ahead of the clock', async () => {
    const now = Date.parse('2026-11-22T02:00:00.000Z');
    const t = testApp({ now: () => now });
    const id = await openWalk(t);
    for (const at of [now / 1000 - 301, now / 1000 + 60]) {
      const refused = await walk(t, id, { type: 'run_check', node: 'latency', at }).expect(400);
      expect(errorOf(refused.body).code).toBe('invalid_request');
      expect(errorOf((await preview(t, id, { node: 'latency', at }).expect(400)).body).code).toBe('invalid_request');
    }
    await walk(t, id, { type: 'run_check', node: 'latency', at: now / 1000 - 299 }).expect(201);
  });

  it('a viewer is refused 403 forbidden; a commander may preview', async () => {
    const t = testApp();
    const id = await openWalk(t);
    const refused = await preview(t, id, { node: 'latency' }, 'viewer').expect(403);
    expect(errorOf(refused.body).code).toBe('forbidden');
    await preview(t, id, { node: 'latency' }, 'commander').expect(200);
    await request(t.app).post(`/api/incidents/${id}/walk/preview`).send({ node: 'latency' }).expect(401);
  });

  it('409 stale_node with the current state when the walk has left that check; nothing recorded', async () => {
    const t = testApp();
    const id = await openWalk(t);
    await walk(t, id, { type: 'run_check', node: 'latency' }).expect(201);
    const before = await storedEvents(t, id);
    const stale = await preview(t, id, { node: 'latency' }).expect(409);
    expect(errorOf(stale.body)).toMatchObject({ code: 'stale_node', details: { current: 'ask', lastSeq: before.length, walk: { state: { current: 'ask' } } } });
    expect(await storedEvents(t, id)).toEqual(before);
  });

  it('the same refusals as run_check: not a check (409 wrong_input), no walk (409 no_walk), walk ended (409 walk_ended), unknown incident (404)', async () => {
    const t = testApp();
    const id = await openWalk(t);
    await walk(t, id, { type: 'run_check', node: 'latency' }).expect(201);
    const notACheck = await preview(t, id, { node: 'ask' }).expect(409);
    expect(errorOf(notACheck.body).code).toBe('wrong_input');
    expect(errorOf((await walk(t, id, { type: 'run_check', node: 'ask' }).expect(409)).body).code).toBe('wrong_input');

    const bare = ((await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).send({ title: 'x', severity: 'sev3' }).expect(201)).body as { id: string }).id;
    expect(errorOf((await preview(t, bare, { node: 'latency' }).expect(409)).body).code).toBe('no_walk');

    await walk(t, id, { type: 'answer', node: 'ask', label: 'Nothing' }).expect(201);
    const ended = await preview(t, id, { node: 'escalate' }).expect(409);
    expect(errorOf(ended.body).code).toBe('walk_ended');
    expect(errorOf((await walk(t, id, { type: 'run_check', node: 'escalate' }).expect(409)).body).code).toBe('walk_ended');

    expect(errorOf((await preview(t, 'no-such-incident', { node: 'latency' }).expect(404)).body).code).toBe('not_found');
  });

  it('400 invalid_request for a body the schema refuses', async () => {
    const t = testApp();
    const id = await openWalk(t);
    for (const body of [{}, { node: '' }, { node: 'latency', type: 'run_check' }, { node: 3 }]) {
      expect(errorOf((await preview(t, id, body).expect(400)).body).code).toBe('invalid_request');
    }
  });
});
