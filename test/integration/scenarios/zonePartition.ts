// zone-partition: a security group change cuts eu-west-1b off 20 minutes before t0. Probes into
// 1b fail; 1b's own prober cannot be scraped (its series vanish, as they would); a third of
// checkout's requests fail. Drained, the change reverted at t0+12m, probes green, zone restored.
import { counter, series, type Series } from '../support/openMetrics.js';
import { incidentWindows, minutesFrom, overWindows, STEP } from '../support/windows.js';
import type { Scenario } from './scenario.js';

const ZONES = ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'];
const CUT_OFF = 'eu-west-1b';
const partitioned = (m: number): boolean => m >= -20 && m < 12;

function probes(t0: number, from: number, to: number): Series[] {
  return ZONES.flatMap((source) =>
    ZONES.filter((zone) => zone !== source).map((zone) => {
      const probe = series('probe_success', { job: 'blackbox-cross-zone', instance: `blackbox-${source}:9115`, source_zone: source, zone }, from, to, STEP, (t) =>
        zone === CUT_OFF && partitioned(minutesFrom(t0, t)) ? 0 : 1,
      );
      if (source !== CUT_OFF) return probe;
      // Prometheus cannot scrape the prober inside the cut-off zone: no samples, not zeros.
      return { ...probe, samples: probe.samples.filter(([t]) => !partitioned(minutesFrom(t0, t))) };
    }),
  );
}

function data(t0: number): Series[] {
  const ratio = (t: number): number => {
    const m = minutesFrom(t0, t);
    // Drained at t0+1m.
    return m >= -20 && m < 1 ? 0.3 : 0.001;
  };
  return overWindows(incidentWindows(t0), (from, to) => [
    ...probes(t0, from, to),
    ...ZONES.flatMap((zone) => [
      counter('http_requests_total', { service: 'checkout', zone, code: '200' }, from, to, STEP, (t) => 50 * (1 - ratio(t)), 1e6),
      counter('http_requests_total', { service: 'checkout', zone, code: '503' }, from, to, STEP, (t) => 50 * ratio(t), 1e3),
    ]),
  ]);
}

export const securityGroupCut: Scenario = {
  runbook: 'zone-partition',
  name: 'our security group change cuts eu-west-1b off: only its probes fail; drained, reverted, green for 15 minutes, restored',
  data,
  script: {
    answers: { 'link-cause': 'A change of ours (security group, NACL, route, CNI, mesh policy)' },
    actions: { 'drain-zone': { minutes: 5 }, 'wait-drain': { minutes: 5 }, 'revert-network-change': { minutes: 30 }, 'restore-zone': { minutes: 15 } },
  },
  expect: {
    path: ['zone-probes', 'every-zone', 'drain-zone', 'verify-errors', 'wait-drain', 'verify-errors', 'link-cause', 'revert-network-change', 'probes-green', 'restore-zone', 'zone-restored'],
    outcome: 'resolved',
    checks: [
      // The check names the failing zone: the responder learns it is 1b alone.
      { node: 'zone-probes', branch: 0, value: 0, series: { by: 'zone', values: { 'eu-west-1a': 1, 'eu-west-1b': 0, 'eu-west-1c': 1 }, matched: ['eu-west-1b'] } },
      { node: 'every-zone', branch: 'default', series: { by: 'zone', values: { 'eu-west-1a': 1, 'eu-west-1b': 0, 'eu-west-1c': 1 }, matched: [] } },
      // 0.1% now, but the 5-minute window still starts inside the outage.
      { node: 'verify-errors', branch: 1, value: 0.001 },
      { node: 'verify-errors', branch: 0, value: 0.001 },
      { node: 'probes-green', branch: 0, value: 1 },
    ],
  },
};
