// GET /api/incidents/:id/events?after=0&tail=N: a long timeline's newest entries and the state they
// lead to, so a browser draws a long incident before its socket is up.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { bearer, testApp, type TestApp } from '../support/testApp.js';

async function incidentWithNotes(t: TestApp, notes: number): Promise<string> {
  const res = await request(t.app).post('/api/incidents').set('Authorization', bearer('responder')).send({ title: 'long', severity: 'sev2' }).expect(201);
  const id = (res.body as { id: string }).id;
  for (let i = 0; i < notes; i++) {
    await request(t.app).post(`/api/incidents/${id}/events`).set('Authorization', bearer('responder')).send({ type: 'note', text: `note ${i}` }).expect(201);
  }
  return id;
}

const read = (t: TestApp, id: string, query: string) => request(t.app).get(`/api/incidents/${id}/events${query}`).set('Authorization', bearer('viewer'));

describe('GET /api/incidents/:id/events with tail', () => {
  it('answers the newest entries and the state after them when the timeline is longer', async () => {
    const t = testApp();
    const id = await incidentWithNotes(t, 6);
    const res = await read(t, id, '?after=0&tail=3').expect(200);
    const body = res.body as { events: { seq: number }[]; incident?: Record<string, unknown> };
    expect(body.events.map((e) => e.seq)).toEqual([5, 6, 7]);
    expect(body.incident).toMatchObject({ id, lastSeq: 7, status: 'investigating', followUps: [], feedback: [] });
    expect(body.incident).not.toHaveProperty('notes');
  });

  it('answers a short timeline whole and without state, and ignores tail when after is not 0', async () => {
    const t = testApp();
    const id = await incidentWithNotes(t, 2);
    const whole = (await read(t, id, '?after=0&tail=10').expect(200)).body as { events: { seq: number }[]; incident?: unknown };
    expect(whole.events.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(whole.incident).toBeUndefined();
    const later = (await read(t, id, '?after=1&tail=1').expect(200)).body as { events: { seq: number }[]; incident?: unknown };
    expect(later.events.map((e) => e.seq)).toEqual([2, 3]);
    expect(later.incident).toBeUndefined();
  });

  it('refuses a tail that is not a whole number from 1 to 1000', async () => {
    const t = testApp();
    const id = await incidentWithNotes(t, 1);
    for (const bad of ['0', '1001', 'x', '-1']) {
      expect(((await read(t, id, `?after=0&tail=${bad}`).expect(400)).body as { error: { code: string } }).error.code).toBe('invalid_request');
    }
  });
});
