// /metrics after scripted incidents: incidents opened by severity, time to mitigate and to resolve,
// observed once per figure set by a stored batch (again after a reopen), none again after a restart.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AccessRole } from '../../src/incidents/accessRole.js';
import { MemoryEventStore } from '../../src/store/memoryEventStore.js';
import { bearer, testApp, type TestApp } from './support/testApp.js';

const T0 = Date.parse('2024-06-03T08:00:00.000Z');

function clock(): { now: () => number; advanceTo: (minutes: number) => void } {
  let now = T0;
  return { now: () => now, advanceTo: (minutes) => (now = T0 + minutes * 60_000) };
}

const post = (t: TestApp, path: string, body: object, role: AccessRole = 'commander') =>
  request(t.app).post(path).set('Authorization', bearer(role)).send(body).expect(201);

async function open(t: TestApp, severity: string, runbook?: string): Promise<string> {
  const res = await post(t, '/api/incidents', { title: 'x', severity, ...(runbook === undefined ? {} : { runbook }) }, 'responder');
  return (res.body as { id: string }).id;
}

async function metricsText(t: TestApp): Promise<string> {
  return (await request(t.app).get('/metrics').expect(200)).text;
}

/** The value of one sample line (name with its labels exactly as printed), or undefined when absent. */
function sample(text: string, series: string): number | undefined {
  const line = text.split('\n').find((l) => l.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe('incident metrics on /metrics', () => {
  it('count incidents opened by severity and observe time to mitigate and to resolve once each', async () => {
    const { now, advanceTo } = clock();
    const t = testApp({ store: new MemoryEventStore({ now }), now });
    const id = await open(t, 'sev2', 'db-slow');
    await open(t, 'sev2');
    await open(t, 'sev4');
    advanceTo(3);
    await post(t, `/api/incidents/${id}/walk`, { type: 'run_check', node: 'latency' }, 'responder');
    await post(t, `/api/incidents/${id}/walk`, { type: 'answer', node: 'ask', label: 'Deploy' }, 'responder');
    advanceTo(12.5);
    await post(t, `/api/incidents/${id}/walk`, { type: 'complete_action', node: 'rollback', result: 'done' }, 'responder');
    advanceTo(20);
    // Mitigated again by status: the figure is already set, so nothing more is observed.
    await post(t, `/api/incidents/${id}/events`, { type: 'status', to: 'mitigated' });
    advanceTo(45);
    await post(t, `/api/incidents/${id}/events`, { type: 'status', to: 'resolved' });
    await post(t, `/api/incidents/${id}/events`, { type: 'note', text: 'after the resolution' }, 'responder');

    const text = await metricsText(t);
    expect(text).toContain('# TYPE runpath_incidents_opened_total counter');
    expect(sample(text, 'runpath_incidents_opened_total{severity="sev2"}')).toBe(2);
    expect(sample(text, 'runpath_incidents_opened_total{severity="sev4"}')).toBe(1);
    expect(sample(text, 'runpath_incidents_opened_total{severity="sev1"}')).toBeUndefined();

    expect(text).toContain('# TYPE runpath_time_to_mitigate_seconds histogram');
    expect(sample(text, 'runpath_time_to_mitigate_seconds_count')).toBe(1);
    expect(sample(text, 'runpath_time_to_mitigate_seconds_sum')).toBe(750);
    expect(sample(text, 'runpath_time_to_mitigate_seconds_bucket{le="600"}')).toBe(0);
    expect(sample(text, 'runpath_time_to_mitigate_seconds_bucket{le="900"}')).toBe(1);
    expect(sample(text, 'runpath_time_to_mitigate_seconds_bucket{le="60"}')).toBe(0);
    expect(sample(text, 'runpath_time_to_mitigate_seconds_bucket{le="86400"}')).toBe(1);

    expect(sample(text, 'runpath_time_to_resolve_seconds_count')).toBe(1);
    expect(sample(text, 'runpath_time_to_resolve_seconds_sum')).toBe(2700);
    expect(sample(text, 'runpath_time_to_resolve_seconds_bucket{le="1800"}')).toBe(0);
    expect(sample(text, 'runpath_time_to_resolve_seconds_bucket{le="3600"}')).toBe(1);
  });

  it('observes a resolution again after a reopen, and a jump to resolved as mitigated too', async () => {
    const { now, advanceTo } = clock();
    const t = testApp({ store: new MemoryEventStore({ now }), now });
    const id = await open(t, 'sev1');
    advanceTo(2);
    await post(t, `/api/incidents/${id}/events`, { type: 'status', to: 'resolved' });
    advanceTo(5);
    await post(t, `/api/incidents/${id}/events`, { type: 'status', to: 'investigating' });
    advanceTo(90);
    await post(t, `/api/incidents/${id}/events`, { type: 'status', to: 'resolved' });

    const text = await metricsText(t);
    expect(sample(text, 'runpath_time_to_mitigate_seconds_count')).toBe(1);
    expect(sample(text, 'runpath_time_to_mitigate_seconds_sum')).toBe(120);
    expect(sample(text, 'runpath_time_to_resolve_seconds_count')).toBe(2);
    expect(sample(text, 'runpath_time_to_resolve_seconds_sum')).toBe(120 + 5400);
    expect(sample(text, 'runpath_time_to_resolve_seconds_bucket{le="300"}')).toBe(1);
    expect(sample(text, 'runpath_time_to_resolve_seconds_bucket{le="7200"}')).toBe(2);
  });

  it('starts from zero after a restart: old incidents are not observed again, new figures are', async () => {
    const { now, advanceTo } = clock();
    const store = new MemoryEventStore({ now });
    const before = testApp({ store, now });
    const resolved = await open(before, 'sev2');
    const open2 = await open(before, 'sev3');
    advanceTo(10);
    await post(before, `/api/incidents/${resolved}/events`, { type: 'status', to: 'resolved' });
    expect(sample(await metricsText(before), 'runpath_time_to_resolve_seconds_count')).toBe(1);

    const after = testApp({ store, now });
    let text = await metricsText(after);
    expect(sample(text, 'runpath_incidents_opened_total{severity="sev2"}')).toBeUndefined();
    expect(sample(text, 'runpath_time_to_resolve_seconds_count')).toBe(0);
    expect(sample(text, 'runpath_time_to_mitigate_seconds_count')).toBe(0);

    advanceTo(30);
    await post(after, `/api/incidents/${open2}/events`, { type: 'status', to: 'mitigated' });
    await post(after, `/api/incidents/${resolved}/events`, { type: 'note', text: 'still fine' }, 'responder');
    text = await metricsText(after);
    expect(sample(text, 'runpath_time_to_mitigate_seconds_count')).toBe(1);
    expect(sample(text, 'runpath_time_to_mitigate_seconds_sum')).toBe(1800);
    expect(sample(text, 'runpath_time_to_resolve_seconds_count')).toBe(0);
  });
});
