import { describe, expect, it } from 'vitest';
import { clipText } from '../../../src/incidents/alerts/clipText.js';
import { formatAge } from '../../../src/incidents/alerts/formatAge.js';

describe('formatAge', () => {
  it.each([
    [0, '0s'], [45_000, '45s'], [120_000, '2m'], [125_000, '2m5s'], [1_800_000, '30m'], [5_400_000, '1h30m'], [3_600_000, '1h'],
    [90_061_000, '1d1h'], [-5, '0s'], [Number.NaN, '0s'],
  ])('%s ms is %s', (ms, text) => {
    expect(formatAge(ms)).toBe(text);
  });
});

describe('clipText', () => {
  it('cuts to the limit with an ellipsis, and never splits a surrogate pair', () => {
    expect(clipText('abc', 3)).toBe('abc');
    expect(clipText('abcd', 3)).toBe('ab…');
    const clipped = clipText('a😀b', 3);
    expect(clipped).toBe('a…');
    expect(clipped.length).toBeLessThanOrEqual(3);
  });
});
