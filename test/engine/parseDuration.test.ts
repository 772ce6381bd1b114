import { describe, expect, it } from 'vitest';
import { parseDuration } from '../../src/engine/parseDuration.js';
import { WalkError } from '../../src/engine/walkError.js';

describe('parseDuration', () => {
  it.each([
    ['30s', 30],
    ['10m', 600],
    ['1h30m', 5400],
    ['1d', 86400],
    ['2w', 14 * 86400],
    ['1y', 365 * 86400],
    ['1s500ms', 1.5],
    ['0', 0],
    ['0s', 0],
  ])('reads %s as %d seconds', (text, seconds) => {
    expect(parseDuration(text)).toBe(seconds);
  });

  it.each(['', '10', '1.5h', '30m1h', '5 m', '-5m', '1h1h', '10M', 'soon'])('refuses %j with bad_duration', (text) => {
    expect(() => parseDuration(text)).toThrow(WalkError);
    try {
      parseDuration(text);
    } catch (err) {
      expect((err as WalkError).code).toBe('bad_duration');
      expect((err as WalkError).message).toContain('e.g. 30s, 10m, 1h30m');
    }
  });
});
