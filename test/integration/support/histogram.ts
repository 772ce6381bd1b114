// Histogram bucket counters shaped so that histogram_quantile(0.99, …) reads back a chosen p99.
import { counter, type Series } from './openMetrics.js';

export const BUCKETS = [0.05, 0.1, 0.25, 0.5, 1, 2.5, 5] as const;

/**
 * Cumulative share of requests at or under each bucket bound such that Prometheus' linear
 * interpolation puts the 0.99 quantile exactly at `p99`: everything above the bucket holding p99
 * is 0, and that bucket's lower bound holds just the share the interpolation needs.
 */
export function cumulativeShares(p99: number): number[] {
  const upper = BUCKETS.findIndex((le) => p99 < le);
  if (upper <= 0) throw new Error(`p99 ${p99} must lie inside (${BUCKETS[0]}, ${BUCKETS[BUCKETS.length - 1]})`);
  const lo = BUCKETS[upper - 1] ?? 0;
  const hi = BUCKETS[upper] ?? 0;
  const r = (p99 - lo) / (hi - lo);
  const atLo = (0.99 - r) / (1 - r);
  return BUCKETS.map((_, i) => (i >= upper ? 1 : (atLo * (i + 1)) / upper));
}

/**
 * `<name>_bucket` counters (one per `le`, +Inf included) for `rps(t)` requests per second whose
 * p99 is `p99(t)` seconds at time t, sampled every `stepSec`.
 */
export function latencyHistogram(
  name: string,
  labels: Record<string, string>,
  fromSec: number,
  toSec: number,
  stepSec: number,
  rps: (t: number) => number,
  p99: (t: number) => number,
): Series[] {
  const bounds = [...BUCKETS.map(String), '+Inf'];
  return bounds.map((le, i) =>
    counter(`${name}_bucket`, { ...labels, le }, fromSec, toSec, stepSec, (t) => rps(t) * (cumulativeShares(p99(t))[i] ?? 1)),
  );
}
