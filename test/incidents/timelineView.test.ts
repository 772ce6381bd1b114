import { describe, expect, it } from 'vitest';
import type { AccessRole } from '../../src/incidents/accessRole.js';
import { addFeedback } from '../../src/incidents/commands/addFeedback.js';
import { addFollowUp } from '../../src/incidents/commands/addFollowUp.js';
import { addNote } from '../../src/incidents/commands/addNote.js';
import { changeStatus } from '../../src/incidents/commands/changeStatus.js';
import { completeAction } from '../../src/incidents/commands/completeAction.js';
import { openIncident } from '../../src/incidents/commands/openIncident.js';
import { recordCheck } from '../../src/incidents/commands/recordCheck.js';
import { redactEntry } from '../../src/incidents/commands/redactEntry.js';
import { starEntry } from '../../src/incidents/commands/starEntry.js';
import { seesRedactedText, timelineView } from '../../src/incidents/timelineView.js';
import { checkValue } from '../fixtures/incidents/checks.js';
import { FakeTimeline, alertmanager, bob } from '../fixtures/incidents/timeline.js';

const SECRET = 'password is hunter2';

function redacted(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'Leak', severity: 'sev2', summary: `summary: ${SECRET}`, runbook: 'db-latency' }); // 1-3
  t.run(addNote, { text: SECRET, claimedAt: '2024-05-01T11:00:00Z' }); // 4
  t.run(addNote, { text: 'harmless' }); // 5
  t.run(recordCheck, checkValue(t.incident, 0.9)); // 6-7
  t.run(completeAction, { node: 'restart', result: 'done', note: SECRET }); // 8-9
  t.run(changeStatus, { to: 'mitigated', reason: SECRET }); // 10
  t.advance(1000).run(redactEntry, { seq: 4, reason: 'credential' }, bob); // 11
  t.run(redactEntry, { seq: 8 }); // 12
  t.run(redactEntry, { seq: 10 }); // 13
  t.run(redactEntry, { seq: 1 }); // 14
  t.run(starEntry, { seq: 4 }); // 15
  t.run(starEntry, { seq: 5 }); // 16
  t.run(starEntry, { seq: 5, starred: false }); // 17
  return t;
}

describe('timelineView', () => {
  it.each<AccessRole>(['viewer', 'responder', 'commander'])('hides redacted text from a %s and keeps the marker', (role) => {
    const t = redacted();
    const view = timelineView(t.events, { role });
    expect(view).toHaveLength(t.events.length);
    expect(JSON.stringify(view)).not.toContain('hunter2');
    expect(view[3]).toMatchObject({
      seq: 4,
      type: 'note.added',
      data: { claimedAt: '2024-05-01T11:00:00.000Z' },
      starred: true,
      redacted: { seq: 11, at: '2024-05-01T12:00:01.000Z', actor: bob, reason: 'credential' },
    });
    expect(view[3]?.data).toEqual({ claimedAt: '2024-05-01T11:00:00.000Z' });
    expect(view[7]?.data).toEqual({ node: 'restart', next: 'verify', mitigation: true });
    expect(view[9]?.data).toEqual({ from: 'investigating', to: 'mitigated' });
    expect(view[0]?.data).toEqual({ title: 'Leak', severity: 'sev2', runbook: { id: 'db-latency', title: 'Database latency is high' } });
    expect(view[7]?.redacted).toEqual({ seq: 12, at: '2024-05-01T12:00:01.000Z', actor: { kind: 'user', name: 'alice' } });
  });

  it('shows an admin the original text beside the marker', () => {
    const t = redacted();
    const view = timelineView(t.events, { role: 'admin' });
    expect(view[3]?.data).toEqual({ text: SECRET, claimedAt: '2024-05-01T11:00:00.000Z' });
    expect(view[3]?.redacted?.reason).toBe('credential');
    expect(view[7]?.data).toMatchObject({ note: SECRET });
  });

  it('keeps the redaction and star events, and folds stars in by the last one', () => {
    const view = timelineView(redacted().events, { role: 'viewer' });
    expect(view.filter((e) => e.type === 'entry.redacted').map((e) => e.seq)).toEqual([11, 12, 13, 14]);
    expect(view.filter((e) => e.starred).map((e) => e.seq)).toEqual([4]);
    expect(view[4]).toMatchObject({ seq: 5, data: { text: 'harmless' }, starred: false });
    expect(view[4]?.redacted).toBeUndefined();
  });

  it('does not change the events it is given', () => {
    const t = redacted();
    const before = JSON.stringify(t.events);
    timelineView(t.events, { role: 'viewer' });
    expect(JSON.stringify(t.events)).toBe(before);
  });

  it('applies only redactions the fold would: of earlier entries with typed text, first one wins', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Odd', severity: 'sev3' }, alertmanager);
    t.run(addNote, { text: 'keep me' });
    t.append([
      { type: 'entry.redacted', actor: bob, data: { seq: 1 } }, // the opening has no summary: nothing to hide
      { type: 'entry.redacted', actor: bob, data: { seq: 5 } }, // a later entry
      { type: 'entry.redacted', actor: bob, data: { seq: 2, reason: 'first' } },
      { type: 'entry.redacted', actor: bob, data: { seq: 2, reason: 'second' } },
    ]);
    const view = timelineView(t.events, { role: 'viewer' });
    expect(view[0]?.redacted).toBeUndefined();
    expect(view[4]?.redacted).toBeUndefined();
    expect(view[1]?.redacted?.reason).toBe('first');
    expect(view[1]?.data).toEqual({});
  });

  it('hides the redacted text of runbook feedback from all but admins, and keeps the rest of it', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Feedback', severity: 'sev2', runbook: 'db-latency' }); // 1-3
    t.run(addFeedback, { node: 'latency', kind: 'wrong_branch', text: SECRET }); // 4
    t.run(addFeedback, { node: 'ask', kind: 'other', text: 'harmless' }); // 5
    t.run(redactEntry, { seq: 4 }, bob); // 6
    const view = timelineView(t.events, { role: 'commander' });
    expect(JSON.stringify(view)).not.toContain('hunter2');
    expect(view[3]).toMatchObject({ type: 'runbook.feedback', data: { runbookId: 'db-latency', node: 'latency', kind: 'wrong_branch' }, redacted: { seq: 6, actor: bob } });
    expect(view[3]?.data).not.toHaveProperty('text');
    expect(view[4]?.data).toMatchObject({ text: 'harmless' });
    expect(timelineView(t.events, { role: 'admin' })[3]?.data).toMatchObject({ text: SECRET });
  });

  it('hides the redacted text of a follow-up from all but admins, and keeps its kind and owner', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Follow-ups', severity: 'sev2' }); // 1
    t.run(addFollowUp, { kind: 'prevent', text: SECRET, owner: 'db-team' }); // 2
    t.run(redactEntry, { seq: 2 }, bob); // 3
    const view = timelineView(t.events, { role: 'responder' });
    expect(JSON.stringify(view)).not.toContain('hunter2');
    expect(view[1]).toMatchObject({ type: 'followup.added', data: { kind: 'prevent', owner: 'db-team' }, redacted: { seq: 3, actor: bob } });
    expect(view[1]?.data).not.toHaveProperty('text');
    expect(timelineView(t.events, { role: 'admin' })[1]?.data).toEqual({ kind: 'prevent', text: SECRET, owner: 'db-team' });
  });

  it('lets only admins see redacted text', () => {
    expect(seesRedactedText({ role: 'admin' })).toBe(true);
    expect(seesRedactedText({ role: 'commander' })).toBe(false);
  });
});
