import { describe, expect, it } from 'vitest';
import { simulateObservation } from '../../src/engine/simulateObservation.js';
import { SimulationError } from '../../src/engine/simulationError.js';

const clock = { intervalSeconds: 60, at: 6000 };

describe('simulateObservation', () => {
  it('turns a number into one unlabelled series', () => {
    expect(simulateObservation(0.02, clock)).toEqual({ status: 'ok', series: [{ labels: {}, value: 0.02 }], at: 6000 });
  });

  it('turns no_data, error and timeout into failed observations', () => {
    expect(simulateObservation('no_data', clock)).toEqual({ status: 'no_data' });
    expect(simulateObservation('error', clock)).toEqual({ status: 'error', reason: 'simulated error' });
    expect(simulateObservation('timeout', clock)).toEqual({ status: 'timeout', reason: 'simulated timeout' });
  });

  it('spaces values by the interval, newest at the evaluation time, skipping missing samples', () => {
    expect(simulateObservation({ values: '1 _ 3' }, clock)).toEqual({
      status: 'ok',
      series: [{ labels: {}, value: 3, samples: [[5880, 1], [6000, 3]] }],
      at: 6000,
    });
  });

  it('takes the value from the newest present sample, or from value when given', () => {
    const last = simulateObservation({ values: '1 2 _' }, clock);
    expect(last.status === 'ok' && last.series[0]?.value).toBe(2);
    const given = simulateObservation({ values: '1 2', value: 7 }, clock);
    expect(given.status === 'ok' && given.series[0]?.value).toBe(7);
  });

  it('reads NaN and infinities, and keeps the baseline', () => {
    const result = simulateObservation({ value: '+Inf', baseline: 0 }, clock);
    expect(result).toEqual({ status: 'ok', series: [{ labels: {}, value: Infinity, baseline: 0 }], at: 6000 });
    const nan = simulateObservation({ value: 'NaN', baseline: '-Inf' }, clock);
    expect(nan.status === 'ok' && Number.isNaN(nan.series[0]?.value)).toBe(true);
    expect(nan.status === 'ok' && nan.series[0]?.baseline).toBe(-Infinity);
  });

  it('builds several labelled series, dropping one with no sample at all', () => {
    const result = simulateObservation(
      { series: [{ labels: { zone: 'a' }, value: 0.001 }, { labels: { zone: 'b' }, values: '0.2x1' }, { labels: { zone: 'c' }, values: '_x2' }] },
      clock,
    );
    expect(result).toEqual({
      status: 'ok',
      series: [
        { labels: { zone: 'a' }, value: 0.001 },
        { labels: { zone: 'b' }, value: 0.2, samples: [[5940, 0.2], [6000, 0.2]] },
      ],
      at: 6000,
    });
  });

  it('refuses series mixed with top-level values, and a series without any value', () => {
    expect(() => simulateObservation({ value: 1, series: [{ value: 2 }] }, clock)).toThrow('give either series: [...] or value at the top, not both');
    expect(() => simulateObservation({ baseline: 1 }, clock)).toThrow(SimulationError);
    expect(() => simulateObservation({ values: '1 ,2' }, clock)).toThrow(/series notation/);
  });
});
