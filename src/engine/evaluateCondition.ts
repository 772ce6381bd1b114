import type { ComparisonOp, Condition, RangeOp } from '../runbook/types.js';
import { parseDuration } from './parseDuration.js';
import type { ObservedSeries } from './walkInput.js';

/**
 * Relative change of `value` vs `baseline`: (value - baseline) / |baseline|. A zero baseline has no
 * ratio, so any rise is +Inf, any fall -Inf, and 0 → 0 is no change.
 */
export function relativeChange(value: number, baseline: number): number {
  if (baseline === 0) return value > 0 ? Infinity : value < 0 ? -Infinity : 0;
  return (value - baseline) / Math.abs(baseline);
}

/** `x op threshold`; a threshold of the wrong shape for the op (schema prevents it) never matches. */
export function compare(op: ComparisonOp | RangeOp, threshold: number | [number, number], x: number): boolean {
  if (Number.isNaN(x)) return false;
  if (op === 'between' || op === 'outside') {
    if (!Array.isArray(threshold)) return false;
    const [low, high] = threshold;
    return op === 'between' ? x >= low && x <= high : x < low || x > high;
  }
  if (Array.isArray(threshold)) return false;
  switch (op) {
    case 'gt':
      return x > threshold;
    case 'gte':
      return x >= threshold;
    case 'lt':
      return x < threshold;
    case 'lte':
      return x <= threshold;
    case 'eq':
      return x === threshold;
    case 'ne':
      return x !== threshold;
  }
}

/**
 * Whether one series satisfies a condition. With `for`, the window [at - for, at] must be fully
 * covered (a sample at or before its start) and every sample in it must satisfy the condition;
 * `at` defaults to the series' newest sample. NaN samples are gaps (0/0: no traffic then).
 */
export function evaluateCondition(condition: Condition, series: ObservedSeries, at?: number): boolean {
  const onChange = condition.change !== undefined;
  const threshold = condition.change ?? condition.value;
  if (threshold === undefined) return false;
  const baseline = series.baseline;
  if (onChange && (baseline === undefined || Number.isNaN(baseline))) return false;
  const measure = (v: number): number => (onChange && baseline !== undefined ? relativeChange(v, baseline) : v);
  const holds = (v: number): boolean => compare(condition.op, threshold, measure(v));

  if (condition.for === undefined) return holds(series.value);

  const windowSeconds = parseDuration(condition.for);
  const samples = (series.samples ?? []).filter(([, v]) => !Number.isNaN(v));
  const newest = samples.reduce((t, [ts]) => Math.max(t, ts), -Infinity);
  const end = at ?? newest;
  const start = end - windowSeconds;
  const seen = samples.filter(([t]) => t <= end);
  if (!seen.some(([t]) => t <= start)) return false;
  const inWindow = seen.filter(([t]) => t >= start);
  return inWindow.length > 0 && inWindow.every(([, v]) => holds(v));
}
