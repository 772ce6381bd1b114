import { describe, expect, it } from 'vitest';
import { addNote } from '../../../src/incidents/commands/addNote.js';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { FakeTimeline, alice, commandError } from '../../fixtures/incidents/timeline.js';

function opened(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'A', severity: 'sev2' });
  return t;
}

describe('addNote', () => {
  it('records the text, trimmed', () => {
    const t = opened();
    expect(t.run(addNote, { text: '  rolled back v42\n' })[0]).toMatchObject({ type: 'note.added', actor: alice, data: { text: 'rolled back v42' } });
  });

  it('backdates: the claimed time is data in UTC, at stays server time', () => {
    const t = opened();
    t.advance(10 * 60_000);
    const [note] = t.run(addNote, { text: 'deploy started', claimedAt: '2024-05-01T13:58:30+02:00' });
    expect(note?.data).toEqual({ text: 'deploy started', claimedAt: '2024-05-01T11:58:30.000Z' });
    expect(note?.at).toBe('2024-05-01T12:10:00.000Z');
    expect(t.incident?.notes[0]).toMatchObject({ claimedAt: '2024-05-01T11:58:30.000Z', at: '2024-05-01T12:10:00.000Z' });
  });

  it('allows a claimed time up to a minute ahead of the server (client clocks drift), not more', () => {
    const t = opened();
    expect(t.run(addNote, { text: 'x', claimedAt: '2024-05-01T12:01:00Z' })).toHaveLength(1);
    const err = t.refuse(addNote, { text: 'x', claimedAt: '2024-05-01T12:01:00.001Z' });
    expect([err.code, err.status]).toEqual(['invalid_command', 422]);
    expect(err.message).toBe("claimedAt 2024-05-01T12:01:00.001Z is in the future (the server's time is 2024-05-01T12:00:00.000Z); a note may be backdated, not postdated");
  });

  it('does not bound the claimed time when the server gives no now', () => {
    const t = opened();
    const drafts = addNote(t.incident, { text: 'x', claimedAt: '2030-01-01T00:00:00Z' }, { actor: alice });
    expect(drafts[0]?.data).toEqual({ text: 'x', claimedAt: '2030-01-01T00:00:00.000Z' });
  });

  it.each(['2024-05-01 12:00', '2024-05-01T12:00:00', 'yesterday', '2024-13-01T12:00:00Z', 1714564800000])('refuses claimedAt %s', (claimedAt) => {
    const err = opened().refuse(addNote, { text: 'x', claimedAt } as never);
    expect(err.code).toBe('invalid_command');
    expect(err.message).toBe('claimedAt must be an ISO 8601 time with a time zone, like 2024-05-01T13:58:00Z');
  });

  it('refuses empty and oversized text, a closed and a missing incident', () => {
    const t = opened();
    expect(t.refuse(addNote, { text: ' \n ' }).message).toBe('text is empty; give some text');
    expect(t.refuse(addNote, { text: 'x'.repeat(10_001) }).message).toBe('text is 10001 characters long; keep it within 10000');
    t.run(changeStatus, { to: 'closed' });
    expect(t.refuse(addNote, { text: 'late' }).code).toBe('incident_closed');
    expect(commandError(() => addNote(undefined, { text: 'x' }, { actor: alice })).code).toBe('not_found');
  });
});
