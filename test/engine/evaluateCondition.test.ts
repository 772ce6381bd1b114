import { describe, expect, it } from 'vitest';
import { compare, evaluateCondition, relativeChange } from '../../src/engine/evaluateCondition.js';
import type { ObservedSeries, Sample } from '../../src/engine/walkInput.js';

const series = (value: number, extra: Partial<ObservedSeries> = {}): ObservedSeries => ({ labels: {}, value, ...extra });
/** Samples one minute apart ending at t=6000. */
const minutes = (...values: number[]): Sample[] => values.map((v, i): Sample => [6000 - (values.length - 1 - i) * 60, v]);

describe('compare', () => {
  it.each([
    ['gt', 1, 2, true],
    ['gt', 2, 2, false],
    ['gte', 2, 2, true],
    ['lt', 2, 1, true],
    ['lt', 2, 2, false],
    ['lte', 2, 2, true],
    ['eq', 2, 2, true],
    ['eq', 2, 2.0001, false],
    ['ne', 2, 3, true],
    ['ne', 2, 2, false],
  ] as const)('%s %d on %d is %s', (op, threshold, x, expected) => {
    expect(compare(op, threshold, x)).toBe(expected);
  });

  it('between and outside use a closed range', () => {
    expect(compare('between', [1, 2], 1)).toBe(true);
    expect(compare('between', [1, 2], 2)).toBe(true);
    expect(compare('between', [1, 2], 2.1)).toBe(false);
    expect(compare('outside', [1, 2], 1)).toBe(false);
    expect(compare('outside', [1, 2], 0.9)).toBe(true);
    expect(compare('outside', [1, 2], 3)).toBe(true);
  });

  it('compares infinities normally and never matches NaN, not even ne', () => {
    expect(compare('gt', 1e308, Infinity)).toBe(true);
    expect(compare('lt', -1e308, -Infinity)).toBe(true);
    expect(compare('outside', [0, 1], Infinity)).toBe(true);
    expect(compare('eq', Infinity, Infinity)).toBe(true);
    expect(compare('ne', 1, Number.NaN)).toBe(false);
    expect(compare('outside', [0, 1], Number.NaN)).toBe(false);
  });

  it('never matches a threshold of the wrong shape', () => {
    expect(compare('between', 1, 1)).toBe(false);
    expect(compare('gt', [0, 1], 5)).toBe(false);
  });
});

describe('relativeChange', () => {
  it('is (value - baseline) / |baseline|', () => {
    expect(relativeChange(150, 100)).toBe(0.5);
    expect(relativeChange(50, 100)).toBe(-0.5);
    expect(relativeChange(-5, -10)).toBe(0.5);
  });

  it('maps a zero baseline to +Inf, -Inf or 0 by the sign of the value', () => {
    expect(relativeChange(3, 0)).toBe(Infinity);
    expect(relativeChange(-3, 0)).toBe(-Infinity);
    expect(relativeChange(0, 0)).toBe(0);
  });
});

describe('evaluateCondition', () => {
  it('tests the observed value', () => {
    expect(evaluateCondition({ op: 'gt', value: 0.05 }, series(0.06))).toBe(true);
    expect(evaluateCondition({ op: 'gt', value: 0.05 }, series(0.04))).toBe(false);
    expect(evaluateCondition({ op: 'between', value: [1, 5] }, series(5))).toBe(true);
  });

  it('tests the relative change vs the baseline', () => {
    expect(evaluateCondition({ op: 'gt', change: 0.5 }, series(1.6, { baseline: 1 }))).toBe(true);
    expect(evaluateCondition({ op: 'gt', change: 0.5 }, series(1.4, { baseline: 1 }))).toBe(false);
    expect(evaluateCondition({ op: 'lt', change: -0.5 }, series(0.4, { baseline: 1 }))).toBe(true);
  });

  it('treats a rise from a zero baseline as an infinite change, and 0 → 0 as none', () => {
    expect(evaluateCondition({ op: 'gt', change: 100 }, series(0.001, { baseline: 0 }))).toBe(true);
    expect(evaluateCondition({ op: 'lt', change: -0.9 }, series(-1, { baseline: 0 }))).toBe(true);
    expect(evaluateCondition({ op: 'eq', change: 0 }, series(0, { baseline: 0 }))).toBe(true);
    expect(evaluateCondition({ op: 'gt', change: 0 }, series(0, { baseline: 0 }))).toBe(false);
  });

  it('never satisfies a change condition without a usable baseline', () => {
    expect(evaluateCondition({ op: 'gt', change: -100 }, series(5))).toBe(false);
    expect(evaluateCondition({ op: 'ne', change: 0 }, series(5, { baseline: Number.NaN }))).toBe(false);
  });

  it('is false when the condition sets neither value nor change', () => {
    expect(evaluateCondition({ op: 'gt' }, series(5))).toBe(false);
  });

  describe('for windows', () => {
    const sustained = { op: 'gt', value: 0.01, for: '10m' } as const;

    it('holds when every sample of a fully covered window satisfies it', () => {
      expect(evaluateCondition(sustained, series(0.02, { samples: minutes(...Array<number>(11).fill(0.02)) }))).toBe(true);
    });

    it('fails when one sample in the window does not', () => {
      const values = Array<number>(11).fill(0.02);
      values[4] = 0.005;
      expect(evaluateCondition(sustained, series(0.02, { samples: minutes(...values) }))).toBe(false);
    });

    it('ignores samples older than the window', () => {
      expect(evaluateCondition(sustained, series(0.02, { samples: minutes(0, 0, ...Array<number>(11).fill(0.02)) }))).toBe(true);
    });

    it('fails when the window is only partly covered', () => {
      // 10 samples span 9 minutes: nothing at or before newest - 10m.
      expect(evaluateCondition(sustained, series(0.02, { samples: minutes(...Array<number>(10).fill(0.02)) }))).toBe(false);
    });

    it('fails without samples even if the instant value satisfies it', () => {
      expect(evaluateCondition(sustained, series(0.5))).toBe(false);
    });

    it('measures the window back from the evaluation time when given', () => {
      const samples = minutes(...Array<number>(11).fill(0.02));
      expect(evaluateCondition(sustained, series(0.02, { samples }), 6000)).toBe(true);
      // Evaluated 5 minutes later: the series stopped reporting, the window's newest part has no samples,
      // but every sample it has still satisfies the condition and the start is covered.
      expect(evaluateCondition(sustained, series(0.02, { samples }), 6300)).toBe(true);
      // Evaluated 11 minutes earlier: the start of the window precedes every sample.
      expect(evaluateCondition(sustained, series(0.02, { samples }), 5340)).toBe(false);
    });

    it('treats NaN samples as gaps', () => {
      const values = Array<number>(11).fill(0.02);
      values[5] = Number.NaN;
      expect(evaluateCondition(sustained, series(0.02, { samples: minutes(...values) }))).toBe(true);
    });

    it('applies change to every sample in the window', () => {
      const cond = { op: 'gt', change: 0.5, for: '2m' } as const;
      expect(evaluateCondition(cond, series(2, { baseline: 1, samples: minutes(1.6, 1.7, 2) }))).toBe(true);
      expect(evaluateCondition(cond, series(2, { baseline: 1, samples: minutes(1.4, 1.7, 2) }))).toBe(false);
    });
  });
});
