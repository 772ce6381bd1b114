import { describe, expect, it } from 'vitest';
import { formatCheckValue, formatNumber } from '../../src/web/room/formatCheckValue.js';

describe('formatCheckValue', () => {
  it('drops float noise and keeps 4 significant digits', () => {
    expect(formatNumber(0.1234567)).toBe('0.1235');
    expect(formatNumber(7.000000000000001)).toBe('7');
    expect(formatNumber(1260)).toBe('1260');
  });

  it('a ratio as a percentage with the raw number the thresholds use', () => {
    expect(formatCheckValue(0.12, 'ratio')).toBe('12% (0.12)');
    expect(formatCheckValue(0.001, 'ratio')).toBe('0.1% (0.001)');
  });

  it('seconds as milliseconds or a duration', () => {
    expect(formatCheckValue(0.08, 'seconds')).toBe('80 ms (0.08 s)');
    expect(formatCheckValue(12.5, 'seconds')).toBe('12.5 s');
    expect(formatCheckValue(1260, 'seconds')).toBe('21m 00s (1260 s)');
    expect(formatCheckValue(-0.2, 'seconds')).toBe('-200 ms (-0.2 s)');
  });

  it('bytes in binary units, other units after the number, none bare', () => {
    expect(formatCheckValue(512, 'bytes')).toBe('512 B');
    expect(formatCheckValue(3 * 1024 * 1024 * 1024, 'bytes')).toBe('3 GiB (3221225472 B)');
    expect(formatCheckValue(42, 'msg/s')).toBe('42 msg/s');
    expect(formatCheckValue(42)).toBe('42');
    expect(formatCheckValue(50, 'percent')).toBe('50%');
  });

  it('a stored null says the source gave no number', () => {
    expect(formatCheckValue(null, 'ratio')).toBe('no number (NaN or infinite)');
  });
});

describe('formatCheckValue, short', () => {
  it('leaves out the raw number', () => {
    expect(formatCheckValue(0.12, 'ratio', true)).toBe('12%');
    expect(formatCheckValue(1260, 'seconds', true)).toBe('21m 00s');
    expect(formatCheckValue(2048, 'bytes', true)).toBe('2 KiB');
    expect(formatCheckValue(null, 'ratio', true)).toBe('NaN');
  });
});
