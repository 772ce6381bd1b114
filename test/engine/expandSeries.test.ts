import { describe, expect, it } from 'vitest';
import { expandSeries, MAX_EXPANDED_SAMPLES } from '../../src/engine/expandSeries.js';
import { SimulationError } from '../../src/engine/simulationError.js';

describe('expandSeries', () => {
  it.each([
    ['1 2 3', [1, 2, 3]],
    ['0+10x5', [0, 10, 20, 30, 40, 50]],
    ['-2+4x3', [-2, 2, 6, 10]],
    [' 1-2x4', [1, -1, -3, -5, -7]],
    ['5x3', [5, 5, 5, 5]],
    ['1 _ 3', [1, null, 3]],
    ['1 _x3 stale', [1, null, null, null, null]],
    ['1e-3x2', [0.001, 0.001, 0.001]],
    ['1e3+1e2x1', [1000, 1100]],
    ['0.5 .25 -0.125', [0.5, 0.25, -0.125]],
    ['Inf +Inf -Inf', [Infinity, Infinity, -Infinity]],
    ['0.1+0.1x2', [0.1, 0.2, 0.30000000000000004]],
  ])('expands %j', (text, values) => {
    expect(expandSeries(text)).toEqual(values);
  });

  it('reads NaN', () => {
    const [nan] = expandSeries('NaN');
    expect(Number.isNaN(nan)).toBe(true);
  });

  it.each(['1,2', 'abc', '1+2', '1x', 'x3', '_+1x2', '1+-2x3'])('refuses %j with a hint at the notation', (text) => {
    expect(() => expandSeries(text)).toThrow(SimulationError);
    expect(() => expandSeries(text)).toThrow(/promtool's series notation/);
  });

  it('refuses an empty series', () => {
    expect(() => expandSeries('   ')).toThrow(/the series is empty/);
  });

  it('refuses a series that would expand past the cap, quickly', () => {
    const started = process.hrtime.bigint();
    expect(() => expandSeries('1x1000000000')).toThrow(`expands past ${MAX_EXPANDED_SAMPLES} samples`);
    expect(() => expandSeries('_x1000000000')).toThrow(SimulationError);
    expect(Number(process.hrtime.bigint() - started) / 1e6).toBeLessThan(500);
  });
});
