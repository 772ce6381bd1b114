import { describe, it, expect } from 'vitest';
import { complement, conditionSet, describeSet, isEverything, isSubset, union, type RealSet } from '../../../src/runbook/lint/realSet.js';
import type { Condition } from '../../../src/runbook/types.js';

function set(when: Condition): RealSet {
  const s = conditionSet(when);
  if (s === undefined) throw new Error('malformed condition');
  return s;
}

describe('realSet', () => {
  it('covers every value with gt and lte at the same threshold, but not with gt and lt', () => {
    expect(isEverything(union(set({ op: 'gt', value: 1 }), set({ op: 'lte', value: 1 })))).toBe(true);
    const gap = union(set({ op: 'gt', value: 1 }), set({ op: 'lt', value: 1 }));
    expect(isEverything(gap)).toBe(false);
    expect(describeSet(complement(gap))).toBe('= 1');
  });

  it('treats between as closed and outside as its open complement', () => {
    const both = union(set({ op: 'between', value: [0, 1] }), set({ op: 'outside', value: [0, 1] }));
    expect(isEverything(both)).toBe(true);
    expect(describeSet(set({ op: 'outside', value: [0, 1] }))).toBe('< 0 or > 1');
    expect(describeSet(complement(set({ op: 'between', value: [0, 1] })))).toBe('< 0 or > 1');
  });

  it('knows ne covers all but one value, and eq fills that hole', () => {
    expect(isEverything(set({ op: 'ne', value: 3 }))).toBe(false);
    expect(isEverything(union(set({ op: 'ne', value: 3 }), set({ op: 'eq', value: 3 })))).toBe(true);
  });

  it('compares open and closed ends exactly', () => {
    expect(isSubset(set({ op: 'gt', value: 0.05 }), set({ op: 'gt', value: 0.01 }))).toBe(true);
    expect(isSubset(set({ op: 'gte', value: 0.01 }), set({ op: 'gt', value: 0.01 }))).toBe(false);
    expect(isSubset(set({ op: 'gt', value: 0.01 }), set({ op: 'gte', value: 0.01 }))).toBe(true);
    expect(isSubset(set({ op: 'between', value: [1, 2] }), union(set({ op: 'between', value: [1, 1.5] }), set({ op: 'gt', value: 1.5 })))).toBe(true);
  });

  it('describes gaps in the reader’s terms', () => {
    expect(describeSet(complement(set({ op: 'gt', value: 0.05 })))).toBe('<= 0.05');
    expect(describeSet(complement(union(set({ op: 'lt', value: 0 }), set({ op: 'gte', value: 2 }))))).toBe('in [0, 2)');
    expect(describeSet([])).toBe('no value');
  });

  it('rejects an empty range such as between [2, 1]', () => {
    expect(set({ op: 'between', value: [2, 1] })).toEqual([]);
  });
});
