import { afterEach, describe, expect, it } from 'vitest';
import type { CheckObservation } from '../../../src/engine/walkInput.js';
import type { CheckRequest, SourceSeries } from '../../../src/metrics/metricSource.js';
import { PrometheusSource, type PrometheusSourceOptions } from '../../../src/metrics/prometheus/prometheusSource.js';
import type { CheckNode } from '../../../src/runbook/types.js';
import { barrier, closedPortUrl, matrix, promError, startStub, vector, type Stub, type StubReply, type StubRequest } from './stubServer.js';

const AT = 1_700_000_000;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function stub(handler: (r: StubRequest) => StubReply | Promise<StubReply>): Promise<Stub> {
  const s = await startStub(handler);
  cleanups.push(s.close);
  return s;
}

function node(overrides: Partial<CheckNode> = {}): CheckNode {
  return {
    type: 'check',
    source: 'prom',
    query: 'up',
    branches: [{ when: { op: 'gt', value: 1 }, next: 'high' }],
    default: 'fine',
    on_no_data: 'nodata',
    on_error: 'broken',
    ...overrides,
  };
}

function request(overrides: Partial<CheckRequest> = {}): CheckRequest {
  const n = overrides.node ?? node();
  return { runbookId: 'rb', nodeId: 'rate', node: n, query: n.query, at: AT, visit: 1, ...overrides };
}

function source(url: string, extra: Partial<PrometheusSourceOptions> = {}): PrometheusSource {
  return new PrometheusSource({ name: 'prom', url, ...extra });
}

/** The first series of an ok observation, with the trend a source may add. */
function firstSeries(observation: CheckObservation): SourceSeries | undefined {
  return observation.status === 'ok' ? observation.series[0] : undefined;
}

const ok = (value: string): StubReply => ({ json: vector([{ value }]) });

