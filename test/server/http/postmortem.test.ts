// GET /api/incidents/:id/postmortem.md and .json: a scripted incident through the real API on a
// fixed clock, then the draft as a viewer and as an admin reads it.
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import type { AccessRole } from '../../../src/incidents/accessRole.js';
import type { Postmortem } from '../../../src/incidents/postmortem/postmortem.js';
import { MemoryEventStore } from '../../../src/store/memoryEventStore.js';
import { bearer, testApp, type TestApp } from '../support/testApp.js';

const T0 = Date.parse('2024-06-03T08:00:00.000Z');
const SECRET = 'the root password is hunter2';
const HTML = 'Saw <img src=x onerror=alert(1)> in the logs';

/** The app on a clock the test moves; `at(m)` is the time m minutes after T0. */
function clockedApp(): { t: TestApp; advanceTo: (minutes: number) => void } {
  let now = T0;
  const clock = (): number => now;
  const t = testApp({ store: new MemoryEventStore({ now: clock }), now: clock });
  return { t, advanceTo: (minutes) => (now = T0 + minutes * 60_000) };
}

const post = (t: TestApp, path: string, body: object, role: AccessRole = 'commander') =>
  request(t.app).post(path).set('Authorization', bearer(role)).send(body).expect(201);

/** Opened, acknowledged, walked to a mitigation, noted (one note redacted), starred, fed back, followed up, resolved. */
async function scriptedIncident(): Promise<{ t: TestApp; id: string }> {
  const { t, advanceTo } = clockedApp();
  const opened = await post(t, '/api/incidents', { title: 'DB slow', severity: 'sev2', summary: 'p99 above 500ms', runbook: 'db-slow' }, 'responder');
  const id = (opened.body as { id: string }).id;
  const events = `/api/incidents/${id}/events`;
  const walk = `/api/incidents/${id}/walk`;
  advanceTo(1);
  await post(t, events, { type: 'role', role: 'commander', user: 'commander' });
  advanceTo(3);
  await post(t, walk, { type: 'run_check', node: 'latency' }, 'responder');
  advanceTo(4);
  await post(t, events, { type: 'note', text: HTML }, 'responder');
  const secret = await post(t, events, { type: 'note', text: SECRET }, 'responder');
  advanceTo(5);
  await post(t, walk, { type: 'answer', node: 'ask', label: 'Deploy' }, 'responder');
  advanceTo(12.5);
  const done = await post(t, walk, { type: 'complete_action', node: 'rollback', result: 'done', note: 'rolled back 4711' }, 'responder');
  advanceTo(13);
  const secretSeq = (secret.body as { events: { seq: number }[] }).events[0]?.seq;
  const doneSeq = (done.body as { events: { seq: number }[] }).events[0]?.seq;
  await post(t, events, { type: 'redact', seq: secretSeq, reason: 'credential' });
  await post(t, events, { type: 'star', seq: doneSeq });
  advanceTo(20);
  // Follow-ups and feedback as their events are stored (the commands are another helper's).
  const { lastSeq } = (await request(t.app).get(`/api/incidents/${id}`).set('Authorization', bearer('viewer')).expect(200)).body as { lastSeq: number };
  await t.store.append({
    incidentId: id,
    expectedLastSeq: lastSeq,
    drafts: [
      { type: 'runbook.feedback', actor: { kind: 'user', name: 'responder' }, data: { runbookId: 'db-slow', node: 'ask', kind: 'wrong_branch', text: 'ask about config pushes too' } },
      { type: 'followup.added', actor: { kind: 'user', name: 'commander' }, data: { kind: 'detect', text: 'alert on p99 above 300ms', owner: 'dba' } },
    ],
  });
  advanceTo(45);
  await post(t, events, { type: 'status', to: 'resolved', reason: 'p99 normal' });
  return { t, id };
}

const get = (t: TestApp, path: string, role: AccessRole = 'viewer') => request(t.app).get(path).set('Authorization', bearer(role));

