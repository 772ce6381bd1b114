import type { CheckNode, SeriesReduce } from '../runbook/types.js';
import { evaluateCondition } from './evaluateCondition.js';
import { reduceSeries } from './reduceSeries.js';
import type { WalkEvent } from './walkEvent.js';
import type { CheckObservation, ObservedSeries } from './walkInput.js';

export type CheckEvent = Extract<WalkEvent, { type: 'check.evaluated' | 'check.failed' }>;

export const NO_BRANCH_REASON = 'no branch matched and the check has no default';

function failed(id: string, node: CheckNode, status: 'no_data' | 'error' | 'timeout', reason: string): CheckEvent {
  const next = status === 'no_data' ? node.on_no_data : node.on_error;
  return { type: 'check.failed', data: { node: id, status, reason, next } };
}

function branchMatches(reduce: SeriesReduce, subjects: ObservedSeries[], test: (s: ObservedSeries) => boolean): boolean {
  return reduce === 'all' ? subjects.every(test) : subjects.some(test);
}

/**
 * Decides which outlet of a check an observation takes, as the event that records it.
 * NaN series are dropped first (0/0 ratios mean no traffic); if none remain it is no data.
 */
export function evaluateCheck(id: string, node: CheckNode, observation: CheckObservation): CheckEvent {
  switch (observation.status) {
    case 'no_data':
      return failed(id, node, 'no_data', 'the query returned no data');
    case 'error':
      return failed(id, node, 'error', observation.reason);
    case 'timeout':
      return failed(id, node, 'timeout', observation.reason ?? 'the query timed out');
    case 'ok':
      break;
  }
  if (observation.series.length === 0) return failed(id, node, 'no_data', 'the query returned no series');
  const live = observation.series.filter((s) => !Number.isNaN(s.value));
  if (live.length === 0) {
    return failed(id, node, 'no_data', `all ${observation.series.length} series were NaN (0/0: no traffic)`);
  }

  const reduce = node.reduce ?? 'any';
  const aggregated = reduce === 'any' || reduce === 'all' ? undefined : reduceSeries(live, reduce);
  const subjects = aggregated ? [aggregated] : live;
  const at = observation.at;

  const index = node.branches.findIndex((b) => branchMatches(reduce, subjects, (s) => evaluateCondition(b.when, s, at)));
  const taken = node.branches[index];
  if (!taken && node.default === undefined) return failed(id, node, 'error', NO_BRANCH_REASON);

  const series = live.map((s) => ({
    labels: s.labels,
    value: s.value,
    matched: taken ? evaluateCondition(taken.when, s, at) : false,
  }));
  const representative = aggregated ?? series.find((s) => s.matched) ?? live[0];
  return {
    type: 'check.evaluated',
    data: {
      node: id,
      value: representative?.value ?? Number.NaN,
      series,
      branch: taken ? index : 'default',
      next: taken ? taken.next : (node.default ?? node.on_error),
      reduce,
    },
  };
}
