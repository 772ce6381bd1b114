import { describe, expect, it } from 'vitest';
import { reduceSeries } from '../../src/engine/reduceSeries.js';
import type { ObservedSeries } from '../../src/engine/walkInput.js';

const a: ObservedSeries = { labels: { zone: 'a' }, value: 1, baseline: 1, samples: [[0, 1], [60, 1]] };
const b: ObservedSeries = { labels: { zone: 'b' }, value: 3, baseline: 2, samples: [[0, 2], [60, 3], [120, 5]] };

describe('reduceSeries', () => {
  it.each([
    ['max', 3, 2],
    ['min', 1, 1],
    ['sum', 4, 3],
    ['avg', 2, 1.5],
  ] as const)('%s folds values and baselines', (how, value, baseline) => {
    const reduced = reduceSeries([a, b], how);
    expect(reduced.value).toBe(value);
    expect(reduced.baseline).toBe(baseline);
    expect(reduced.labels).toEqual({});
  });

  it('folds samples per timestamp, over the series present at each', () => {
    expect(reduceSeries([a, b], 'sum').samples).toEqual([[0, 3], [60, 4], [120, 5]]);
    expect(reduceSeries([b, a], 'max').samples).toEqual([[0, 2], [60, 3], [120, 5]]);
  });

  it('has a baseline only when every series has one', () => {
    expect(reduceSeries([a, { labels: {}, value: 2 }], 'sum').baseline).toBeUndefined();
  });

  it('has no samples when no series has any', () => {
    expect(reduceSeries([{ labels: {}, value: 2 }], 'avg').samples).toBeUndefined();
  });
});
