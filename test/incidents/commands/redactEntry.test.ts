import { describe, expect, it } from 'vitest';
import { addNote } from '../../../src/incidents/commands/addNote.js';
import { assignRole } from '../../../src/incidents/commands/assignRole.js';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import { completeAction } from '../../../src/incidents/commands/completeAction.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { recordCheck } from '../../../src/incidents/commands/recordCheck.js';
import { redactEntry } from '../../../src/incidents/commands/redactEntry.js';
import { checkValue } from '../../fixtures/incidents/checks.js';
import { FakeTimeline, alice, bob, commandError } from '../../fixtures/incidents/timeline.js';

describe('redactEntry', () => {
  it('redacts a note, with a reason', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'A', severity: 'sev2' });
    t.run(addNote, { text: 'db password is hunter2' });
    expect(t.run(redactEntry, { seq: 2, reason: 'credential' }, bob)[0]).toMatchObject({ type: 'entry.redacted', actor: bob, data: { seq: 2, reason: 'credential' } });
    expect(t.incident?.redacted).toEqual([2]);
    expect(t.incident?.notes[0]?.text).toBeUndefined();
  });

  it('redacts every kind of typed text: summary, status reason, action note', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'A', severity: 'sev2', summary: 's', runbook: 'db-latency' }); // 1-3
    t.run(recordCheck, checkValue(t.incident, 0.9)); // 4-5
    t.run(completeAction, { node: 'restart', result: 'done', note: 'n' }); // 6-7
    t.run(changeStatus, { to: 'mitigated', reason: 'r' }); // 8
    for (const seq of [1, 6, 8]) expect(t.run(redactEntry, { seq })[0]?.data).toEqual({ seq });
    expect(t.incident?.redacted).toEqual([1, 6, 8]);
  });

  it('refuses entries without typed text', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'A', severity: 'sev2', runbook: 'db-latency' }); // 1-3 (no summary)
    t.run(assignRole, { role: 'scribe', user: 'carol' }); // 4
    t.run(recordCheck, checkValue(t.incident, 0.9)); // 5-6
    t.run(completeAction, { node: 'restart', result: 'done' }); // 7-8 (no note)
    for (const seq of [1, 2, 3, 4, 5, 7]) {
      const err = t.refuse(redactEntry, { seq });
      expect([err.code, err.status]).toEqual(['not_redactable', 422]);
    }
    expect(t.refuse(redactEntry, { seq: 4 }).message).toBe(
      'entry 4 holds no text a person typed; only notes, action notes, status reasons and the opening summary can be redacted',
    );
  });

  it('refuses a second redaction, a missing entry, a missing incident', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'A', severity: 'sev2' });
    t.run(addNote, { text: 'x' });
    t.run(redactEntry, { seq: 2 });
    const again = t.refuse(redactEntry, { seq: 2 });
    expect([again.code, again.status, again.message]).toEqual(['no_change', 409, 'entry 2 is already redacted; nothing to change']);
    expect(t.refuse(redactEntry, { seq: 9 }).code).toBe('entry_not_found');
    expect(t.refuse(redactEntry, { seq: 2, reason: '' }).code).toBe('invalid_command');
    expect(commandError(() => redactEntry(undefined, { seq: 1 }, { actor: alice })).code).toBe('not_found');
  });

  it('works on a closed incident: a leaked secret cannot wait for a reopen', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'A', severity: 'sev2' });
    t.run(addNote, { text: 'token' });
    t.run(changeStatus, { to: 'closed' });
    expect(t.run(redactEntry, { seq: 2 })).toHaveLength(1);
  });
});
