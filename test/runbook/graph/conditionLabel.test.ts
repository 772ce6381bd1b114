import { describe, it, expect } from 'vitest';
import { conditionLabel } from '../../../src/runbook/graph/conditionLabel.js';

describe('conditionLabel', () => {
  it('writes comparisons with their symbols', () => {
    expect(conditionLabel({ op: 'gt', value: 0.05 })).toBe('> 0.05');
    expect(conditionLabel({ op: 'gte', value: 0.01 })).toBe('≥ 0.01');
    expect(conditionLabel({ op: 'lt', value: -3 })).toBe('< -3');
    expect(conditionLabel({ op: 'lte', value: 100 })).toBe('≤ 100');
    expect(conditionLabel({ op: 'eq', value: 0 })).toBe('= 0');
    expect(conditionLabel({ op: 'ne', value: 1 })).toBe('≠ 1');
  });

  it('writes ranges in words', () => {
    expect(conditionLabel({ op: 'between', value: [0.01, 0.05] })).toBe('between 0.01 and 0.05');
    expect(conditionLabel({ op: 'outside', value: [10, 20] })).toBe('not between 10 and 20');
  });

  it('adds a sustained window', () => {
    expect(conditionLabel({ op: 'gte', value: 0.01, for: '10m' })).toBe('≥ 0.01 for 10m');
  });

  it('writes a change as a signed percentage against the compare offset', () => {
    expect(conditionLabel({ op: 'gt', change: 0.5 }, '1d')).toBe('change > +50% vs 1d ago');
    expect(conditionLabel({ op: 'lt', change: -0.2 }, '1w')).toBe('change < -20% vs 1w ago');
    expect(conditionLabel({ op: 'between', change: [-0.1, 0.25] }, '1h')).toBe('change between -10% and +25% vs 1h ago');
    expect(conditionLabel({ op: 'gt', change: 0.5, for: '5m' }, '1d')).toBe('change > +50% vs 1d ago for 5m');
  });

  it('says "baseline" when the check has no compare offset', () => {
    expect(conditionLabel({ op: 'gt', change: 1 })).toBe('change > +100% vs baseline');
  });

  it('drops floating point noise', () => {
    expect(conditionLabel({ op: 'gt', change: 0.07 }, '1d')).toBe('change > +7% vs 1d ago');
    expect(conditionLabel({ op: 'gt', value: 0.1 + 0.2 })).toBe('> 0.3');
  });

  it('shows a ? for a value the schema should have required', () => {
    expect(conditionLabel({ op: 'gt' })).toBe('> ?');
  });
});
