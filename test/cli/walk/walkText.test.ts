import { describe, expect, it } from 'vitest';
import { ansi } from '../../../src/cli/format/ansi.js';
import { describeWalkEvent, formatLabels, formatValue, MAX_SERIES_SHOWN } from '../../../src/cli/walk/walkText.js';
import type { SteppedEvent } from '../../../src/metrics/stepCheck.js';
import type { Runbook } from '../../../src/runbook/types.js';

const runbook: Runbook = {
  runpath: 1,
  id: 'rb',
  title: 'RB',
  sources: { prom: { type: 'prometheus' } },
  start: 'pods',
  nodes: {
    pods: {
      type: 'check',
      source: 'prom',
      query: 'x',
      unit: 'ratio',
      reduce: 'max',
      compare: { offset: '1d' },
      branches: [{ when: { op: 'gt', change: 0.5, for: '5m' }, next: 'end' }],
      default: 'end',
      on_no_data: 'end',
      on_error: 'end',
    },
    end: { type: 'end', outcome: 'resolved' },
  },
};
const ctx = { runbook, values: { inputs: {}, labels: {} }, paint: ansi(false) };
const meta = { query: 'sum by (pod) (x)\n  / 2', source: 'prom', sourceType: 'prometheus' as const, durationMs: 12.4 };

describe('formatValue and formatLabels', () => {
  it('prints numbers exactly, without float noise, and special values as Prometheus does', () => {
    expect([0.1 + 0.2, 1e21, -0, Number.NaN, Infinity, -Infinity].map(formatValue)).toEqual(['0.3', '1e+21', '0', 'NaN', '+Inf', '-Inf']);
  });

  it('quotes label values', () => {
    expect(formatLabels({ pod: 'a"b', zone: 'c' })).toBe('{pod="a\\"b", zone="c"}');
    expect(formatLabels({})).toBe('{}');
  });
});

describe('describeWalkEvent', () => {
  it('lists series with their matches, the reduced value and the branch with its condition', () => {
    const event: SteppedEvent = {
      type: 'check.evaluated',
      data: { node: 'pods', value: 0.3, series: [{ labels: { pod: 'a' }, value: 0.3, matched: true }, { labels: { pod: 'b' }, value: 0.1, matched: false }], branch: 0, next: 'end', reduce: 'max', ...meta },
    };
    expect(describeWalkEvent(event, ctx)).toEqual([
      '    query (prom, 12 ms): sum by (pod) (x)',
      '        / 2',
      '    2 series:',
      '      {pod="a"} 0.3 ratio  ← matches',
      '      {pod="b"} 0.1 ratio',
      '    max of the series: 0.3 ratio',
      '    → branch 1 (change > +50% vs 1d ago for 5m) → end',
    ]);
  });

  it(`shows at most ${MAX_SERIES_SHOWN} series and counts the rest`, () => {
    const series = Array.from({ length: 25 }, (_, i) => ({ labels: { pod: `p${i}` }, value: i, matched: i >= 22 }));
    const lines = describeWalkEvent({ type: 'check.evaluated', data: { node: 'pods', value: 24, series, branch: 'default', next: 'end', reduce: 'any', ...meta } }, ctx);
    expect(lines.filter((l) => l.startsWith('      {'))).toHaveLength(MAX_SERIES_SHOWN);
    expect(lines).toContain('      … 5 more series (3 matching)');
    expect(lines.at(-1)).toBe('    → default (no branch matched) → end');
  });

  it('explains failures with the outlet they take', () => {
    const lines = describeWalkEvent({ type: 'check.failed', data: { node: 'pods', status: 'timeout', reason: 'prom: no answer\u001b[2J', next: 'end', ...meta } }, ctx);
    expect(lines.slice(2)).toEqual(['    ✗ timeout: prom: no answer\uFFFD[2J', '    → on_error → end']);
    const noData = describeWalkEvent({ type: 'check.failed', data: { node: 'pods', status: 'no_data', reason: 'the query returned no data', next: 'end', ...meta } }, ctx);
    expect(noData.slice(2)).toEqual(['    ✗ no data: the query returned no data', '    → on_no_data → end']);
  });

  it('explains an end by the path-length cap', () => {
    expect(describeWalkEvent({ type: 'walk.ended', data: { node: 'pods', outcome: 'escalate', by: 'max_visits' } }, ctx)).toEqual([
      '',
      '■ walk ended by max_visits: the walk reached 1000 steps · outcome: escalate',
    ]);
  });
});
