import { describe, expect, it } from 'vitest';
import { parseSampleValue } from '../../../src/metrics/prometheus/parseSampleValue.js';

describe('parseSampleValue', () => {
  it('reads Prometheus sample strings', () => {
    expect(parseSampleValue('0.05')).toBe(0.05);
    expect(parseSampleValue('-12')).toBe(-12);
    expect(parseSampleValue('1e+21')).toBe(1e21);
    expect(parseSampleValue('.5')).toBe(0.5);
    expect(parseSampleValue('NaN')).toBeNaN();
    expect(parseSampleValue('+Inf')).toBe(Infinity);
    expect(parseSampleValue('-Inf')).toBe(-Infinity);
  });

  it('refuses what is not a number', () => {
    for (const text of ['', ' 1', 'twelve', '0x10', '1,5', 'Infinity', '1e', null, 3]) expect(parseSampleValue(text)).toBeUndefined();
  });
});
