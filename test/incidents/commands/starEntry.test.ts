import { describe, expect, it } from 'vitest';
import { addNote } from '../../../src/incidents/commands/addNote.js';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { starEntry } from '../../../src/incidents/commands/starEntry.js';
import { FakeTimeline, alice, commandError } from '../../fixtures/incidents/timeline.js';

function withNote(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'A', severity: 'sev2' });
  t.run(addNote, { text: 'root cause found' });
  return t;
}

describe('starEntry', () => {
  it('stars by default and unstars with starred: false', () => {
    const t = withNote();
    expect(t.run(starEntry, { seq: 2 })[0]?.data).toEqual({ seq: 2, starred: true });
    expect(t.incident?.starred).toEqual([2]);
    expect(t.run(starEntry, { seq: 2, starred: false })[0]?.data).toEqual({ seq: 2, starred: false });
    expect(t.incident?.starred).toEqual([]);
  });

  it('refuses what already is', () => {
    const t = withNote();
    const unstarred = t.refuse(starEntry, { seq: 2, starred: false });
    expect([unstarred.code, unstarred.status, unstarred.message]).toEqual(['no_change', 409, 'entry 2 is not starred; nothing to change']);
    t.run(starEntry, { seq: 2 });
    expect(t.refuse(starEntry, { seq: 2 }).message).toBe('entry 2 is already starred; nothing to change');
  });

  it('refuses an entry past the end, and a seq that is no seq', () => {
    const t = withNote();
    const missing = t.refuse(starEntry, { seq: 3 });
    expect([missing.code, missing.status]).toEqual(['entry_not_found', 404]);
    expect(missing.message).toBe('the timeline has no entry 3; it ends at seq 2, so name one of 1..2');
    expect(t.refuse(starEntry, { seq: 0 }).code).toBe('invalid_command');
    expect(t.refuse(starEntry, { seq: '2' } as never).message).toBe('seq must be a whole number from 1, not "2"');
    expect(t.refuse(starEntry, { seq: 2, starred: 'yes' } as never).message).toBe('starred must be true or false, not "yes"');
  });

  it('works on a closed incident, not on a missing one', () => {
    const t = withNote();
    t.run(changeStatus, { to: 'closed' });
    expect(t.run(starEntry, { seq: 2 })).toHaveLength(1);
    expect(commandError(() => starEntry(undefined, { seq: 1 }, { actor: alice })).code).toBe('not_found');
  });
});
