import { describe, expect, it } from 'vitest';
import { startWalk, step } from '../../src/engine/walk.js';
import { WalkError } from '../../src/engine/walkError.js';
import type { CheckObservation, Sample } from '../../src/engine/walkInput.js';
import type { CheckRequest, MetricSource, SourceSeries } from '../../src/metrics/metricSource.js';
import { TREND_MAX_SAMPLES, TREND_MAX_SERIES, type TrendSeries } from '../../src/metrics/checkTrend.js';
import { DEFAULT_TREND_SECONDS, stepCheck, type SteppedEvent } from '../../src/metrics/stepCheck.js';
import type { Runbook, SourceType } from '../../src/runbook/types.js';

const runbook: Runbook = {
  runpath: 1,
  id: 'errors',
  title: 'Errors',
  inputs: { service: { default: 'checkout' } },
  sources: { prom: { type: 'prometheus' }, eyes: { type: 'manual' } },
  start: 'rate',
  nodes: {
    rate: {
      type: 'check',
      source: 'prom',
      query: 'sum by (zone) (rate(errors{service="{{ inputs.service }}",zone!="{{ labels.zone }}"}[5m]))',
      branches: [{ when: { op: 'gt', value: 0.05 }, next: 'look' }],
      default: 'fine',
      on_no_data: 'fine',
      on_error: 'look',
    },
    look: {
      type: 'check',
      source: 'eyes',
      query: 'p99 of {{ inputs.service }} in {{ labels.zone }} (dashboard)',
      branches: [{ when: { op: 'gt', value: 1 }, next: 'bad' }],
      default: 'fine',
      on_no_data: 'fine',
      on_error: 'fine',
    },
    bad: { type: 'end', outcome: 'escalate' },
    fine: { type: 'end', outcome: 'resolved' },
  },
};

/** A source that records requests and answers with what the test gives it. */
class StubSource implements MetricSource {
  readonly requests: CheckRequest[] = [];
  constructor(
    readonly name: string,
    readonly type: SourceType,
    private readonly answer: (r: CheckRequest) => Promise<CheckObservation>,
  ) {}
  observe(request: CheckRequest): Promise<CheckObservation> {
    this.requests.push(request);
    return this.answer(request);
  }
}

/** A clock that moves 25 ms each time it is read. */
function tickingClock(): () => number {
  let t = 1000;
  return () => (t += 25);
}

const labels = { zone: 'eu"}' };

