import { describe, expect, it } from 'vitest';
import { mergeObservation } from '../../../src/metrics/prometheus/mergeObservation.js';

const AT = 1_700_000_000;
const WHO = "Prometheus 'prom' at http://p:9090";

describe('mergeObservation', () => {
  it('matches series by their whole label set, whatever the label order', () => {
    const observation = mergeObservation(
      {
        instant: { resultType: 'vector', series: [{ labels: { job: 'api', zone: 'a' }, value: 2 }, { labels: { job: 'api', zone: 'b' }, value: 3 }] },
        range: { resultType: 'matrix', series: [{ labels: { zone: 'a', job: 'api' }, samples: [[AT, 2]] }, { labels: { zone: 'a' }, samples: [[AT, 7]] }] },
        baseline: { resultType: 'vector', series: [{ labels: { zone: 'b', job: 'api' }, value: 1 }] },
      },
      AT,
      WHO,
    );
    expect(observation).toEqual({
      status: 'ok',
      at: AT,
      series: [
        { labels: { job: 'api', zone: 'a' }, value: 2, samples: [[AT, 2]] },
        { labels: { job: 'api', zone: 'b' }, value: 3, samples: [], baseline: 1 },
      ],
    });
  });

  it('a scalar baseline pairs with a scalar value', () => {
    expect(mergeObservation({ instant: { resultType: 'scalar', value: 4 }, baseline: { resultType: 'scalar', value: 2 } }, AT, WHO)).toEqual({
      status: 'ok',
      at: AT,
      series: [{ labels: {}, value: 4, baseline: 2 }],
    });
  });

  it('no series is no data; a wrong result type is an error naming the source', () => {
    expect(mergeObservation({ instant: { resultType: 'vector', series: [] } }, AT, WHO)).toEqual({ status: 'no_data' });
    expect(mergeObservation({ instant: { resultType: 'scalar', value: 1 }, baseline: { resultType: 'matrix', series: [] } }, AT, WHO)).toEqual({
      status: 'error',
      reason: `${WHO}: the baseline query (at the compare offset) returns a range vector; wrap it in a function such as rate() or max_over_time()`,
    });
    expect(mergeObservation({ instant: { resultType: 'scalar', value: 1 }, range: { resultType: 'vector', series: [] } }, AT, WHO)).toMatchObject({ status: 'error' });
  });

  it('forStart cuts `samples` to the `for` window, trend keeps the whole range; null forStart is a range for the trend only', () => {
    const range = { resultType: 'matrix' as const, series: [{ labels: {}, samples: [[AT - 120, 1], [AT - 60, 2], [AT, 3]] as [number, number][] }] };
    const instant = { resultType: 'scalar' as const, value: 3 };
    expect(mergeObservation({ instant, range, forStart: AT - 60, trend: true }, AT, WHO)).toEqual({
      status: 'ok',
      at: AT,
      series: [{ labels: {}, value: 3, samples: [[AT - 60, 2], [AT, 3]], trend: [[AT - 120, 1], [AT - 60, 2], [AT, 3]] }],
    });
    expect(mergeObservation({ instant, range, forStart: null, trend: true }, AT, WHO)).toEqual({
      status: 'ok',
      at: AT,
      series: [{ labels: {}, value: 3, trend: [[AT - 120, 1], [AT - 60, 2], [AT, 3]] }],
    });
    expect(mergeObservation({ instant, range: { resultType: 'vector', series: [] }, forStart: null, trend: true }, AT, WHO)).toEqual({
      status: 'ok',
      at: AT,
      series: [{ labels: {}, value: 3 }],
    });
  });
});
