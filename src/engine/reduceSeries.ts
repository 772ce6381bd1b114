import type { SeriesReduce } from '../runbook/types.js';
import type { ObservedSeries, Sample } from './walkInput.js';

export type Aggregation = Exclude<SeriesReduce, 'any' | 'all'>;

function aggregate(how: Aggregation, values: number[]): number {
  switch (how) {
    case 'max':
      return Math.max(...values);
    case 'min':
      return Math.min(...values);
    case 'sum':
      return values.reduce((a, b) => a + b, 0);
    case 'avg':
      return values.reduce((a, b) => a + b, 0) / values.length;
  }
}

/**
 * Folds several series into one unlabelled series: values, samples per timestamp, and baselines.
 * The baseline is set only when every series has one (a partial sum would be a wrong baseline).
 * Expects at least one series.
 */
export function reduceSeries(series: readonly ObservedSeries[], how: Aggregation): ObservedSeries {
  const reduced: ObservedSeries = { labels: {}, value: aggregate(how, series.map((s) => s.value)) };

  const byTime = new Map<number, number[]>();
  for (const s of series) {
    for (const [t, v] of s.samples ?? []) {
      if (Number.isNaN(v)) continue;
      const bucket = byTime.get(t);
      if (bucket) bucket.push(v);
      else byTime.set(t, [v]);
    }
  }
  if (byTime.size > 0) {
    reduced.samples = [...byTime.entries()]
      .sort(([a], [b]) => a - b)
      .map(([t, values]): Sample => [t, aggregate(how, values)]);
  }

  const baselines = series.map((s) => s.baseline).filter((b): b is number => b !== undefined && !Number.isNaN(b));
  if (baselines.length === series.length) reduced.baseline = aggregate(how, baselines);
  return reduced;
}
