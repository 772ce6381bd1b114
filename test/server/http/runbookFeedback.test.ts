// Runbook feedback: a responder flags a node of the runbook the incident walks (POST …/events
// {type: 'feedback'}); the runbook's owners read it across incidents (GET /api/runbooks/:id/feedback).
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AccessRole } from '../../../src/incidents/accessRole.js';
import type { Runbook } from '../../../src/runbook/types.js';
import { MemoryEventStore } from '../../../src/store/memoryEventStore.js';
import { dbSlow } from '../../fixtures/server/runbooks.js';
import { bearer, testApp, type TestApp } from '../support/testApp.js';

interface FeedbackItem {
  incidentId: string;
  incidentTitle: string;
  seq: number;
  at: string;
  actor: { kind: string; name?: string };
  node: string;
  kind: string;
  text?: string;
  redacted?: boolean;
  runbookHash?: string;
}

const errorOf = (body: unknown): { code: string; message: string; details?: Record<string, unknown> } =>
  (body as { error: { code: string; message: string; details?: Record<string, unknown> } }).error;

/** A clock that moves a second per reading, so every event has its own time. */
function ticking(): () => number {
  let now = Date.parse('2024-05-01T12:00:00.000Z');
  return () => (now += 1000);
}

const other: Runbook = { ...dbSlow, id: 'other-runbook', title: 'Another runbook' };

function app(): TestApp {
  const now = ticking();
  return testApp({ store: new MemoryEventStore({ now }), now, runbooks: [dbSlow, other] });
}

async function open(t: TestApp, title: string, runbook?: string): Promise<string> {
  const body = runbook === undefined ? { title, severity: 'sev2' } : { title, severity: 'sev2', runbook };
  const res = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).send(body).expect(201);
  return (res.body as { id: string }).id;
}

const post = (t: TestApp, id: string, body: object, role: AccessRole = 'responder') => request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer(role)).send(body);
const list = (t: TestApp, runbook: string, role: AccessRole = 'viewer') => request(t.app).get(`/api/runbooks/${runbook}/feedback`).set('Authorization', bearer(role));

