import { describe, expect, it } from 'vitest';
import { duration, formatExactDuration } from '../../../src/incidents/postmortem/formatExactDuration.js';

describe('formatExactDuration', () => {
  it.each([
    [0, '0s'],
    [45_000, '45s'],
    [750_000, '12m 30s'],
    [2_400_000, '40m 0s'],
    [3_605_000, '1h 0m 5s'],
    [2 * 86_400_000 + 3 * 3_600_000, '2d 3h 0m 0s'],
    [62_250, '1m 2.25s'],
    [1, '0.001s'],
    [-5, '0s'],
    [Number.NaN, '0s'],
  ])('%d ms → %s', (ms, text) => {
    expect(formatExactDuration(ms)).toBe(text);
  });

  it('pairs milliseconds with the words', () => {
    expect(duration(750_000)).toEqual({ ms: 750_000, text: '12m 30s' });
  });
});