describe('stepCheck', () => {
  it('renders the query, asks the source at the given time and steps with the result, recording the meta', async () => {
    const prom = new StubSource('prom', 'prometheus', () =>
      Promise.resolve({ status: 'ok', series: [{ labels: { zone: 'a' }, value: 0.01 }, { labels: { zone: 'b' }, value: 0.2 }], at: 1_700_000_000 }),
    );
    const { state } = startWalk(runbook);
    const result = await stepCheck({ runbook, state, sources: new Map([['prom', prom]]), at: 1_700_000_000, labels, clock: tickingClock() });

    const query = 'sum by (zone) (rate(errors{service="checkout",zone!="eu\\"}"}[5m]))';
    expect(prom.requests).toEqual([{ runbookId: 'errors', nodeId: 'rate', node: runbook.nodes.rate, query, at: 1_700_000_000, visit: 1, trendSeconds: DEFAULT_TREND_SECONDS }]);
    expect(result.events).toEqual([
      {
        type: 'check.evaluated',
        data: {
          node: 'rate',
          value: 0.2,
          series: [{ labels: { zone: 'a' }, value: 0.01, matched: false }, { labels: { zone: 'b' }, value: 0.2, matched: true }],
          branch: 0,
          next: 'look',
          reduce: 'any',
          query,
          source: 'prom',
          sourceType: 'prometheus',
          durationMs: 25,
        },
      },
      { type: 'step.entered', data: { node: 'look', nodeType: 'check', visit: 1 } },
    ]);
    expect(result.state.current).toBe('look');
  });

  it('gives the engine the same transition as step() with that observation', async () => {
    const observation: CheckObservation = { status: 'ok', series: [{ labels: {}, value: 0.5 }] };
    const prom = new StubSource('prom', 'prometheus', () => Promise.resolve(observation));
    const { state } = startWalk(runbook);
    const result = await stepCheck({ runbook, state, sources: new Map([['prom', prom]]), at: 1, labels, clock: tickingClock() });
    expect(result.state).toEqual(step(runbook, state, { kind: 'check', observation }).state);
  });

  it('renders free-text queries of manual sources verbatim and passes the visit number', async () => {
    const eyes = new StubSource('eyes', 'manual', () => Promise.resolve({ status: 'ok', series: [{ labels: {}, value: 2 }] }));
    const prom = new StubSource('prom', 'prometheus', () => Promise.resolve({ status: 'error', reason: 'down' }));
    const sources = new Map<string, MetricSource>([['prom', prom], ['eyes', eyes]]);
    const first = await stepCheck({ runbook, state: startWalk(runbook).state, sources, at: 7, labels, clock: tickingClock() });
    expect(first.events[0]).toMatchObject({ type: 'check.failed', data: { node: 'rate', status: 'error', reason: 'down', next: 'look' } });
    const second = await stepCheck({ runbook, state: first.state, sources, at: 8, labels, clock: tickingClock() });
    expect(eyes.requests[0]).toMatchObject({ nodeId: 'look', query: 'p99 of checkout in eu"} (dashboard)', at: 8, visit: 1 });
    expect(second.events[0]).toMatchObject({ type: 'check.evaluated', data: { next: 'bad', sourceType: 'manual', source: 'eyes' } });
    expect(second.state.ended).toEqual({ node: 'bad', outcome: 'escalate', by: 'end' });
  });

  it('turns a missing alert label into check.failed on the on_error branch, without calling the source', async () => {
    const prom = new StubSource('prom', 'prometheus', () => Promise.resolve({ status: 'no_data' }));
    const result = await stepCheck({ runbook, state: startWalk(runbook).state, sources: new Map([['prom', prom]]), at: 1, clock: tickingClock() });
    expect(prom.requests).toEqual([]);
    expect(result.events[0]).toEqual({
      type: 'check.failed',
      data: {
        node: 'rate',
        status: 'error',
        reason: expect.stringContaining("the query could not be rendered: the query uses alert label 'zone'") as unknown,
        next: 'look',
        query: runbook.nodes.rate?.type === 'check' ? runbook.nodes.rate.query : '',
        source: 'prom',
        sourceType: 'prometheus',
        durationMs: 0,
      },
    });
  });

  it('turns a source that is not configured into check.failed', async () => {
    const result = await stepCheck({ runbook, state: startWalk(runbook).state, sources: new Map(), at: 1, labels, clock: tickingClock() });
    expect(result.events[0]).toMatchObject({
      type: 'check.failed',
      data: { status: 'error', reason: "no metric source 'prom' is configured for this walk; declare it under sources: and give it a URL or a scenario", sourceType: null },
    });
  });

  it('turns a source that throws (breaking its contract) into check.failed', async () => {
    const prom = new StubSource('prom', 'prometheus', () => Promise.reject(new Error('boom')));
    const result = await stepCheck({ runbook, state: startWalk(runbook).state, sources: new Map([['prom', prom]]), at: 1, labels, clock: tickingClock() });
    expect(result.events[0]).toMatchObject({ type: 'check.failed', data: { status: 'error', reason: "source 'prom' failed: boom", next: 'look' } });
  });

  it('follows on_no_data and records timeouts with their reason', async () => {
    const sources = (o: CheckObservation) => new Map([['prom', new StubSource('prom', 'prometheus', () => Promise.resolve(o))]]);
    const state = startWalk(runbook).state;
    const noData = await stepCheck({ runbook, state, sources: sources({ status: 'no_data' }), at: 1, labels, clock: tickingClock() });
    expect(noData.events[0]).toMatchObject({ type: 'check.failed', data: { status: 'no_data', next: 'fine' } });
    const timeout = await stepCheck({ runbook, state, sources: sources({ status: 'timeout', reason: 'no answer in 5000 ms' }), at: 1, labels, clock: tickingClock() });
    expect(timeout.events[0]).toMatchObject({ type: 'check.failed', data: { status: 'timeout', reason: 'no answer in 5000 ms', next: 'look' } });
  });

  it('refuses to run when the walk does not wait at a check', async () => {
    const asking: Runbook = { ...runbook, start: 'q', nodes: { ...runbook.nodes, q: { type: 'question', question: '?', answers: [{ label: 'ok', next: 'fine' }] } } };
    const run = stepCheck({ runbook: asking, state: startWalk(asking).state, sources: new Map(), at: 1, clock: tickingClock() });
    await expect(run).rejects.toThrow(WalkError);
    await expect(run).rejects.toThrow("the walk waits at 'q', which is a question, not a check; give it an answer instead");
    const ended = { ...startWalk(runbook).state, current: null };
    await expect(stepCheck({ runbook, state: ended, sources: new Map(), at: 1, clock: tickingClock() })).rejects.toMatchObject({ code: 'walk_ended' });
  });

  describe('trend', () => {
    const AT = 1_700_000_000;
    /** `n` samples 15 s apart ending at AT, valued from, from + 1… */
    const ramp = (n: number, from = 0): Sample[] => Array.from({ length: n }, (_, i): Sample => [AT - (n - 1 - i) * 15, from + i]);
    const stepWith = async (series: SourceSeries[], trendSeconds?: number) => {
      const prom = new StubSource('prom', 'prometheus', () => Promise.resolve({ status: 'ok', series, at: AT }));
      const options = { runbook, state: startWalk(runbook).state, sources: new Map([['prom', prom]]), at: AT, labels, clock: tickingClock() };
      const result = await stepCheck(trendSeconds === undefined ? options : { ...options, trendSeconds });
      return { request: prom.requests[0], event: result.events[0] };
    };
    const trendOf = (event: SteppedEvent | undefined): TrendSeries[] | undefined =>
      event?.type === 'check.evaluated' || event?.type === 'check.failed' ? event.data.trend : undefined;

    it('asks the source for the trend seconds given and records its trend (not the `for` samples), NaN and Inf as null', async () => {
      const { request, event } = await stepWith(
        [{ labels: { zone: 'a' }, value: 0.2, samples: [[AT, 0.2]], trend: [[AT - 60, 0.1], [AT - 45, Number.NaN], [AT - 30, Infinity], [AT, 0.2]] }],
        600,
      );
      expect(request?.trendSeconds).toBe(600);
      expect(event).toMatchObject({ type: 'check.evaluated', data: { branch: 0 } });
      expect(trendOf(event)).toEqual([{ labels: { zone: 'a' }, samples: [[AT - 60, 0.1], [AT - 45, null], [AT - 30, null], [AT, 0.2]] }]);
    });

    it('asks for half an hour by default, and draws `samples` when the source gives no trend (fixtures)', async () => {
      const { request, event } = await stepWith([{ labels: {}, value: 2, samples: ramp(3) }]);
      expect(request?.trendSeconds).toBe(DEFAULT_TREND_SECONDS);
      expect(DEFAULT_TREND_SECONDS).toBe(1800);
      expect(trendOf(event)).toEqual([{ labels: {}, samples: ramp(3) }]);
    });

    it('keeps at most 10 series, the matched ones first, then by label text', async () => {
      const series: SourceSeries[] = Array.from({ length: 14 }, (_, i) => ({
        labels: { zone: `z${String(i).padStart(2, '0')}` },
        // z03, z07 and z11 are over the 0.05 threshold: they match branch 0.
        value: i % 4 === 3 ? 0.5 : 0.01,
        trend: ramp(2, i),
      }));
      const { event } = await stepWith([...series].reverse());
      const zones = trendOf(event)?.map((s) => s.labels.zone);
      expect(zones).toEqual(['z03', 'z07', 'z11', 'z00', 'z01', 'z02', 'z04', 'z05', 'z06', 'z08']);
      expect(zones).toHaveLength(TREND_MAX_SERIES);
    });

    it('keeps at most 60 samples per series, spread evenly, the oldest and the newest kept', async () => {
      const { event } = await stepWith([{ labels: {}, value: 1, trend: ramp(1000) }]);
      const samples = trendOf(event)?.[0]?.samples ?? [];
      expect(samples).toHaveLength(TREND_MAX_SAMPLES);
      expect(samples[0]).toEqual([AT - 999 * 15, 0]);
      expect(samples.at(-1)).toEqual([AT, 999]);
      const gaps = samples.slice(1).map(([t], i) => t - (samples[i]?.[0] ?? 0));
      expect(Math.max(...gaps) - Math.min(...gaps)).toBeLessThanOrEqual(15);
    });

    it('is left out when no series has a sample, and when the check failed without data', async () => {
      expect(trendOf((await stepWith([{ labels: {}, value: 1 }, { labels: { a: 'b' }, value: 1, samples: [] }])).event)).toBeUndefined();
      expect((await stepWith([{ labels: {}, value: 1 }])).event?.data).not.toHaveProperty('trend');
      const prom = new StubSource('prom', 'prometheus', () => Promise.resolve({ status: 'error', reason: 'down' }));
      const failed = await stepCheck({ runbook, state: startWalk(runbook).state, sources: new Map([['prom', prom]]), at: AT, labels, clock: tickingClock() });
      expect(failed.events[0]?.data).not.toHaveProperty('trend');
    });

    it('records the trend of a check that failed with NaN-only series (no traffic), for the responder to see', async () => {
      const { event } = await stepWith([{ labels: {}, value: Number.NaN, trend: [[AT - 15, 3], [AT, Number.NaN]] }]);
      expect(event).toMatchObject({ type: 'check.failed', data: { status: 'no_data' } });
      expect(trendOf(event)).toEqual([{ labels: {}, samples: [[AT - 15, 3], [AT, null]] }]);
    });

    it('with trendSeconds 0, asks for none', async () => {
      const { request } = await stepWith([{ labels: {}, value: 1 }], 0);
      expect(request?.trendSeconds).toBe(0);
    });
  });
});
