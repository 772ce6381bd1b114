// Runbook feedback and follow-ups sent over the socket, as the incident room sends its commands.
import { afterEach, describe, expect, it } from 'vitest';
import { connect, eventually, startHarness, type Harness } from './realtimeHarness.js';

let harness: Harness | undefined;
afterEach(async () => {
  await harness?.close();
  harness = undefined;
});

describe('feedback and follow-up commands over the socket', () => {
  it('records both, broadcasts them, and hides their redacted text from a viewer catching up', async () => {
    const h = (harness = await startHarness());
    const opened = await h.service.open({ kind: 'user', name: 'ana' }, 'responder', { title: 'DB slow', severity: 'sev2', runbook: 'db-slow' });
    const id = (opened.body as { id: string }).id;
    const ana = await connect(h, 'token-ana');
    await ana.join(id, 0);
    const feedback = await ana.request('command', { incidentId: id, command: { type: 'feedback', node: 'ask', kind: 'missing_step', text: 'secret hunter2 in the question' } });
    expect(feedback).toMatchObject({ status: 201, body: { events: [{ seq: 5, type: 'runbook.feedback', data: { runbookId: 'db-slow', node: 'ask', kind: 'missing_step' } }] } });
    const followUp = await ana.request('command', { incidentId: id, command: { type: 'follow_up', kind: 'detect', text: 'hunter2 again', owner: 'db-team' } });
    expect(followUp).toMatchObject({ status: 201, body: { events: [{ seq: 6, type: 'followup.added' }] } });
    await eventually(() => {
      expect(ana.live(id)).toEqual([5, 6]);
    });

    const cam = await connect(h, 'token-cam');
    for (const seq of [5, 6]) expect(await cam.request('command', { incidentId: id, command: { type: 'redact', seq } })).toMatchObject({ status: 201 });
    const vic = await connect(h, 'token-vic');
    const caughtUp = await vic.join(id, 0);
    expect(JSON.stringify(caughtUp.body.events)).not.toContain('hunter2');
    expect(caughtUp.body.events.slice(4, 6)).toMatchObject([
      { seq: 5, data: { node: 'ask', kind: 'missing_step' }, redacted: { seq: 7 } },
      { seq: 6, data: { kind: 'detect', owner: 'db-team' }, redacted: { seq: 8 } },
    ]);
    expect(await vic.request('command', { incidentId: id, command: { type: 'follow_up', kind: 'detect', text: 'x' } })).toMatchObject({ status: 403 });
  });
});