describe('PrometheusSource.observe', () => {
  it('merges instant, range and baseline answers by label set', async () => {
    const s = await stub((r) => {
      if (r.path === '/api/v1/query_range') {
        return {
          json: matrix([
            { labels: { zone: 'b' }, values: [[AT - 600, '0.2'], [AT, '0.3']] },
            { labels: { zone: 'a' }, values: [[AT - 600, '0.1'], [AT - 300, 'NaN'], [AT, '0.1']] },
            { labels: { zone: 'gone' }, values: [[AT - 600, '9']] },
          ]),
        };
      }
      if (r.form.get('time') === String(AT - 3600)) {
        return { json: vector([{ labels: { zone: 'a' }, value: '0.05' }, { labels: { zone: 'b' }, value: '0.3' }]) };
      }
      return { json: vector([{ labels: { zone: 'a' }, value: '0.1' }, { labels: { zone: 'b' }, value: '0.3' }, { labels: { zone: 'new' }, value: '+Inf' }]) };
    });
    const check = node({ branches: [{ when: { op: 'gt', change: 0.5, for: '10m' }, next: 'high' }], compare: { offset: '1h' } });
    const observation = await source(s.url).observe(request({ node: check }));
    expect(observation).toEqual({
      status: 'ok',
      at: AT,
      series: [
        { labels: { zone: 'a' }, value: 0.1, samples: [[AT - 600, 0.1], [AT - 300, Number.NaN], [AT, 0.1]], baseline: 0.05 },
        { labels: { zone: 'b' }, value: 0.3, samples: [[AT - 600, 0.2], [AT, 0.3]], baseline: 0.3 },
        { labels: { zone: 'new' }, value: Infinity, samples: [] },
      ],
    });
    const range = s.requests.find((r) => r.path === '/api/v1/query_range');
    expect(Object.fromEntries(range?.form ?? [])).toEqual({ query: 'up', start: String(AT - 600), end: String(AT), step: '60' });
    expect(s.requests.map((r) => r.form.get('time')).filter((t) => t !== null).sort()).toEqual([String(AT - 3600), String(AT)]);
  });

  it('sends only the instant query when the check has no `for` and no `compare`', async () => {
    const s = await stub(() => ok('2'));
    expect(await source(s.url).observe(request())).toEqual({ status: 'ok', at: AT, series: [{ labels: {}, value: 2 }] });
    expect(s.requests.map((r) => r.path)).toEqual(['/api/v1/query']);
  });

  it('a scalar is one unlabelled series; an empty vector is no data', async () => {
    const replies: StubReply[] = [{ json: { status: 'success', data: { resultType: 'scalar', result: [AT, 'NaN'] } } }, { json: vector([]) }];
    const s = await stub(() => replies.shift() ?? {});
    const prom = source(s.url, { cacheTtlMs: 0 });
    expect(await prom.observe(request())).toEqual({ status: 'ok', at: AT, series: [{ labels: {}, value: Number.NaN }] });
    expect(await prom.observe(request())).toEqual({ status: 'no_data' });
  });

  it('a range vector or a string from the instant query is an error that says what to do', async () => {
    const replies: StubReply[] = [
      { json: matrix([{ values: [[AT, '1']] }]) },
      { json: { status: 'success', data: { resultType: 'string', result: [AT, 'x'] } } },
    ];
    const s = await stub(() => replies.shift() ?? {});
    const prom = source(s.url, { cacheTtlMs: 0 });
    expect(await prom.observe(request({ query: 'up[5m]' }))).toEqual({
      status: 'error',
      reason: `Prometheus 'prom' at ${s.url}: the query returns a range vector; wrap it in a function such as rate() or max_over_time()`,
    });
    expect(await prom.observe(request({ query: '"x"' }))).toEqual({ status: 'error', reason: `Prometheus 'prom' at ${s.url}: the query returns a string; a check needs a number` });
  });

  it('a failed range or baseline query fails the check and says which one', async () => {
    const s = await stub((r) => (r.path === '/api/v1/query_range' ? { status: 503, body: 'busy' } : ok('1')));
    const check = node({ branches: [{ when: { op: 'gt', value: 1, for: '5m' }, next: 'high' }] });
    expect(await source(s.url).observe(request({ node: check }))).toEqual({
      status: 'error',
      reason: `the range query over the last 300 s (for the \`for\` window) failed: Prometheus 'prom' at ${s.url} is overloaded or not ready (HTTP 503: busy); try again shortly`,
    });
    const t = await stub((r) => (r.form.get('time') === String(AT - 86400) ? { status: 503, json: promError('timeout', 'query timed out') } : ok('1')));
    const compared = node({ compare: { offset: '1d' }, branches: [{ when: { op: 'gt', change: 1 }, next: 'high' }] });
    const observation = await source(t.url).observe(request({ node: compared }));
    expect(observation.status).toBe('timeout');
    expect(observation).toMatchObject({ reason: expect.stringMatching(/^the baseline query 86400 s earlier \(for `compare`\) failed: Prometheus 'prom'/) as unknown });
  });

  it('a source that is down is an error observation, not a throw', async () => {
    const url = await closedPortUrl();
    expect(await source(url).observe(request())).toEqual({
      status: 'error',
      reason: `Prometheus 'prom' at ${url} is not answering (connection refused); check the URL or that it is up`,
    });
  });

  it('a malformed duration or evaluation time is an error observation, not a throw', async () => {
    const s = await stub(() => ok('1'));
    const bad = node({ branches: [{ when: { op: 'gt', value: 1, for: 'ten minutes' }, next: 'high' }] });
    const observation = await source(s.url).observe(request({ node: bad }));
    expect(observation).toMatchObject({ status: 'error', reason: expect.stringContaining("the check could not be run: 'ten minutes' is not a duration") as unknown });
    expect(await source(s.url).observe(request({ at: Number.NaN }))).toMatchObject({ status: 'error' });
    expect(s.requests).toHaveLength(0);
  });

  it('a caller that gives up gets a cancelled error; others sharing the query still get the answer', async () => {
    const s = await stub(() => ({ ...ok('3'), delayMs: 150 }));
    const prom = source(s.url);
    const controller = new AbortController();
    const leaving = prom.observe(request({ signal: controller.signal }));
    const staying = prom.observe(request());
    setTimeout(() => {
      controller.abort();
    }, 20);
    expect(await leaving).toEqual({ status: 'error', reason: `the query to Prometheus 'prom' at ${s.url} was cancelled` });
    expect(await staying).toEqual({ status: 'ok', at: AT, series: [{ labels: {}, value: 3 }] });
    expect(s.requests).toHaveLength(1);
  });
});

