import { describe, expect, it } from 'vitest';
import { formatDuration, formatLocalTime, formatUtc } from '../../src/web/format/formatTime.js';

describe('formatTime', () => {
  it('shows only the time for today, and the day too for an earlier day', () => {
    const at = '2026-11-22T02:03:04.000Z';
    const sameDay = new Date(at).getTime() + 60_000;
    expect(formatLocalTime(at, sameDay)).toMatch(/^\d\d:\d\d:\d\d$/);
    expect(formatLocalTime(at, sameDay + 3 * 86_400_000)).not.toMatch(/^\d\d:\d\d:\d\d$/);
    expect(formatLocalTime('not a time')).toBe('not a time');
  });

  it('gives UTC without milliseconds for the hover', () => {
    expect(formatUtc('2026-11-22T02:03:04.567Z')).toBe('2026-11-22 02:03:04 UTC');
  });

  it('gives durations in the largest units that matter', () => {
    expect(formatDuration(-5)).toBe('0s');
    expect(formatDuration(45_900)).toBe('45s');
    expect(formatDuration(725_000)).toBe('12m 05s');
    expect(formatDuration(3 * 3600_000 + 20 * 60_000)).toBe('3h 20m');
    expect(formatDuration(2 * 86_400_000 + 4 * 3600_000 + 5)).toBe('2d 4h');
  });
});