describe('GET /api/incidents/:id/postmortem.json and .md', () => {
  it('answers the draft as JSON: exact key times, the path with who, redacted text absent', async () => {
    const { t, id } = await scriptedIncident();
    const res = await get(t, `/api/incidents/${id}/postmortem.json`).expect(200).expect('Content-Type', /application\/json/);
    const pm = res.body as Postmortem;
    expect(pm.keyTimes).toEqual({
      opened: { seq: 1, at: '2024-06-03T08:00:00.000Z', afterOpening: { ms: 0, text: '0s' } },
      acknowledged: { seq: 1, at: '2024-06-03T08:00:00.000Z', afterOpening: { ms: 0, text: '0s' } },
      mitigated: { seq: pm.actionsTaken[0]?.seq, at: '2024-06-03T08:12:30.000Z', afterOpening: { ms: 750_000, text: '12m 30s' } },
      resolved: { seq: pm.lastSeq, at: '2024-06-03T08:45:00.000Z', afterOpening: { ms: 2_700_000, text: '45m 0s' } },
    });
    expect(pm.impact).toMatchObject({ start: { basis: 'opened', seq: 1 }, until: 'mitigated', duration: { ms: 750_000, text: '12m 30s' } });
    const steps = pm.walks[0]?.steps ?? [];
    expect(steps.map((s) => [s.node, s.result?.kind, s.result?.actor])).toEqual([
      ['latency', 'check', 'responder'],
      ['ask', 'answer', 'responder'],
      ['rollback', 'action', 'responder'],
      ['recovered', undefined, undefined],
    ]);
    expect(steps[0]?.result).toMatchObject({ value: 0.9, branch: 0, next: 'ask', query: 'p99 latency of main', source: 'demo' });
    expect(pm.walks[0]?.runbookHash).toMatch(/^[0-9a-f]{64}$/);
    expect(pm.walks[0]?.end).toMatchObject({ node: 'recovered', outcome: 'mitigated', actor: 'responder' });
    expect(pm.actionsTaken).toEqual([expect.objectContaining({ node: 'rollback', mitigation: true, note: 'rolled back 4711', actor: 'responder' })]);
    expect(pm.notes.map((n) => [n.text, n.redacted])).toEqual([[HTML, false], [undefined, true]]);
    expect(pm.starred).toEqual([expect.objectContaining({ type: 'action.completed', actor: 'responder' })]);
    expect(pm.feedback).toEqual([expect.objectContaining({ node: 'ask', kind: 'wrong_branch', text: 'ask about config pushes too' })]);
    expect(pm.followUps.detect).toEqual([expect.objectContaining({ text: 'alert on p99 above 300ms', owner: 'dba' })]);
    expect(pm.roles.current).toEqual({ commander: 'commander' });
    expect(res.text).not.toContain('hunter2');
  });

  it('answers Markdown (text/markdown; charset=utf-8) with the key lines, HTML as text and no redacted text, for admins too', async () => {
    const { t, id } = await scriptedIncident();
    const pm = (await get(t, `/api/incidents/${id}/postmortem.json`).expect(200)).body as Postmortem;
    const mitigated = pm.keyTimes.mitigated?.seq ?? 0;
    for (const role of ['viewer', 'admin'] as const) {
      const res = await get(t, `/api/incidents/${id}/postmortem.md`, role).expect(200);
      expect(res.headers['content-type']).toBe('text/markdown; charset=utf-8');
      expect(res.headers['content-disposition']).toBe(`inline; filename="postmortem-${id.replace(/[^A-Za-z0-9_-]/g, '_')}.md"`);
      const md = res.text;
      expect(md).not.toContain('hunter2');
      expect(md).not.toMatch(/<img/);
      expect(md.split('\n')).toEqual(
        expect.arrayContaining([
          '# Postmortem: DB slow',
          'p99 above 500ms',
          `- **Window:** 2024-06-03T08:00:00.000Z to 2024-06-03T08:12:30.000Z (**12m 30s**), from the opening (seq 1; no alert gave an earlier start) to the mitigation (seq ${mitigated}).`,
          `| Mitigated | 2024-06-03T08:12:30.000Z | 12m 30s | ${mitigated} |`,
          `| Resolved | 2024-06-03T08:45:00.000Z | 45m 0s | ${pm.lastSeq} |`,
          '1. **Check** `latency`: read **0.9**; took &gt; 0.5 → `ask`. Run by responder, seq 6, 2024-06-03T08:03:00.000Z. Query on demo: `p99 latency of main`.',
          '2. **Question** `ask` (Was anything deployed in the last hour?): answered **Deploy** → `rollback`, by responder, seq 10, 2024-06-03T08:05:00.000Z.',
          `3. **Action** \`rollback\` (Roll back): done (mitigation) → \`recovered\`, by responder, seq ${mitigated}, 2024-06-03T08:12:30.000Z. Note: rolled back 4711`,
          '- 2024-06-03T08:04:00.000Z, responder (seq 8): Saw &lt;img src=x onerror=alert(1)&gt; in the logs',
          '- 2024-06-03T08:04:00.000Z, responder (seq 9): _(redacted)_',
          `- [ ] alert on p99 above 300ms (owner: dba; added by commander, seq ${pm.followUps.detect[0]?.seq ?? 0})`,
        ]),
      );
    }
  });

  it('is viewer and up: 401 without credentials, 404 not_found for an unknown incident', async () => {
    const { t } = clockedApp();
    await request(t.app).get('/api/incidents/nope/postmortem.md').expect(401);
    const missing = await get(t, '/api/incidents/nope/postmortem.md').expect(404);
    expect((missing.body as { error: { code: string } }).error.code).toBe('not_found');
    const missingJson = await get(t, '/api/incidents/nope/postmortem.json').expect(404);
    expect((missingJson.body as { error: { code: string } }).error.code).toBe('not_found');
  });
});
