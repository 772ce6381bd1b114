// POST /api/alerts/alertmanager: Alertmanager's webhook opens incidents, groups notifications onto
// them, records each notification once, and records resolutions without closing anything.
import request from 'supertest';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { Runbook } from '../../../src/runbook/types.js';
import { dbSlow, dbSlowScenario } from '../../fixtures/server/runbooks.js';
import { bearer, testApp, type TestApp } from '../support/testApp.js';
import { parseAlertmanagerPayload } from '../../../src/server/alerts/alertmanagerPayload.js';
import { notificationKey } from '../../../src/server/alerts/notificationKey.js';
import { amPayload, type PayloadAlert } from './alertmanagerPayloads.js';

/** db-slow, suggested for DBSlow alerts; its `cluster` input comes from the alert's `db` label. */
const dbSlowMatched: Runbook = { ...dbSlow, match: [{ labels: { alertname: 'DBSlow' } }], inputs: { cluster: { default: 'main', pattern: '[a-z]+', label: 'db' } } };

const ALERT: PayloadAlert = {
  fingerprint: '3f2a1b2c3d4e5f60',
  labels: { alertname: 'DBSlow', db: 'orders', severity: 'critical' },
  annotations: { summary: 'Orders database p99 above 500ms', description: 'p99 is 900ms on orders' },
};

interface Answer {
  incidentId: string;
  decision: string;
  events: [number, number];
}

interface StoredEvent {
  seq: number;
  type: string;
  actor: Record<string, unknown>;
  key?: string;
  data: Record<string, unknown>;
}

const app = (): TestApp => testApp({ runbooks: [dbSlowMatched], scenarios: { 'db-slow': dbSlowScenario } });

const send = (t: TestApp, payload: unknown, role: 'viewer' | 'responder' | 'admin' = 'responder') =>
  request(t.app).post('/api/alerts/alertmanager').set('Authorization', bearer(role)).send(payload as object);

async function deliver(t: TestApp, payload: unknown): Promise<Answer> {
  const res = await send(t, payload);
  expect(res.status, JSON.stringify(res.body)).toBe(200);
  return res.body as Answer;
}

async function incidents(t: TestApp): Promise<{ id: string; title: string }[]> {
  const res = await request(t.app).get('/api/incidents').set('Authorization', bearer('viewer')).expect(200);
  return (res.body as { incidents: { id: string; title: string }[] }).incidents;
}

async function events(t: TestApp, id: string): Promise<StoredEvent[]> {
  const res = await request(t.app).get(`/api/incidents/${id}/events`).set('Authorization', bearer('viewer')).expect(200);
  return (res.body as { events: StoredEvent[] }).events;
}

/** The stored event at `seq`. */
async function eventAt(t: TestApp, id: string, seq: number): Promise<StoredEvent | undefined> {
  return (await events(t, id)).find((e) => e.seq === seq);
}

async function incident(t: TestApp, id: string): Promise<Record<string, unknown>> {
  return (await request(t.app).get(`/api/incidents/${id}`).set('Authorization', bearer('viewer')).expect(200)).body as Record<string, unknown>;
}

afterEach(() => {
  vi.useRealTimers();
});

