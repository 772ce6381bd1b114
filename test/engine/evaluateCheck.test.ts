import { describe, expect, it } from 'vitest';
import { evaluateCheck, NO_BRANCH_REASON } from '../../src/engine/evaluateCheck.js';
import type { CheckObservation, ObservedSeries } from '../../src/engine/walkInput.js';
import { checkNode } from '../fixtures/engine/runbooks.js';

const ok = (...series: ObservedSeries[]): CheckObservation => ({ status: 'ok', series });
const zone = (name: string, value: number, extra: Partial<ObservedSeries> = {}): ObservedSeries => ({ labels: { zone: name }, value, ...extra });

const thresholds = checkNode({
  branches: [
    { when: { op: 'gt', value: 0.05 }, next: 'high' },
    { when: { op: 'gt', value: 0.01 }, next: 'elevated' },
  ],
});

describe('evaluateCheck', () => {
  it('takes the first branch that matches, in order', () => {
    const event = evaluateCheck('rate', thresholds, ok(zone('a', 0.5)));
    expect(event).toEqual({
      type: 'check.evaluated',
      data: { node: 'rate', value: 0.5, series: [{ labels: { zone: 'a' }, value: 0.5, matched: true }], branch: 0, next: 'high', reduce: 'any' },
    });
    expect(evaluateCheck('rate', thresholds, ok(zone('a', 0.02))).data).toMatchObject({ branch: 1, next: 'elevated' });
  });

  it('falls to default when no branch matches', () => {
    expect(evaluateCheck('rate', thresholds, ok(zone('a', 0.001))).data).toMatchObject({ branch: 'default', next: 'fallback', value: 0.001 });
  });

  it('follows on_error with a clear reason when no branch matches and there is no default', () => {
    const node = { ...thresholds, default: undefined };
    expect(evaluateCheck('rate', node, ok(zone('a', 0.001)))).toEqual({
      type: 'check.failed',
      data: { node: 'rate', status: 'error', reason: NO_BRANCH_REASON, next: 'broken' },
    });
    expect(NO_BRANCH_REASON).toBe('no branch matched and the check has no default');
  });

  it('routes no_data, error and timeout to their outlets with reasons', () => {
    expect(evaluateCheck('rate', thresholds, { status: 'no_data' }).data).toMatchObject({ status: 'no_data', next: 'nodata' });
    expect(evaluateCheck('rate', thresholds, { status: 'error', reason: 'HTTP 422: bad query' }).data).toEqual({
      node: 'rate',
      status: 'error',
      reason: 'HTTP 422: bad query',
      next: 'broken',
    });
    expect(evaluateCheck('rate', thresholds, { status: 'timeout' }).data).toMatchObject({ status: 'timeout', reason: 'the query timed out', next: 'broken' });
    expect(evaluateCheck('rate', thresholds, { status: 'timeout', reason: 'after 5s' }).data).toMatchObject({ reason: 'after 5s' });
  });

  it('treats an empty result as no data', () => {
    expect(evaluateCheck('rate', thresholds, ok()).data).toMatchObject({ status: 'no_data', reason: 'the query returned no series', next: 'nodata' });
  });

  it('drops NaN series, and treats all-NaN as no data (0/0: no traffic)', () => {
    const event = evaluateCheck('rate', thresholds, ok(zone('a', Number.NaN), zone('b', 0.02)));
    expect(event.data).toMatchObject({ branch: 1, series: [{ labels: { zone: 'b' }, value: 0.02, matched: true }] });
    expect(evaluateCheck('rate', thresholds, ok(zone('a', Number.NaN), zone('b', Number.NaN))).data).toEqual({
      node: 'rate',
      status: 'no_data',
      reason: 'all 2 series were NaN (0/0: no traffic)',
      next: 'nodata',
    });
  });

  it('compares infinities normally', () => {
    expect(evaluateCheck('rate', thresholds, ok(zone('a', Infinity))).data).toMatchObject({ branch: 0, value: Infinity });
    expect(evaluateCheck('rate', thresholds, ok(zone('a', -Infinity))).data).toMatchObject({ branch: 'default' });
  });

  describe('several series', () => {
    const threeZones = ok(zone('a', 0.001), zone('b', 0.2), zone('c', 0.002));

    it('any: matches when one series does, and records which one', () => {
      const event = evaluateCheck('rate', thresholds, threeZones);
      expect(event.data).toMatchObject({
        branch: 0,
        value: 0.2,
        series: [
          { labels: { zone: 'a' }, matched: false },
          { labels: { zone: 'b' }, matched: true },
          { labels: { zone: 'c' }, matched: false },
        ],
      });
    });

    it('all: needs every series', () => {
      const node = { ...thresholds, reduce: 'all' as const };
      expect(evaluateCheck('rate', node, threeZones).data).toMatchObject({ branch: 'default', reduce: 'all', value: 0.001 });
      expect(evaluateCheck('rate', node, ok(zone('a', 0.02), zone('b', 0.2))).data).toMatchObject({ branch: 1, value: 0.02 });
    });

    it('max/min/sum/avg: test the reduced value and report it', () => {
      expect(evaluateCheck('rate', { ...thresholds, reduce: 'max' }, threeZones).data).toMatchObject({ branch: 0, value: 0.2, reduce: 'max' });
      expect(evaluateCheck('rate', { ...thresholds, reduce: 'min' }, threeZones).data).toMatchObject({ branch: 'default', value: 0.001 });
      const sum = evaluateCheck('rate', { ...thresholds, reduce: 'sum' }, ok(zone('a', 0.03), zone('b', 0.03)));
      expect(sum.data).toMatchObject({ branch: 0, value: 0.06 });
      // Each series is marked by whether it satisfies the branch on its own.
      expect(sum.data).toMatchObject({ series: [{ matched: false }, { matched: false }] });
      expect(evaluateCheck('rate', { ...thresholds, reduce: 'avg' }, ok(zone('a', 0.03), zone('b', 0.01))).data).toMatchObject({ branch: 1, value: 0.02 });
    });
  });

  describe('compare baselines', () => {
    const latency = checkNode({ compare: { offset: '1d' }, branches: [{ when: { op: 'gt', change: 0.5 }, next: 'slower' }] });

    it('takes a change branch against the series baseline', () => {
      expect(evaluateCheck('p99', latency, ok(zone('a', 0.3, { baseline: 0.1 }))).data).toMatchObject({ branch: 0, next: 'slower' });
      expect(evaluateCheck('p99', latency, ok(zone('a', 0.12, { baseline: 0.1 }))).data).toMatchObject({ branch: 'default' });
    });

    it('treats a rise from a zero baseline as infinite change', () => {
      expect(evaluateCheck('p99', latency, ok(zone('a', 0.3, { baseline: 0 }))).data).toMatchObject({ branch: 0 });
    });

    it('never matches change on a series without baseline', () => {
      expect(evaluateCheck('p99', latency, ok(zone('a', 100))).data).toMatchObject({ branch: 'default' });
    });

    it('reduces baselines alongside values', () => {
      const node = { ...latency, reduce: 'sum' as const };
      const observation = ok(zone('a', 0.2, { baseline: 0.1 }), zone('b', 0.2, { baseline: 0.1 }));
      expect(evaluateCheck('p99', node, observation).data).toMatchObject({ branch: 0, value: 0.4 });
    });
  });

  it('honours for windows with the observation time', () => {
    const node = checkNode({ branches: [{ when: { op: 'gt', value: 1, for: '2m' }, next: 'sustained' }] });
    const samples: [number, number][] = [[0, 2], [60, 2], [120, 2]];
    expect(evaluateCheck('x', node, { status: 'ok', series: [zone('a', 2, { samples })], at: 120 }).data).toMatchObject({ branch: 0 });
    expect(evaluateCheck('x', node, { status: 'ok', series: [zone('a', 2, { samples })], at: 180 }).data).toMatchObject({ branch: 0 });
    expect(evaluateCheck('x', node, { status: 'ok', series: [zone('a', 2, { samples: samples.slice(1) })], at: 120 }).data).toMatchObject({
      branch: 'default',
    });
  });
});
