import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/web/api/apiTypes.js';
import { matchesFilter, timelineWindow } from '../../src/web/room/timelineFilter.js';

function entry(seq: number, type: string, starred = false): TimelineEntry {
  return { incidentId: 'i', seq, id: `e${seq}`, at: '2025-01-01T00:00:00.000Z', type, actor: { kind: 'system' }, data: {}, starred };
}

const entries = [
  entry(1, 'incident.opened'),
  entry(2, 'walk.started'),
  entry(3, 'step.entered'),
  entry(4, 'note.added', true),
  entry(5, 'check.evaluated'),
  entry(6, 'note.added'),
  entry(7, 'entry.starred'),
];

describe('timeline filters', () => {
  it('decisions, notes, starred', () => {
    expect(entries.filter((e) => matchesFilter(e, 'decisions')).map((e) => e.seq)).toEqual([2, 5]);
    expect(entries.filter((e) => matchesFilter(e, 'notes')).map((e) => e.seq)).toEqual([4, 6]);
    expect(entries.filter((e) => matchesFilter(e, 'starred')).map((e) => e.seq)).toEqual([4]);
    expect(entries.filter((e) => matchesFilter(e, 'all'))).toHaveLength(7);
  });

  it('renders only the newest entries of the filter, counting the rest', () => {
    expect(timelineWindow(entries, 'all', 3)).toEqual({ shown: entries.slice(4), hidden: 4, matching: 7 });
    const notes = timelineWindow(entries, 'notes', 1);
    expect(notes.shown.map((e) => e.seq)).toEqual([6]);
    expect(notes.hidden).toBe(1);
    expect(timelineWindow(entries, 'all', 200).hidden).toBe(0);
  });

  it('5,000 entries: a window of 200 is cheap', () => {
    const many = Array.from({ length: 5000 }, (_, i) => entry(i + 1, i % 3 === 0 ? 'note.added' : 'check.evaluated'));
    const started = performance.now();
    for (let i = 0; i < 50; i += 1) timelineWindow(many, 'notes', 200);
    expect(performance.now() - started).toBeLessThan(200);
    expect(timelineWindow(many, 'notes', 200).shown.at(-1)?.seq).toBe(4999);
  });
});
