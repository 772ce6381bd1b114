import { describe, expect, it } from 'vitest';
import { addFollowUp } from '../../../src/incidents/commands/addFollowUp.js';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { redactEntry } from '../../../src/incidents/commands/redactEntry.js';
import { FakeTimeline, alice, bob, commandError } from '../../fixtures/incidents/timeline.js';

function opened(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'A', severity: 'sev2' });
  return t;
}

describe('addFollowUp', () => {
  it('records followup.added (text trimmed, owner optional), and the fold lists them in seq order', () => {
    const t = opened();
    const events = t.run(addFollowUp, { kind: 'prevent', text: ' cap the pool size ', owner: ' db-team ' }, bob);
    expect(events.map((e) => ({ type: e.type, actor: e.actor, data: e.data }))).toEqual([
      { type: 'followup.added', actor: bob, data: { kind: 'prevent', text: 'cap the pool size', owner: 'db-team' } },
    ]);
    t.run(addFollowUp, { kind: 'detect', text: 'alert on saturation' });
    expect(t.incident?.followUps).toEqual([
      { seq: 2, at: t.now, actor: bob, kind: 'prevent', text: 'cap the pool size', owner: 'db-team', redacted: false },
      { seq: 3, at: t.now, actor: alice, kind: 'detect', text: 'alert on saturation', redacted: false },
    ]);
    expect(t.incident?.redactable).toEqual([2, 3]);
  });

  it('is allowed on a resolved incident (the review comes after), refused on a closed one', () => {
    const t = opened();
    t.run(changeStatus, { to: 'resolved' });
    t.run(addFollowUp, { kind: 'correct', text: 'rebuild the index' });
    t.run(changeStatus, { to: 'closed' });
    const err = t.refuse(addFollowUp, { kind: 'correct', text: 'x' });
    expect([err.code, err.status]).toEqual(['incident_closed', 409]);
  });

  it('refuses a bad kind, empty text, a multi-line or too long owner, and a missing incident', () => {
    const t = opened();
    expect(t.refuse(addFollowUp, { kind: 'fix', text: 'x' } as never).message).toBe('kind is "fix"; use one of detect, prevent, correct');
    expect(t.refuse(addFollowUp, { kind: 'detect', text: '' }).message).toBe('text is empty; give some text');
    expect(t.refuse(addFollowUp, { kind: 'detect', text: 'x', owner: 'a\nb' }).message).toBe('owner must be one line; remove the line breaks');
    expect(t.refuse(addFollowUp, { kind: 'detect', text: 'x', owner: 'o'.repeat(101) }).code).toBe('invalid_command');
    expect(commandError(() => addFollowUp(undefined, { kind: 'detect', text: 'x' }, { actor: alice })).code).toBe('not_found');
  });

  it('a redaction hides the text, keeps kind and owner', () => {
    const t = opened();
    t.run(addFollowUp, { kind: 'detect', text: 'token abc123 leaked', owner: 'sec' });
    t.run(redactEntry, { seq: 2 });
    expect(t.incident?.followUps).toEqual([{ seq: 2, at: t.now, actor: alice, kind: 'detect', owner: 'sec', redacted: true }]);
  });
});
