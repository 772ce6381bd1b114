// Follow-up action items (POST …/events {type: 'follow_up'}): recorded, folded, redactable.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AccessRole } from '../../../src/incidents/accessRole.js';
import { bearer, testApp, type TestApp } from '../support/testApp.js';

const errorOf = (body: unknown): { code: string; message: string } => (body as { error: { code: string; message: string } }).error;

async function open(t: TestApp): Promise<string> {
  const res = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).send({ title: 'Pool exhausted', severity: 'sev2' }).expect(201);
  return (res.body as { id: string }).id;
}

const post = (t: TestApp, id: string, body: object, role: AccessRole = 'responder') => request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer(role)).send(body);

interface Entry {
  seq: number;
  type: string;
  data: Record<string, unknown>;
  redacted?: { seq: number };
}

describe('follow-ups', () => {
  it('POST …/events {type: follow_up} records followup.added; GET the incident lists it, the answer leaves the list out', async () => {
    const t = testApp();
    const id = await open(t);
    const res = await post(t, id, { type: 'follow_up', kind: 'prevent', text: 'cap connections per pod', owner: 'platform' }).expect(201);
    const body = res.body as { events: Entry[]; incident: Record<string, unknown> };
    expect(body.events).toMatchObject([{ seq: 2, type: 'followup.added', data: { kind: 'prevent', text: 'cap connections per pod', owner: 'platform' } }]);
    expect(body.incident).not.toHaveProperty('followUps');
    await post(t, id, { type: 'follow_up', kind: 'detect', text: 'alert on pool saturation' }).expect(201);
    const incident = await request(t.app).get(`/api/incidents/${id}`).set('Authorization', bearer('viewer')).expect(200);
    expect((incident.body as { followUps: unknown[] }).followUps).toEqual([
      { seq: 2, at: expect.any(String) as unknown, actor: { kind: 'user', name: 'responder' }, kind: 'prevent', text: 'cap connections per pod', owner: 'platform', redacted: false },
      { seq: 3, at: expect.any(String) as unknown, actor: { kind: 'user', name: 'responder' }, kind: 'detect', text: 'alert on pool saturation', redacted: false },
    ]);
  });

  it('refuses a viewer (403), a bad kind or an unknown field (400)', async () => {
    const t = testApp();
    const id = await open(t);
    expect(errorOf((await post(t, id, { type: 'follow_up', kind: 'detect', text: 'x' }, 'viewer').expect(403)).body).code).toBe('forbidden');
    expect(errorOf((await post(t, id, { type: 'follow_up', kind: 'fix', text: 'x' }).expect(400)).body).message).toBe('kind must be one of "detect", "prevent", "correct"');
    expect(errorOf((await post(t, id, { type: 'follow_up', kind: 'detect', text: 'x', due: 'friday' }).expect(400)).body).message).toContain('unknown field "due"');
    expect(errorOf((await post(t, id, { type: 'follow_up', kind: 'detect', text: 'x', owner: '' }).expect(400)).body).code).toBe('invalid_request');
  });

  it('a commander redacts a follow-up: its text leaves the timeline and the fold for everyone but admins', async () => {
    const t = testApp();
    const id = await open(t);
    await post(t, id, { type: 'follow_up', kind: 'correct', text: 'rotate the leaked key hunter2', owner: 'sec' }).expect(201);
    await post(t, id, { type: 'redact', seq: 2 }, 'commander').expect(201);
    const events = async (role: AccessRole): Promise<Entry[]> =>
      ((await request(t.app).get(`/api/incidents/${id}/events`).set('Authorization', bearer(role)).expect(200)).body as { events: Entry[] }).events;
    const seen = (await events('commander'))[1];
    expect(seen).toMatchObject({ type: 'followup.added', data: { kind: 'correct', owner: 'sec' }, redacted: { seq: 3 } });
    expect(seen?.data).not.toHaveProperty('text');
    expect((await events('admin'))[1]?.data).toMatchObject({ text: 'rotate the leaked key hunter2' });
    const incident = await request(t.app).get(`/api/incidents/${id}`).set('Authorization', bearer('viewer')).expect(200);
    expect(JSON.stringify(incident.body)).not.toContain('hunter2');
    expect((incident.body as { followUps: unknown[] }).followUps).toEqual([expect.objectContaining({ seq: 2, kind: 'correct', owner: 'sec', redacted: true })]);
  });
});
