// PrometheusSource against a real Prometheus serving backfilled data: what a check reads (instant
// values, `for` windows, `compare` baselines, several series, no data, NaN) and how each way of
// failing (bad query, stopped server, silent server) comes back as a reason instead of a throw.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { evaluateCheck } from '../../src/engine/evaluateCheck.js';
import { startWalk } from '../../src/engine/walk.js';
import { renderQuery } from '../../src/engine/renderQuery.js';
import type { CheckObservation } from '../../src/engine/walkInput.js';
import type { CheckRequest } from '../../src/metrics/metricSource.js';
import { PrometheusSource } from '../../src/metrics/prometheus/prometheusSource.js';
import { stepCheck } from '../../src/metrics/stepCheck.js';
import type { Branch, CheckNode, Runbook, SeriesReduce } from '../../src/runbook/types.js';
import { counter, series, toOpenMetrics, type Series } from './support/openMetrics.js';
import { backfillBase, hasPrometheus, startPrometheus, type RunningPrometheus } from './support/prometheusHarness.js';
import { DAY, MINUTE, STEP } from './support/windows.js';

const AVAILABLE = hasPrometheus();
const TITLE = 'PrometheusSource against a real Prometheus';
const AT = backfillBase();
const WEIRD = 'we"ird} \\ name\nline two';

function dataSet(): Series[] {
  const from = AT - 30 * MINUTE;
  const to = AT + 10 * MINUTE;
  const yesterday = [from - DAY, to - DAY] as const;
  return [
    series('rp_queue_depth', { queue: 'orders' }, from, to, STEP, () => 42),
    series('rp_error_ratio', { service: 'steady' }, from, AT, STEP, () => 0.08),
    series('rp_error_ratio', { service: 'dip' }, from, AT, STEP, (t) => (t === AT - 4 * MINUTE ? 0.01 : 0.08)),
    // Only the last 5 minutes exist: a 10-minute window is not covered, so it cannot hold.
    series('rp_error_ratio', { service: 'new' }, AT - 5 * MINUTE, AT, STEP, () => 0.08),
    series('rp_latency_p99', { service: 'pay' }, from, to, STEP, () => 0.9),
    series('rp_latency_p99', { service: 'pay' }, ...yesterday, STEP, () => 0.3),
    ...['a', 'b', 'c'].flatMap((zone) => [
      series('rp_zone_rps', { zone }, from, to, STEP, () => (zone === 'b' ? 240 : 100)),
      series('rp_zone_rps', { zone }, ...yesterday, STEP, () => (zone === 'b' ? 120 : 100)),
      series('rp_probe_success', { zone }, from, to, STEP, () => (zone === 'b' ? 0 : 1)),
    ]),
    // Label values a template must escape to hit, and must never let escape the string.
    series('rp_escape', { service: WEIRD }, from, to, STEP, () => 7),
    series('rp_escape', { service: "o'brien" }, from, to, STEP, () => 5),
    series('rp_escape', { service: 'plain' }, from, to, STEP, () => 1),
    // Climbs by one a minute over the half hour before AT: a trend with a visible shape.
    series('rp_ramp', { job: 'trend' }, from, AT, STEP, (t) => (t - from) / MINUTE),
    // A batch service with no traffic: its error ratio is 0/0.
    counter('rp_idle_requests_total', { service: 'batch' }, from, to, STEP, () => 0, 1000),
    counter('rp_idle_errors_total', { service: 'batch' }, from, to, STEP, () => 0, 3),
  ];
}

function checkNode(query: string, branches: Branch[], extra: { reduce?: SeriesReduce; compare?: { offset: string } } = {}): CheckNode {
  return { type: 'check', source: 'prom', query, branches, default: 'default-next', on_no_data: 'no-data-next', on_error: 'error-next', ...extra };
}

function request(node: CheckNode, at = AT): CheckRequest {
  return { runbookId: 'integration', nodeId: 'check', node, query: node.query, at, visit: 1 };
}

