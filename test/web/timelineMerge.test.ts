import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/web/api/apiTypes.js';
import { mergeTimeline, tailTimeline, withHistory } from '../../src/web/live/timelineMerge.js';

function entry(seq: number, type: string, data: unknown = {}): TimelineEntry {
  return { incidentId: 'i1', seq, id: `e${seq}`, at: `2026-11-22T00:00:${String(seq).padStart(2, '0')}.000Z`, type, actor: { kind: 'user', name: 'ana' }, data, starred: false };
}

describe('mergeTimeline', () => {
  it('appends the next seqs in order and ignores seqs already held (an answer and its broadcast)', () => {
    const first = mergeTimeline([], [entry(2, 'note.added', { text: 'b' }), entry(1, 'incident.opened')], false);
    expect(first.gap).toBe(false);
    expect(first.entries.map((e) => e.seq)).toEqual([1, 2]);
    const again = mergeTimeline(first.entries, [entry(2, 'note.added', { text: 'b' }), entry(3, 'note.added', { text: 'c' })], false);
    expect(again.entries.map((e) => e.seq)).toEqual([1, 2, 3]);
    expect(again.added.map((e) => e.seq)).toEqual([3]);
    const same = mergeTimeline(again.entries, [entry(1, 'incident.opened')], false);
    expect(same.entries).toBe(again.entries);
    expect(same.added).toEqual([]);
  });

  it('refuses a batch that starts past the next seq, so the caller joins again', () => {
    const held = mergeTimeline([], [entry(1, 'incident.opened')], false).entries;
    const result = mergeTimeline(held, [entry(3, 'note.added', { text: 'c' })], false);
    expect(result.gap).toBe(true);
    expect(result.entries.map((e) => e.seq)).toEqual([1]);
  });

  it('folds stars into their target, the last one winning', () => {
    let entries = mergeTimeline([], [entry(1, 'incident.opened'), entry(2, 'note.added', { text: 'x' })], false).entries;
    entries = mergeTimeline(entries, [entry(3, 'entry.starred', { seq: 2, starred: true })], false).entries;
    expect(entries[1]?.starred).toBe(true);
    entries = mergeTimeline(entries, [entry(4, 'entry.starred', { seq: 2, starred: false })], false).entries;
    expect(entries[1]?.starred).toBe(false);
  });

  it('drops a redacted entry\'s text for readers who may not see it, and keeps it marked for admins', () => {
    const held = mergeTimeline([], [entry(1, 'incident.opened'), entry(2, 'note.added', { text: 'password is hunter2' })], false).entries;
    const redaction = entry(3, 'entry.redacted', { seq: 2, reason: 'secret' });
    const viewer = mergeTimeline(held, [redaction], false).entries[1];
    expect(viewer?.data).toEqual({});
    expect(viewer?.redacted).toEqual({ seq: 3, at: redaction.at, actor: redaction.actor, reason: 'secret' });
    const admin = mergeTimeline(held, [redaction], true).entries[1];
    expect(admin?.data).toEqual({ text: 'password is hunter2' });
    expect(admin?.redacted?.seq).toBe(3);
    // The held array is not changed in place: a view rendered from it stays as it was.
    expect(held[1]?.data).toEqual({ text: 'password is hunter2' });
  });

  it('ignores a redaction of an entry without typed text, and targets that point forward', () => {
    const held = mergeTimeline([], [entry(1, 'incident.opened'), entry(2, 'step.entered', { node: 'a' })], false).entries;
    const result = mergeTimeline(held, [entry(3, 'entry.redacted', { seq: 2 }), entry(4, 'entry.starred', { seq: 9, starred: true })], false);
    expect(result.entries[1]?.redacted).toBeUndefined();
    expect(result.entries.map((e) => e.starred)).toEqual([false, false, false, false]);
  });
});

describe('tail joins', () => {
  it('starts from the newest entries, goes on live, then takes the whole timeline read afterwards', () => {
    const tail = tailTimeline([entry(5, 'note.added', { text: 'e' }), entry(4, 'note.added', { text: 'd' })]);
    expect(tail.map((e) => e.seq)).toEqual([4, 5]);
    const live = mergeTimeline(tail, [entry(6, 'note.added', { text: 'f' })], false);
    expect(live.gap).toBe(false);
    const history = [1, 2, 3, 4, 5].map((seq) => entry(seq, seq === 1 ? 'incident.opened' : 'note.added', { text: String(seq) }));
    expect(withHistory(history, live.entries, false).map((e) => e.seq)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('applies again a redaction that came live for an entry only the history holds', () => {
    const tail = tailTimeline([entry(3, 'note.added', { text: 'c' })]);
    // Entry 2 is not held yet: the redaction cannot reach it now.
    const live = mergeTimeline(tail, [entry(4, 'entry.redacted', { seq: 2 })], false).entries;
    const history = [entry(1, 'incident.opened'), entry(2, 'note.added', { text: 'secret' }), entry(3, 'note.added', { text: 'c' })];
    const whole = withHistory(history, live, false);
    expect(whole[1]?.data).toEqual({});
    expect(whole[1]?.redacted?.seq).toBe(4);
  });
});
