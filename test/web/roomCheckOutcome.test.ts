import { describe, expect, it } from 'vitest';
import { checkOutcome, fallbackField } from '../../src/web/room/checkOutcome.js';

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