function okSeries(observation: CheckObservation): Extract<CheckObservation, { status: 'ok' }>['series'] {
  if (observation.status !== 'ok') throw new Error(`expected an ok observation, got ${JSON.stringify(observation)}`);
  return observation.series;
}

/** Requests Prometheus itself counts on its query endpoint (its own /metrics). */
async function queriesServed(url: string): Promise<number> {
  const text = await (await fetch(`${url}/metrics`)).text();
  let total = 0;
  for (const line of text.split('\n')) {
    if (line.startsWith('prometheus_http_requests_total{') && line.includes('handler="/api/v1/query"')) {
      total += Number(line.slice(line.lastIndexOf(' ') + 1));
    }
  }
  return total;
}

describe.skipIf(!AVAILABLE)(AVAILABLE ? TITLE : `SKIPPED: prometheus not installed (apt-get install prometheus): ${TITLE}`, () => {
  let prometheus: RunningPrometheus | undefined;
  let source: PrometheusSource;
  const url = (): string => {
    if (!prometheus) throw new Error('Prometheus did not start');
    return prometheus.url;
  };

  beforeAll(async () => {
    prometheus = await startPrometheus({ openMetrics: toOpenMetrics(dataSet()) });
    source = new PrometheusSource({ name: 'prom', url: prometheus.url, timeoutMs: 5000 });
  }, 90_000);

  afterAll(async () => {
    await prometheus?.stop();
  }, 30_000);

  describe('instant checks', () => {
    it('reads the value at the evaluation time with its labels, and the check takes its branch', async () => {
      const node = checkNode('rp_queue_depth{queue="orders"}', [{ when: { op: 'gt', value: 40 }, next: 'backlog' }]);
      const observation = await source.observe(request(node));
      const [only, ...rest] = okSeries(observation);
      expect(rest).toEqual([]);
      expect(only?.labels).toMatchObject({ queue: 'orders' });
      expect(only?.value).toBe(42);
      expect(evaluateCheck('check', node, observation)).toMatchObject({ type: 'check.evaluated', data: { value: 42, branch: 0, next: 'backlog' } });
    });

    it('answers no data for a series that does not exist, and for a time before the data', async () => {
      const missing = checkNode('rp_queue_depth{queue="refunds"}', [{ when: { op: 'gt', value: 0 }, next: 'x' }]);
      expect(await source.observe(request(missing))).toEqual({ status: 'no_data' });
      const early = checkNode('rp_queue_depth{queue="orders"}', [{ when: { op: 'gt', value: 0 }, next: 'x' }]);
      const observation = await source.observe(request(early, AT - 2 * 3600));
      expect(observation).toEqual({ status: 'no_data' });
      expect(evaluateCheck('check', early, observation)).toMatchObject({ type: 'check.failed', data: { status: 'no_data', next: 'no-data-next' } });
    });

    it('passes a 0/0 ratio on as NaN, which the check treats as no data (no traffic)', async () => {
      const node = checkNode('rate(rp_idle_errors_total{service="batch"}[5m]) / rate(rp_idle_requests_total{service="batch"}[5m])', [
        { when: { op: 'gt', value: 0.01 }, next: 'errors' },
      ]);
      const observation = await source.observe(request(node));
      expect(okSeries(observation).map((s) => s.value)).toEqual([Number.NaN]);
      expect(evaluateCheck('check', node, observation)).toMatchObject({ type: 'check.failed', data: { status: 'no_data', reason: expect.stringContaining('NaN') as string } });
    });
  });

  describe('for windows', () => {
    const sustained = (service: string): CheckNode =>
      checkNode(`rp_error_ratio{service="${service}"}`, [{ when: { op: 'gt', value: 0.05, for: '10m' }, next: 'sustained' }]);

    it('fetches every sample of the window, from its start to the evaluation time', async () => {
      const [steady] = okSeries(await source.observe(request(sustained('steady'))));
      const samples = steady?.samples ?? [];
      expect(samples[0]?.[0]).toBeLessThanOrEqual(AT - 10 * MINUTE);
      expect(samples.at(-1)?.[0]).toBe(AT);
      expect(samples.length).toBeGreaterThanOrEqual(11);
      expect(new Set(samples.map(([, v]) => v))).toEqual(new Set([0.08]));
    });

    it('takes the branch when the condition held for the whole window', async () => {
      const node = sustained('steady');
      expect(evaluateCheck('check', node, await source.observe(request(node)))).toMatchObject({ data: { branch: 0, next: 'sustained' } });
    });

    it('does not when one sample in the window dipped, though the value now is above the threshold', async () => {
      const node = sustained('dip');
      const observation = await source.observe(request(node));
      const [dip] = okSeries(observation);
      expect(dip?.value).toBe(0.08);
      expect(dip?.samples).toContainEqual([AT - 4 * MINUTE, 0.01]);
      expect(evaluateCheck('check', node, observation)).toMatchObject({ data: { branch: 'default', next: 'default-next' } });
    });

    it('does not when the series is younger than the window', async () => {
      const node = sustained('new');
      expect(evaluateCheck('check', node, await source.observe(request(node)))).toMatchObject({ data: { branch: 'default' } });
    });
  });

  describe('compare offsets', () => {
    it('reads the same query a day earlier as the baseline, and branches on the relative change', async () => {
      const node = checkNode('rp_latency_p99{service="pay"}', [{ when: { op: 'gt', change: 1 }, next: 'slower' }], { compare: { offset: '1d' } });
      const observation = await source.observe(request(node));
      const [pay] = okSeries(observation);
      expect(pay?.value).toBe(0.9);
      expect(pay?.baseline).toBe(0.3);
      expect(evaluateCheck('check', node, observation)).toMatchObject({ data: { branch: 0, next: 'slower' } });
    });

    it('matches each series with its own baseline by labels, so only the zone that changed matches', async () => {
      const node = checkNode('sum by (zone) (rp_zone_rps)', [{ when: { op: 'gt', change: 0.5 }, next: 'surge' }], { compare: { offset: '1d' } });
      const observation = await source.observe(request(node));
      const byZone = Object.fromEntries(okSeries(observation).map((s): [string, (number | undefined)[]] => [s.labels.zone ?? '?', [s.value, s.baseline]]));
      expect(byZone).toEqual({ a: [100, 100], b: [240, 120], c: [100, 100] });
      const event = evaluateCheck('check', node, observation);
      expect(event.type).toBe('check.evaluated');
      if (event.type !== 'check.evaluated') return;
      expect(event.data.series.filter((s) => s.matched).map((s) => s.labels)).toEqual([{ zone: 'b' }]);
    });
  });

  describe('several series', () => {
    const probes = (reduce: SeriesReduce): CheckNode =>
      checkNode('min by (zone) (rp_probe_success)', [{ when: { op: 'lt', value: 0.5 }, next: 'zone-down' }], { reduce });

    it('records every series with its labels and which matched: only one zone is down', async () => {
      const event = evaluateCheck('check', probes('any'), await source.observe(request(probes('any'))));
      expect(event).toMatchObject({ type: 'check.evaluated', data: { branch: 0, value: 0, reduce: 'any' } });
      if (event.type !== 'check.evaluated') return;
      const seen = event.data.series.map((s) => [s.labels.zone, s.value, s.matched]).sort();
      expect(seen).toEqual([['a', 1, false], ['b', 0, true], ['c', 1, false]]);
    });

    it('reduce all needs every zone down; reduce min folds them to the worst', async () => {
      expect(evaluateCheck('check', probes('all'), await source.observe(request(probes('all'))))).toMatchObject({ data: { branch: 'default' } });
      expect(evaluateCheck('check', probes('min'), await source.observe(request(probes('min'))))).toMatchObject({ data: { branch: 0, value: 0 } });
    });
  });

  describe('queries rendered from inputs, on the real PromQL parser', () => {
    const observeService = async (template: string, service: string): Promise<CheckObservation> => {
      const query = renderQuery(template, { inputs: { service }, labels: {} });
      return source.observe(request(checkNode(query, [{ when: { op: 'gt', value: 0 }, next: 'x' }])));
    };

    it('a value with a quote, a brace, a backslash and a newline matches exactly that label value', async () => {
      const [only, ...rest] = okSeries(await observeService('rp_escape{service="{{ inputs.service }}"}', WEIRD));
      expect(rest).toEqual([]);
      expect(only?.labels.service).toBe(WEIRD);
      expect(only?.value).toBe(7);
      const [quoted] = okSeries(await observeService("rp_escape{service='{{ inputs.service }}'}", "o'brien"));
      expect(quoted?.value).toBe(5);
    });

    it('a value trying to close the string and add a matcher or an expression stays a label value: no data', async () => {
      for (const attack of ['plain"} or rp_queue_depth{queue="orders', 'plain", service=~".+', 'plain\\', 'plain"} + 41 or vector(1) #']) {
        expect(await observeService('rp_escape{service="{{ inputs.service }}"}', attack), attack).toEqual({ status: 'no_data' });
      }
      expect(await observeService('rp_escape{service="{{ inputs.service }}"}', 'plain')).toMatchObject({ status: 'ok', series: [{ value: 1 }] });
    });
  });

  describe('failures are observations with reasons', () => {
    it('a query Prometheus cannot parse: HTTP 400 with its parse error', async () => {
      const node = checkNode('sum(rate(rp_queue_depth[5m])', [{ when: { op: 'gt', value: 0 }, next: 'x' }]);
      const observation = await source.observe(request(node));
      expect(observation.status).toBe('error');
      if (observation.status !== 'error') return;
      expect(observation.reason).toContain("Prometheus 'prom'");
      expect(observation.reason).toContain('HTTP 400');
      expect(observation.reason).toContain('parse error');
      expect(observation.reason).toContain('unclosed left parenthesis');
      expect(evaluateCheck('check', node, observation)).toMatchObject({ type: 'check.failed', data: { status: 'error', next: 'error-next' } });
    });

    it('a query that parses but cannot be executed: HTTP 422 with the execution error', async () => {
      const node = checkNode('label_replace(rp_queue_depth, "x", "$1", "queue", "(")', [{ when: { op: 'gt', value: 0 }, next: 'x' }]);
      const observation = await source.observe(request(node));
      expect(observation.status).toBe('error');
      if (observation.status !== 'error') return;
      expect(observation.reason).toContain('HTTP 422');
      expect(observation.reason).toContain('invalid regular expression');
    });

    it('a port that accepts connections but never answers: a timeout after timeoutMs, not a hang', async () => {
      const sockets = new Set<Socket>();
      const silent: Server = createServer((socket) => {
        sockets.add(socket);
      });
      await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
      try {
        const address = silent.address();
        const port = typeof address === 'object' && address ? address.port : 0;
        const slow = new PrometheusSource({ name: 'silent', url: `http://127.0.0.1:${port}`, timeoutMs: 300 });
        const node = checkNode('rp_queue_depth', [{ when: { op: 'gt', value: 0 }, next: 'x' }]);
        const started = Date.now();
        const observation = await slow.observe(request(node));
        const elapsed = Date.now() - started;
        expect(observation.status).toBe('timeout');
        if (observation.status !== 'timeout') return;
        expect(observation.reason).toContain('no answer within 0.3 s');
        expect(elapsed).toBeGreaterThanOrEqual(250);
        expect(elapsed).toBeLessThan(3000);
        expect(sockets.size).toBeGreaterThan(0);
      } finally {
        for (const socket of sockets) socket.destroy();
        await new Promise<void>((resolve) => silent.close(() => {
          resolve();
        }));
      }
    });
  });

  describe('the trend a check records (its sparkline)', () => {
    const runbook = (branches: Branch[]): Runbook => ({
      runpath: 1,
      id: 'trend',
      title: 'Trend',
      sources: { prom: { type: 'prometheus' } },
      start: 'check',
      nodes: { check: checkNode('rp_ramp{job="trend"}', branches), high: { type: 'end', outcome: 'escalate' }, 'default-next': { type: 'end', outcome: 'resolved' } },
    });
    const run = (book: Runbook, trendSeconds?: number): ReturnType<typeof stepCheck> =>
      stepCheck({ runbook: book, state: startWalk(book).state, sources: new Map([['prom', source]]), at: AT, clock: () => 0, ...(trendSeconds === undefined ? {} : { trendSeconds }) });

    it('records the last half hour of the metric from the real Prometheus, one sample a minute, newest at the evaluation time', async () => {
      const { events } = await run(runbook([{ when: { op: 'gt', value: 20 }, next: 'high' }]));
      const [check] = events;
      expect(check).toMatchObject({ type: 'check.evaluated', data: { value: 30, branch: 0 } });
      const trend = check?.type === 'check.evaluated' ? check.data.trend : undefined;
      expect(trend).toHaveLength(1);
      expect(trend?.[0]?.labels).toMatchObject({ job: 'trend' });
      expect(trend?.[0]?.samples).toEqual(Array.from({ length: 31 }, (_, i) => [AT - 30 * MINUTE + i * MINUTE, i]));
    });

    it('a `for` check decides the same with and without the trend; without one it draws its `for` window', async () => {
      for (const [value, branch] of [[5, 0], [27, 'default']] as const) {
        const book = runbook([{ when: { op: 'gt', value, for: '5m' }, next: 'high' }]);
        const [plain] = (await run(book, 0)).events;
        const [trended] = (await run(book)).events;
        if (plain?.type !== 'check.evaluated' || trended?.type !== 'check.evaluated') throw new Error('expected evaluated checks');
        const { trend: windowOnly, ...decidedAlone } = plain.data;
        const { trend, ...decided } = trended.data;
        expect(decided).toEqual(decidedAlone);
        expect(decided.branch).toBe(branch);
        expect(windowOnly?.[0]?.samples).toEqual(Array.from({ length: 6 }, (_, i) => [AT - 5 * MINUTE + i * MINUTE, 25 + i]));
        expect(trend?.[0]?.samples).toHaveLength(31);
      }
    });
  });

  describe('the cache', () => {
    it('50 responders running the same check at once cost Prometheus one query', async () => {
      const fresh = new PrometheusSource({ name: 'prom', url: url() });
      const node = checkNode('rp_queue_depth{queue="orders"}', [{ when: { op: 'gt', value: 40 }, next: 'backlog' }]);
      const at = AT - 2 * MINUTE;
      const before = await queriesServed(url());
      const observations = await Promise.all(Array.from({ length: 50 }, () => fresh.observe(request(node, at))));
      expect(new Set(observations.map((o) => okSeries(o)[0]?.value))).toEqual(new Set([42]));
      // Prometheus counts a request once its handler returns; give that a moment, bounded.
      let served = before;
      for (let i = 0; i < 20 && served === before; i++) {
        await new Promise((resolve) => setTimeout(resolve, 50));
        served = await queriesServed(url());
      }
      expect(served - before).toBe(1);
    });
  });

  // Last: it stops the shared Prometheus.
  describe('a stopped Prometheus', () => {
    it('is connection refused, reported as an error with a reason', async () => {
      const address = url();
      await prometheus?.stop();
      const node = checkNode('rp_queue_depth', [{ when: { op: 'gt', value: 0 }, next: 'x' }]);
      const fresh = new PrometheusSource({ name: 'prom', url: address, timeoutMs: 5000 });
      const observation = await fresh.observe(request(node));
      expect(observation.status).toBe('error');
      if (observation.status !== 'error') return;
      expect(observation.reason).toContain('connection refused');
      expect(observation.reason).toContain(address.replace('http://', ''));
    });
  });
});