describe('runbook feedback', () => {
  it('POST …/events {type: feedback} records runbook.feedback with the pinned version; the answer leaves feedback, pins and notes out', async () => {
    const t = app();
    const id = await open(t, 'DB slow', 'db-slow');
    const res = await post(t, id, { type: 'feedback', node: 'latency', kind: 'wrong_branch', text: 'the threshold is too high' }).expect(201);
    const body = res.body as { events: { type: string; actor: unknown; data: Record<string, unknown> }[]; incident: Record<string, unknown> };
    expect(body.events).toHaveLength(1);
    expect(body.events[0]).toMatchObject({ type: 'runbook.feedback', actor: { kind: 'user', name: 'responder' }, data: { runbookId: 'db-slow', node: 'latency', kind: 'wrong_branch', text: 'the threshold is too high' } });
    expect(body.events[0]?.data.runbookHash).toMatch(/^[0-9a-f]{64}$/);
    for (const key of ['feedback', 'pins', 'notes', 'redactable']) expect(body.incident).not.toHaveProperty(key);
    const full = await request(t.app).get(`/api/incidents/${id}`).set('Authorization', bearer('viewer')).expect(200);
    expect((full.body as { feedback: unknown[] }).feedback).toEqual([
      expect.objectContaining({ seq: 5, node: 'latency', kind: 'wrong_branch', text: 'the threshold is too high', redacted: false }),
    ]);
  });

  it('refuses a viewer (403), an unknown node (422 node_not_in_runbook), no walk (409 no_walk), a bad kind (400)', async () => {
    const t = app();
    const id = await open(t, 'DB slow', 'db-slow');
    expect(errorOf((await post(t, id, { type: 'feedback', node: 'ask', kind: 'other', text: 'x' }, 'viewer').expect(403)).body).code).toBe('forbidden');
    const unknown = errorOf((await post(t, id, { type: 'feedback', node: 'nope', kind: 'other', text: 'x' }).expect(422)).body);
    expect(unknown.code).toBe('node_not_in_runbook');
    expect(unknown.details?.allowed).toEqual(Object.keys(dbSlow.nodes));
    const bare = await open(t, 'No runbook');
    expect(errorOf((await post(t, bare, { type: 'feedback', node: 'ask', kind: 'other', text: 'x' }).expect(409)).body).code).toBe('no_walk');
    const kind = errorOf((await post(t, id, { type: 'feedback', node: 'ask', kind: 'typo', text: 'x' }).expect(400)).body);
    expect([kind.code, kind.message]).toEqual(['invalid_request', 'kind must be one of "wrong_branch", "missing_step", "other"']);
    expect(errorOf((await post(t, id, { type: 'feedback', node: 'ask', kind: 'other' }).expect(400)).body).message).toContain('needs the field "text"');
    // Feedback is a timeline command, not a walk command.
    await request(t.app).post(`/api/incidents/${id}/walk`).set('Authorization', bearer('responder')).send({ type: 'feedback', node: 'ask', kind: 'other', text: 'x' }).expect(400);
  });

  it('GET /api/runbooks/:id/feedback lists the runbook\'s feedback from every incident, newest first; redacted text is shown to nobody', async () => {
    const t = app();
    const first = await open(t, 'First', 'db-slow');
    const second = await open(t, 'Second', 'db-slow');
    const elsewhere = await open(t, 'Elsewhere', 'other-runbook');
    await post(t, first, { type: 'feedback', node: 'latency', kind: 'wrong_branch', text: 'one' }).expect(201);
    await post(t, second, { type: 'feedback', node: 'ask', kind: 'missing_step', text: 'the password is hunter2' }).expect(201);
    await post(t, elsewhere, { type: 'feedback', node: 'ask', kind: 'other', text: 'not about db-slow' }).expect(201);
    await post(t, first, { type: 'feedback', node: 'rollback', kind: 'other', text: 'three' }).expect(201);
    await post(t, second, { type: 'redact', seq: 5, reason: 'secret' }, 'commander').expect(201);

    for (const role of ['viewer', 'admin'] as const) {
      const res = await list(t, 'db-slow', role).expect(200);
      const { feedback } = res.body as { feedback: FeedbackItem[] };
      expect(JSON.stringify(res.body)).not.toContain('hunter2');
      expect(feedback.map((f) => [f.incidentTitle, f.node, f.text ?? null, f.redacted ?? false])).toEqual([
        ['First', 'rollback', 'three', false],
        ['Second', 'ask', null, true],
        ['First', 'latency', 'one', false],
      ]);
      expect(feedback[1]).toEqual({
        incidentId: second,
        incidentTitle: 'Second',
        seq: 5,
        at: expect.any(String) as unknown,
        actor: { kind: 'user', name: 'responder' },
        node: 'ask',
        kind: 'missing_step',
        redacted: true,
        runbookHash: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown,
      });
    }
    const others = (await list(t, 'other-runbook').expect(200)).body as { feedback: FeedbackItem[] };
    expect(others.feedback.map((f) => f.incidentId)).toEqual([elsewhere]);
  });

  it('an empty list for a loaded runbook without feedback, 404 runbook_not_found for an unknown one, 401 without credentials', async () => {
    const t = app();
    expect((await list(t, 'db-slow').expect(200)).body).toEqual({ feedback: [] });
    expect(errorOf((await list(t, 'nope').expect(404)).body).code).toBe('runbook_not_found');
    await request(t.app).get('/api/runbooks/db-slow/feedback').expect(401);
  });

  it('keeps listing the feedback of a runbook the server no longer loads', async () => {
    const now = ticking();
    const store = new MemoryEventStore({ now });
    const before = testApp({ store, now });
    const id = await open(before, 'DB slow', 'db-slow');
    await post(before, id, { type: 'feedback', node: 'ask', kind: 'other', text: 'still here' }).expect(201);
    const after = testApp({ store, now, runbooks: [] });
    const { feedback } = (await list(after, 'db-slow').expect(200)).body as { feedback: FeedbackItem[] };
    expect(feedback.map((f) => f.text)).toEqual(['still here']);
  });
});
