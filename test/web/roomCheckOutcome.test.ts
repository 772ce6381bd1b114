import { describe, expect, it } from 'vitest';
import type { TimelineEntry } from '../../src/web/api/apiTypes.js';
import { checkOutcome, fallbackField, lastCheckEntry, tookOtherBranch } from '../../src/web/room/checkOutcome.js';

describe('checkOutcome', () => {
  it('finds the check among a preview’s events', () => {
    const outcome = checkOutcome([
      { type: 'check.evaluated', data: { node: 'a', value: 0.12, series: [], branch: 0, next: 'b', reduce: 'any', trend: [{ labels: {}, samples: [[1, 0.1]] }] } },
      { type: 'step.entered', data: { node: 'b', nodeType: 'question', visit: 1 } },
    ]);
    expect(outcome?.kind).toBe('evaluated');
    expect(outcome?.data.next).toBe('b');
    expect(outcome?.data.trend).toHaveLength(1);
  });

  it('a failed check, and its fallback field', () => {
    const outcome = checkOutcome([{ type: 'check.failed', data: { node: 'a', status: 'timeout', reason: 'slow', next: 'c' } }]);
    expect(outcome).toEqual({ kind: 'failed', data: { node: 'a', status: 'timeout', reason: 'slow', next: 'c' } });
    expect(fallbackField('timeout')).toBe('on_error');
    expect(fallbackField('no_data')).toBe('on_no_data');
  });

  it('nothing for other events or malformed checks', () => {
    expect(checkOutcome([{ type: 'step.entered', data: { node: 'b', nodeType: 'question', visit: 1 } }])).toBeUndefined();
    expect(checkOutcome([{ type: 'check.evaluated', data: { node: 'a' } }])).toBeUndefined();
  });
});

describe('lastCheckEntry and tookOtherBranch', () => {
  const entry = (seq: number, type: string, data: unknown = {}): TimelineEntry =>
    ({ incidentId: 'i', seq, id: `e${seq}`, at: '2025-01-01T00:00:00.000Z', type, actor: { kind: 'system' }, data, starred: false });
  const evaluated = { node: 'a', value: 0.02, series: [], branch: 1, next: 'wait', reduce: 'any' };

  it('finds the newest check of the current walk only', () => {
    const entries = [entry(1, 'incident.opened'), entry(2, 'walk.started'), entry(3, 'check.evaluated', evaluated), entry(4, 'step.entered'), entry(5, 'note.added')];
    expect(lastCheckEntry(entries, 2)?.seq).toBe(3);
    expect(lastCheckEntry(entries, 4)).toBeUndefined();
    expect(lastCheckEntry([...entries, entry(6, 'check.failed')], 2)?.seq).toBe(6);
  });

  it('says when the recorded check went elsewhere than the confirmed preview', () => {
    const outcome = checkOutcome([{ type: 'check.evaluated', data: evaluated }]);
    if (!outcome) throw new Error('no outcome');
    expect(tookOtherBranch({ node: 'a', next: 'recovered', afterSeq: 10 }, outcome, 11)).toBe(true);
    expect(tookOtherBranch({ node: 'a', next: 'wait', afterSeq: 10 }, outcome, 11)).toBe(false);
    expect(tookOtherBranch({ node: 'a', next: 'recovered', afterSeq: 10 }, outcome, 9)).toBe(false);
    expect(tookOtherBranch({ node: 'b', next: 'recovered', afterSeq: 10 }, outcome, 11)).toBe(false);
    expect(tookOtherBranch(undefined, outcome, 11)).toBe(false);
  });
});