describe('POST /api/alerts/alertmanager', () => {
  it('opens an incident for a new group: title, severity, summary, the matching runbook walking with inputs from labels', async () => {
    const t = app();
    const answer = await deliver(t, amPayload([ALERT]));
    const stored = await events(t, answer.incidentId);
    // The answer spans the opening too: incident.opened … alert.received.
    expect(answer).toEqual({ incidentId: (await incidents(t))[0]?.id, decision: 'opened', events: [1, stored.length] });

    const opened = await incident(t, answer.incidentId);
    expect(opened).toMatchObject({
      title: 'Orders database p99 above 500ms',
      severity: 'sev1',
      summary: 'p99 is 900ms on orders',
      status: 'investigating',
      openedBy: { kind: 'alert', source: 'alertmanager' },
      runbook: { id: 'db-slow' },
      walk: { runbookId: 'db-slow', labels: { alertname: 'DBSlow', db: 'orders', severity: 'critical' }, state: { current: 'latency', inputs: { cluster: 'orders' } } },
      alerts: { groupKeys: ['{}:{alertname="DBSlow"}'], firing: ['3f2a1b2c3d4e5f60'] },
    });
    // Nobody has acted yet: an alert does not acknowledge its own incident.
    expect(opened.figures).toEqual({});

    const types = stored.map((e) => e.type);
    expect(types[0]).toBe('incident.opened');
    expect(types.slice(-3)).toEqual(['walk.started', 'step.entered', 'alert.received']);
    const received = stored.at(-1);
    expect(received?.actor).toEqual({ kind: 'alert', source: 'alertmanager' });
    expect(received?.key).toMatch(/^alertmanager:[\w-]{43}$/);
    expect(received?.data).toMatchObject({
      receiver: 'runpath',
      groupKey: '{}:{alertname="DBSlow"}',
      status: 'firing',
      groupLabels: { alertname: 'DBSlow' },
      grouping: { decision: 'opened' },
    });
    expect((received?.data.alerts as unknown[])[0]).toEqual({
      fingerprint: '3f2a1b2c3d4e5f60',
      status: 'firing',
      labels: ALERT.labels,
      annotations: ALERT.annotations,
      startsAt: '2024-05-01T11:58:00.000Z',
      generatorURL: 'http://prometheus:9090/graph?g0.expr=up',
    });
    expect((received?.data.grouping as { reason: string }).reason).toBe(
      'no open incident has this groupKey or saw its fingerprints in the last 30m; runbook db-slow matches {alertname="DBSlow"} (inputs from labels: cluster=orders)',
    );
  });

  it('opens without a walk, saying why, when the labels do not fit the runbook\'s inputs', async () => {
    const t = app();
    const answer = await deliver(t, amPayload([{ ...ALERT, labels: { alertname: 'DBSlow', db: 'Orders-1' } }]));
    expect(answer.events).toEqual([1, 2]); // incident.opened, alert.received: no walk
    const opened = await incident(t, answer.incidentId);
    expect(opened.walk).toBeUndefined();
    expect(opened.severity).toBe('sev3');
    const [, received] = await events(t, answer.incidentId);
    expect((received?.data.grouping as { reason: string }).reason).toContain(
      "runbook db-slow matches {alertname=\"DBSlow\"}, but its walk cannot start from the alert's labels (input 'cluster' is 'Orders-1', which does not match its pattern [a-z]+",
    );
  });

  it('groups the next notification of the same group onto the incident', async () => {
    const t = app();
    const first = await deliver(t, amPayload([ALERT]));
    const second = await deliver(t, amPayload([ALERT, { fingerprint: 'aaaa000011112222', labels: { alertname: 'DBSlow', db: 'users' } }]));
    const seq = first.events[1] + 1;
    expect(second).toEqual({ incidentId: first.incidentId, decision: 'grouped', events: [seq, seq] });
    expect(await incidents(t)).toHaveLength(1);
    expect((await eventAt(t, first.incidentId, seq))?.data.grouping).toEqual({
      decision: 'grouped',
      by: 'group_key',
      reason: `same groupKey as the notification at seq ${first.events[1]}`,
    });
    expect((await incident(t, first.incidentId)).alerts).toMatchObject({ firing: ['3f2a1b2c3d4e5f60', 'aaaa000011112222'] });
  });

  it('groups a notification of another group by a fingerprint seen within the window, and not after it', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.parse('2024-05-01T12:00:00.000Z'));
    const t = app();
    const first = await deliver(t, amPayload([ALERT]));
    // Another route groups the same alert by db: another groupKey, the same fingerprint.
    vi.setSystemTime(Date.parse('2024-05-01T12:10:00.000Z'));
    const byFingerprint = await deliver(t, amPayload([ALERT], ['db']));
    const seq = first.events[1] + 1;
    expect(byFingerprint).toEqual({ incidentId: first.incidentId, decision: 'grouped', events: [seq, seq] });
    expect((await eventAt(t, first.incidentId, seq))?.data.grouping).toEqual({
      decision: 'grouped',
      by: 'fingerprint',
      reason: 'fingerprint 3f2a1b2c… already seen here 10m ago (window 30m), under another groupKey',
    });
    // 30 minutes and a second after it was last seen (at 12:10), a third group opens its own incident.
    vi.setSystemTime(Date.parse('2024-05-01T12:40:01.000Z'));
    const late = await deliver(t, amPayload([ALERT], ['severity']));
    expect(late.decision).toBe('opened');
    expect(late.incidentId).not.toBe(first.incidentId);
    expect(await incidents(t)).toHaveLength(2);
  });

  it('records the same notification once: a retry gets the first answer, even with other annotations', async () => {
    const t = app();
    const payload = amPayload([ALERT]);
    const first = await deliver(t, payload);
    expect(await deliver(t, payload)).toEqual(first);
    const grouped = await deliver(t, amPayload([ALERT, { fingerprint: 'bbbb', labels: { alertname: 'DBSlow', db: 'users' } }]));
    const changed = amPayload([ALERT, { fingerprint: 'bbbb', labels: { alertname: 'DBSlow', db: 'users' }, annotations: { description: 'p99 is now 1.2s' } }]);
    expect(await deliver(t, changed)).toEqual(grouped);
    expect(await deliver(t, payload)).toEqual(first);
    const stored = await events(t, first.incidentId);
    expect(stored).toHaveLength(grouped.events[1]);
    expect(stored.filter((e) => e.type.startsWith('alert.')).map((e) => e.seq)).toEqual([first.events[1], grouped.events[1]]);
    expect(await incidents(t)).toHaveLength(1);
  });

  it('finishes on the incident a notification opened when its alert was not recorded (a crash between the writes) and the retry differs', async () => {
    const t = app();
    const payload = amPayload([ALERT]);
    // What the first delivery left behind: the incident opened under the notification's key, no alert recorded.
    const key = notificationKey('alertmanager', parseAlertmanagerPayload(payload));
    const opened = await t.service.open({ kind: 'alert', source: 'alertmanager' }, 'responder', { title: 'Orders database p99 above 500ms', severity: 'sev1' }, key);
    expect(opened.status).toBe(201);
    const id = (opened.body as { id: string }).id;

    const retried = await deliver(t, payload);
    expect(retried.incidentId).toBe(id);
    expect(await incidents(t)).toHaveLength(1);
    expect((await events(t, id)).filter((e) => e.type === 'alert.received')).toHaveLength(1);
    expect(await deliver(t, payload)).toEqual(retried);
  });

  it('opens one incident when two notifications of a new group arrive at once', async () => {
    const t = app();
    const [a, b] = await Promise.all([
      deliver(t, amPayload([ALERT])),
      deliver(t, amPayload([ALERT, { fingerprint: 'cccc', labels: { alertname: 'DBSlow', db: 'users' } }])),
    ]);
    expect(b.incidentId).toBe(a.incidentId);
    expect([a.decision, b.decision].sort()).toEqual(['grouped', 'opened']);
    expect(await incidents(t)).toHaveLength(1);
  });

  it('records a resolved notification and leaves the incident open', async () => {
    const t = app();
    const first = await deliver(t, amPayload([ALERT]));
    const resolved = await deliver(t, amPayload([{ ...ALERT, status: 'resolved', endsAt: '2024-05-01T12:20:00.000Z' }]));
    const seq = first.events[1] + 1;
    expect(resolved).toEqual({ incidentId: first.incidentId, decision: 'grouped', events: [seq, seq] });
    const stored = await eventAt(t, first.incidentId, seq);
    expect(stored).toMatchObject({
      type: 'alert.resolved',
      data: { groupKey: '{}:{alertname="DBSlow"}', fingerprints: ['3f2a1b2c3d4e5f60'], grouping: { by: 'group_key' } },
    });
    expect((stored?.data.alerts as { endsAt?: string }[])[0]?.endsAt).toBe('2024-05-01T12:20:00.000Z');
    expect(await incident(t, first.incidentId)).toMatchObject({ status: 'investigating', alerts: { firing: [] } });
  });

  it('ignores a resolved notification that no open incident has, recording nothing', async () => {
    const t = app();
    const res = await send(t, amPayload([{ ...ALERT, status: 'resolved' }])).expect(200);
    expect(res.body).toEqual({ ignored: 'no open incident has groupKey "{}:{alertname=\\"DBSlow\\"}" or saw its fingerprints in the last 30m; a resolved notification opens nothing' });
    expect(await t.store.incidentIds()).toEqual([]);
  });

  it('does not group onto a resolved incident', async () => {
    const t = app();
    const first = await deliver(t, amPayload([ALERT]));
    await request(t.app).post(`/api/incidents/${first.incidentId}/events`).set('Authorization', bearer('commander')).send({ type: 'status', to: 'resolved' }).expect(201);
    const again = await deliver(t, amPayload([{ ...ALERT, startsAt: '2024-05-01T13:00:00.000Z' }]));
    expect(again.decision).toBe('opened');
    expect(again.incidentId).not.toBe(first.incidentId);
  });

  it.each([
    ['an unknown version', { ...amPayload([ALERT]), version: '3' }, 'the notification has version "3", and runpath reads webhook payload version "4"'],
    ['no version', { ...amPayload([ALERT]), version: undefined }, 'the notification has no version'],
    ['no alerts', { ...amPayload([ALERT]), alerts: [] }, 'alerts must NOT have fewer than 1 items'],
    ['an alert without fingerprint', amPayload([{ ...ALERT, fingerprint: '' }]), 'alerts[0].fingerprint must NOT have fewer than 1 characters'],
    ['a label that is not a string', amPayload([{ ...ALERT, labels: { alertname: 'DBSlow', n: 1 as unknown as string } }]), 'alerts[0].labels.n must be string'],
    ['an unknown status', { ...amPayload([ALERT]), status: 'pending' }, 'status must be one of "firing", "resolved"'],
    ['an array', [amPayload([ALERT])], 'the body must be one JSON object'],
  ])('refuses %s with 400 invalid_alert_payload, recording nothing', async (_what, payload, reason) => {
    const t = app();
    const res = await send(t, payload).expect(400);
    const error = (res.body as { error: { code: string; message: string } }).error;
    expect(error.code).toBe('invalid_alert_payload');
    expect(error.message).toContain(reason);
    expect(error.message).toContain('nothing was recorded');
    expect(await t.store.incidentIds()).toEqual([]);
  });

  it('refuses a body that is not JSON with 400 invalid_alert_payload, and one over 1mb with 413', async () => {
    const t = app();
    const broken = await request(t.app).post('/api/alerts/alertmanager').set('Authorization', bearer('responder')).set('Content-Type', 'application/json').send('{"version": "4",').expect(400);
    expect((broken.body as { error: { code: string } }).error.code).toBe('invalid_alert_payload');
    const huge = amPayload([{ ...ALERT, annotations: { description: 'x'.repeat(1_100_000) } }]);
    const tooLarge = await send(t, huge).expect(413);
    const tooLargeError = (tooLarge.body as { error: { code: string; message: string } }).error;
    expect(tooLargeError.code).toBe('payload_too_large');
    expect(tooLargeError.message).toContain('set max_alerts in the webhook_config');
    expect(await t.store.incidentIds()).toEqual([]);
  });

  it('takes a group larger than the API\'s 64kb, keeping 100 alerts and counting the rest', async () => {
    const t = app();
    const alerts = Array.from({ length: 150 }, (_, i) => ({ fingerprint: `fp${String(i).padStart(3, '0')}`, labels: { alertname: 'DBSlow', db: 'orders', pod: `pod-${i}-${'p'.repeat(400)}` } }));
    const payload = amPayload(alerts);
    expect(JSON.stringify(payload).length).toBeGreaterThan(64 * 1024);
    const answer = await deliver(t, payload);
    const received = (await events(t, answer.incidentId)).find((e) => e.type === 'alert.received');
    expect((received?.data.alerts as unknown[]).length).toBe(100);
    expect(received?.data.omittedAlerts).toBe(50);
  });

  it('needs a token (401) and the responder role (403, before the body is read)', async () => {
    const t = app();
    const none = await request(t.app).post('/api/alerts/alertmanager').send(amPayload([ALERT])).expect(401);
    expect((none.body as { error: { code: string } }).error.code).toBe('unauthenticated');
    const viewer = await request(t.app).post('/api/alerts/alertmanager').set('Authorization', bearer('viewer')).set('Content-Type', 'application/json').send('not json').expect(403);
    const viewerError = (viewer.body as { error: { code: string; message: string } }).error;
    expect(viewerError.code).toBe('forbidden');
    expect(viewerError.message).toContain('recording an alert notification needs the responder access role');
    await send(t, amPayload([ALERT]), 'admin').expect(200);
    expect(await t.store.incidentIds()).toHaveLength(1);
  });

  it('lets no person record an alert: the timeline route refuses the type, the service refuses the sender', async () => {
    const t = app();
    const { incidentId, events: [, lastSeq] } = await deliver(t, amPayload([ALERT]));
    const command = { type: 'alert', notification: (await eventAt(t, incidentId, lastSeq))?.data, windowMs: 60_000 };
    await request(t.app).post(`/api/incidents/${incidentId}/events`).set('Authorization', bearer('admin')).send(command).expect(400);
    const viaService = await t.service.command(incidentId, { kind: 'user', name: 'admin' }, 'admin', command);
    expect(viaService.status).toBe(403);
    expect((await events(t, incidentId)).length).toBe(lastSeq);
  });
});