describe('PrometheusSource trend (CheckRequest.trendSeconds)', () => {
  /** A stub whose range answer has one sample per step of the range asked for, valued by time. */
  const gridStub = () =>
    stub((r) => {
      if (r.path !== '/api/v1/query_range') return ok('0.3');
      const [start, end, step] = ['start', 'end', 'step'].map((k) => Number(r.form.get(k)));
      const values: [number, string][] = [];
      for (let t = start ?? 0; t <= (end ?? 0); t += step ?? 1) values.push([t, String((AT - t) / 1000)]);
      return { json: matrix([{ values }]) };
    });

  it('without `for`: one range query over the trend, whose samples come back as the trend only (the engine sees none)', async () => {
    const s = await gridStub();
    const observation = await source(s.url).observe(request({ trendSeconds: 1800 }));
    const range = s.requests.filter((r) => r.path === '/api/v1/query_range');
    expect(range.map((r) => Object.fromEntries(r.form))).toEqual([{ query: 'up', start: String(AT - 1800), end: String(AT), step: '60' }]);
    expect(observation).toMatchObject({ status: 'ok', series: [{ labels: {}, value: 0.3 }] });
    const series = firstSeries(observation);
    expect(series).not.toHaveProperty('samples');
    expect(series?.trend).toHaveLength(31);
    expect(series?.trend?.at(-1)).toEqual([AT, 0]);
  });

  it('with `for`: ONE range query on the `for` window\'s grid reaching back over the trend; `samples` are exactly those without a trend', async () => {
    const s = await gridStub();
    const check = node({ branches: [{ when: { op: 'gt', value: 0, for: '30s' }, next: 'high' }] });
    const without = await source(s.url).observe(request({ node: check }));
    const withTrend = await source(s.url).observe(request({ node: check, trendSeconds: 1800 }));
    const range = s.requests.filter((r) => r.path === '/api/v1/query_range').map((r) => Object.fromEntries(r.form));
    expect(range).toEqual([
      { query: 'up', start: String(AT - 30), end: String(AT), step: '30' },
      { query: 'up', start: String(AT - 1800), end: String(AT), step: '30' },
    ]);
    const plain = firstSeries(without);
    const trended = firstSeries(withTrend);
    expect(plain?.samples).toEqual([[AT - 30, 0.03], [AT, 0]]);
    expect(trended?.samples).toEqual(plain?.samples);
    expect(trended?.trend).toHaveLength(61);
  });

  it('a `for` window longer than the trend is queried as it is; the trend is the whole window', async () => {
    const s = await gridStub();
    const check = node({ branches: [{ when: { op: 'gt', value: 0, for: '1h' }, next: 'high' }] });
    const observation = await source(s.url).observe(request({ node: check, trendSeconds: 600 }));
    expect(Object.fromEntries(s.requests.find((r) => r.path === '/api/v1/query_range')?.form ?? [])).toMatchObject({ start: String(AT - 3600), step: '60' });
    const series = firstSeries(observation);
    expect(series?.samples).toHaveLength(61);
    expect(series?.trend).toEqual(series?.samples);
  });

  it('a failed range query only for the trend costs the trend, not the check', async () => {
    const s = await stub((r) => (r.path === '/api/v1/query_range' ? { status: 503, body: 'busy' } : ok('2')));
    expect(await source(s.url).observe(request({ trendSeconds: 1800 }))).toEqual({ status: 'ok', at: AT, series: [{ labels: {}, value: 2 }] });
    const t = await stub((r) => (r.path === '/api/v1/query_range' ? { json: vector([{ value: '1' }]) } : ok('2')));
    expect(await source(t.url).observe(request({ trendSeconds: 1800 }))).toEqual({ status: 'ok', at: AT, series: [{ labels: {}, value: 2 }] });
  });

  it('no trend for 0, a negative or a non-number trendSeconds: the instant query alone', async () => {
    const s = await stub(() => ok('1'));
    const prom = source(s.url, { cacheTtlMs: 0 });
    for (const trendSeconds of [0, -5, Number.NaN]) await prom.observe(request({ trendSeconds }));
    expect(s.requests.map((r) => r.path)).toEqual(['/api/v1/query', '/api/v1/query', '/api/v1/query']);
  });

  it('50 concurrent observes with a trend send one instant and one range query', async () => {
    const s = await stub((r) => (r.path === '/api/v1/query_range' ? { json: matrix([{ values: [[AT, '1']] }]), delayMs: 50 } : { ...ok('1'), delayMs: 50 }));
    const prom = source(s.url);
    await Promise.all(Array.from({ length: 50 }, () => prom.observe(request({ trendSeconds: 1800 }))));
    expect(s.requests.map((r) => r.path).sort()).toEqual(['/api/v1/query', '/api/v1/query_range']);
  });
});

