import { describe, expect, it } from 'vitest';
import { extendWindow, MAX_RANGE_POINTS, rangeWindow } from '../../../src/metrics/prometheus/rangeWindow.js';

const AT = 1_700_000_000;

describe('rangeWindow', () => {
  it('ends at the evaluation time and starts exactly a window earlier when the step divides it', () => {
    expect(rangeWindow(AT, 600, 60)).toEqual({ start: AT - 600, end: AT, step: 60 });
  });

  it('spaces samples evenly, at most the step apart, so the window start has a sample', () => {
    expect(rangeWindow(AT, 90, 60)).toEqual({ start: AT - 90, end: AT, step: 45 });
    expect(rangeWindow(AT, 30, 60)).toEqual({ start: AT - 30, end: AT, step: 30 });
  });

  it('rounds the step up to whole milliseconds, so the window is still covered', () => {
    const w = rangeWindow(AT, 100, 30);
    expect(w.step).toBe(25);
    const odd = rangeWindow(AT + 0.5, 130, 60);
    expect(odd.end).toBe(AT + 0.5);
    expect(odd.step).toBe(43.334);
    expect(odd.start).toBeLessThanOrEqual(AT + 0.5 - 130);
  });

  it('stays under Prometheus\'s limit of points per series for long windows', () => {
    const w = rangeWindow(AT, 365 * 86400, 60);
    expect((w.end - w.start) / w.step).toBeLessThan(MAX_RANGE_POINTS);
    expect(w.start).toBeLessThanOrEqual(AT - 365 * 86400);
  });

  it('extendWindow reaches back over more seconds on the same grid, so the samples of the window stay where they were', () => {
    expect(extendWindow(rangeWindow(AT, 30, 60), 1800)).toEqual({ start: AT - 1800, end: AT, step: 30 });
    const odd = rangeWindow(AT, 130, 60);
    const longer = extendWindow(odd, 1000);
    expect(longer.step).toBe(odd.step);
    expect(longer.start).toBeLessThanOrEqual(AT - 1000);
    const onGrid = Math.round(((odd.start - longer.start) / odd.step) * 1000) / 1000;
    expect(Number.isInteger(onGrid)).toBe(true);
  });

  it('extendWindow never shortens a window, and stays under the points limit', () => {
    expect(extendWindow(rangeWindow(AT, 3600, 60), 600)).toEqual({ start: AT - 3600, end: AT, step: 60 });
    const fine = extendWindow(rangeWindow(AT, 1, 60), 86400);
    expect(Math.round((fine.end - fine.start) / fine.step)).toBe(MAX_RANGE_POINTS - 1);
  });
});
