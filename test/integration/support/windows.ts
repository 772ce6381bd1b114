import type { Series } from './openMetrics.js';

/** Sample spacing of every generated series: one a minute, like a typical scrape interval. */
export const STEP = 60;
export const MINUTE = 60;
export const HOUR = 3600;
export const DAY = 86400;

/** A time span of data, unix seconds, both ends included. */
export type Window = readonly [from: number, to: number];

/**
 * The spans an incident at `t0` needs: `before` seconds up to `after` seconds past it (rate
 * windows, subqueries and the walk's later checks), and the same span at each compare offset.
 * Only these are generated, so a day-long baseline costs two short windows, not a day of samples.
 */
export function incidentWindows(t0: number, offsets: readonly number[] = [], before = 3 * HOUR, after = 2 * HOUR): Window[] {
  return [0, ...offsets].map((offset): Window => [t0 - offset - before, t0 - offset + after]);
}

/** `make(from, to)` once per window: one series (or several) per span, merged by toOpenMetrics. */
export function overWindows(windows: readonly Window[], make: (from: number, to: number) => Series | Series[]): Series[] {
  return windows.flatMap(([from, to]) => make(from, to));
}

/** Minutes from `t0` to `t` (negative before it): incident shapes are easier to read in minutes. */
export const minutesFrom = (t0: number, t: number): number => (t - t0) / MINUTE;
