// slow-dependency: the risk-scoring vendor behind fraud-check slows down; the p99 of every hop
// above it (fraud-check, payment, checkout) rises against the same time yesterday.
import { latencyHistogram } from '../support/histogram.js';
import type { Series } from '../support/openMetrics.js';
import { DAY, incidentWindows, minutesFrom, overWindows, STEP } from '../support/windows.js';
import type { Scenario } from './scenario.js';

interface Hop {
  metric: 'http_request_duration_seconds' | 'http_client_request_duration_seconds';
  labels: Record<string, string>;
  rps: number;
  /** p99 in seconds: usual, during the incident, after the fallback. */
  p99: readonly [usual: number, slow: number, after: number];
}

const HOPS: Hop[] = [
  { metric: 'http_request_duration_seconds', labels: { service: 'checkout' }, rps: 100, p99: [0.4, 1.5, 0.45] },
  { metric: 'http_client_request_duration_seconds', labels: { service: 'checkout', peer: 'payment' }, rps: 80, p99: [0.3, 1.4, 0.35] },
  { metric: 'http_client_request_duration_seconds', labels: { service: 'payment', peer: 'fraud-check' }, rps: 80, p99: [0.2, 1.2, 0.22] },
  { metric: 'http_client_request_duration_seconds', labels: { service: 'fraud-check', peer: 'api.riskscore.example.com' }, rps: 80, p99: [0.15, 1.1, 1.1] },
  // Checkout's other dependency, fast throughout: the checks must not mix it in.
  { metric: 'http_client_request_duration_seconds', labels: { service: 'checkout', peer: 'inventory' }, rps: 200, p99: [0.08, 0.08, 0.08] },
];

/** The vendor slowed down 30 minutes before t0; the fallback (turned on at t0+2m) takes it out of the path. */
function data(t0: number): Series[] {
  return overWindows(incidentWindows(t0, [DAY]), (from, to) =>
    HOPS.flatMap(({ metric, labels, rps, p99: [usual, slow, after] }) =>
      latencyHistogram(metric, labels, from, to, STEP, () => rps, (t) => {
        const m = minutesFrom(t0, t);
        return m < -30 ? usual : m < 2 ? slow : after;
      }),
    ),
  );
}

export const vendorSlow: Scenario = {
  runbook: 'slow-dependency',
  name: 'the risk-scoring vendor slows down: p99 of checkout, payment and fraud-check all more than double yesterday; fallback on',
  data,
  script: { actions: { 'enable-fraud-fallback': { minutes: 5 }, 'wait-and-recheck': { minutes: 10 } } },
  expect: {
    path: ['checkout-latency', 'payment-latency', 'fraud-latency', 'vendor-latency', 'enable-fraud-fallback', 'verify-checkout', 'wait-and-recheck', 'verify-checkout', 'mitigated'],
    outcome: 'mitigated',
    checks: [
      // 1.5 s is under the 2 s absolute threshold; 0.4 s yesterday makes it +275%: branch 1.
      { node: 'checkout-latency', branch: 1, value: 1.5 },
      { node: 'payment-latency', branch: 0, value: 1.4 },
      { node: 'fraud-latency', branch: 0, value: 1.2 },
      { node: 'vendor-latency', branch: 0, value: 1.1 },
      // Three minutes after the fallback the 5-minute rate still mixes in slow requests.
      { node: 'verify-checkout', branch: 1, value: [0.5, 1] },
      { node: 'verify-checkout', branch: 0, value: 0.45 },
    ],
  },
};
