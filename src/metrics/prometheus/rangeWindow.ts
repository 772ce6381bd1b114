/** Prometheus refuses more than 11,000 points per series; stay well below. */
export const MAX_RANGE_POINTS = 10_000;

export interface RangeWindow {
  start: number;
  end: number;
  step: number;
}

/**
 * The range query behind a `for` window ending at `at`: samples land exactly on `at` and on or
 * before `at - rangeSeconds` (so the window is covered), spaced evenly at most `stepSeconds` apart
 * (closer for short windows, so a `for: 30s` still sees more than one sample). Seconds throughout.
 */
export function rangeWindow(at: number, rangeSeconds: number, stepSeconds: number): RangeWindow {
  const rangeMs = Math.max(1, Math.round(rangeSeconds * 1000));
  const preferredStepMs = Math.max(1, Math.round(stepSeconds * 1000));
  const intervals = Math.min(MAX_RANGE_POINTS - 1, Math.ceil(rangeMs / preferredStepMs));
  const stepMs = Math.ceil(rangeMs / intervals);
  const endMs = Math.round(at * 1000);
  return { start: (endMs - intervals * stepMs) / 1000, end: endMs / 1000, step: stepMs / 1000 };
}

/**
 * `window` reaching back at least `seconds` before its end on the same grid (same step, samples
 * at the same times), so what a `for` window reads from it is unchanged; capped at MAX_RANGE_POINTS.
 */
export function extendWindow(window: RangeWindow, seconds: number): RangeWindow {
  const endMs = Math.round(window.end * 1000);
  const stepMs = Math.max(1, Math.round(window.step * 1000));
  const intervalsNow = Math.round((endMs - Math.round(window.start * 1000)) / stepMs);
  const needed = Math.ceil(Math.round(seconds * 1000) / stepMs);
  const intervals = Math.max(intervalsNow, Math.min(MAX_RANGE_POINTS - 1, needed));
  return { start: (endMs - intervals * stepMs) / 1000, end: window.end, step: window.step };
}