describe('PrometheusSource and the observer effect', () => {
  it('reuses a success within the TTL and asks again after it (time from the injected clock)', async () => {
    const s = await stub(() => ok('1'));
    let now = 1_000_000;
    const prom = source(s.url, { cacheTtlMs: 5000, now: () => now });
    await prom.observe(request());
    now += 4999;
    await prom.observe(request());
    expect(s.requests).toHaveLength(1);
    now += 1;
    await prom.observe(request());
    expect(s.requests).toHaveLength(2);
    await prom.observe(request({ at: AT + 15 }));
    expect(s.requests).toHaveLength(3);
  });

  it('never keeps a failure: the next observe asks again', async () => {
    const replies: StubReply[] = [{ status: 503, body: 'warming up' }, ok('1')];
    const s = await stub(() => replies.shift() ?? {});
    const prom = source(s.url, { now: () => 0 });
    expect((await prom.observe(request())).status).toBe('error');
    expect((await prom.observe(request())).status).toBe('ok');
    expect(s.requests).toHaveLength(2);
  });

  it('50 concurrent observes of the same check send ONE query, cache on or off', async () => {
    for (const cacheTtlMs of [5000, 0]) {
      const s = await stub(() => ({ ...ok('0.07'), delayMs: 50 }));
      const prom = source(s.url, { cacheTtlMs });
      const observations = await Promise.all(Array.from({ length: 50 }, () => prom.observe(request())));
      expect(s.requests).toHaveLength(1);
      expect(new Set(observations.map((o) => JSON.stringify(o)))).toEqual(new Set([JSON.stringify({ status: 'ok', series: [{ labels: {}, value: 0.07 }], at: AT })]));
    }
  });

  it('sequential observes with the cache off each query', async () => {
    const s = await stub(() => ok('1'));
    const prom = source(s.url, { cacheTtlMs: 0 });
    await prom.observe(request());
    await prom.observe(request());
    expect(s.requests).toHaveLength(2);
  });

  it('keeps at most 4 queries in flight by default, however many checks are asked', async () => {
    const wait = barrier(4);
    const s = await stub(async () => {
      await wait();
      return ok('1');
    });
    const prom = source(s.url);
    const observations = await Promise.all(Array.from({ length: 20 }, (_, i) => prom.observe(request({ at: AT + i }))));
    expect(observations.every((o) => o.status === 'ok')).toBe(true);
    expect(s.requests).toHaveLength(20);
    expect(s.maxInFlight).toBe(4);
  });

  it('a caller changing its observation cannot change what the cache hands the next caller', async () => {
    const s = await stub((r) => (r.path === '/api/v1/query_range' ? { json: matrix([{ values: [[AT, '1']] }]) } : ok('1')));
    const prom = source(s.url);
    const check = node({ branches: [{ when: { op: 'gt', value: 0, for: '1m' }, next: 'high' }] });
    const first = await prom.observe(request({ node: check }));
    if (first.status !== 'ok') throw new Error('expected ok');
    const series = first.series[0];
    if (!series) throw new Error('expected a series');
    series.value = 99;
    series.labels.x = 'y';
    series.samples?.push([AT + 1, 5]);
    expect(await prom.observe(request({ node: check }))).toEqual({ status: 'ok', at: AT, series: [{ labels: {}, value: 1, samples: [[AT, 1]] }] });
    expect(s.requests).toHaveLength(2);
  });
});
