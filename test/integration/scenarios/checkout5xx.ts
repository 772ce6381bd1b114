// checkout-5xx: a bad deploy (5xx jump right after a new ReplicaSet, rolled back), one sick pod
// (2% errors, all from one pod, restarted), and Prometheus itself down.
import { counter, series, type Series } from '../support/openMetrics.js';
import { incidentWindows, minutesFrom, overWindows, STEP } from '../support/windows.js';
import type { Scenario } from './scenario.js';

const NEW_RS = 'checkout-7d9f6c';
const OLD_RS = 'checkout-5c4b8d';
const PODS = ['4xk2p', '9wq7d', 'zt5mn'].map((id) => `${NEW_RS}-${id}`);
const RPS_PER_POD = 40;

/** Request counters per pod and code (200, 500, 503) for an error ratio per pod and minute. */
function requests(t0: number, errorRatio: (pod: string, m: number) => number): Series[] {
  return overWindows(incidentWindows(t0), (from, to) =>
    PODS.flatMap((pod) => {
      const labels = { service: 'checkout', namespace: 'shop', pod };
      const ratio = (t: number): number => errorRatio(pod, minutesFrom(t0, t));
      return [
        counter('http_requests_total', { ...labels, code: '200' }, from, to, STEP, (t) => RPS_PER_POD * (1 - ratio(t)), 5e6),
        counter('http_requests_total', { ...labels, code: '500' }, from, to, STEP, (t) => RPS_PER_POD * ratio(t) * 0.75, 2e3),
        counter('http_requests_total', { ...labels, code: '503' }, from, to, STEP, (t) => RPS_PER_POD * ratio(t) * 0.25, 500),
      ];
    }),
  );
}

/** Another service failing hard at the same time: the checks must not see it. */
function cartNoise(t0: number): Series[] {
  return overWindows(incidentWindows(t0), (from, to) => [
    counter('http_requests_total', { service: 'cart', namespace: 'shop', pod: 'cart-1', code: '500' }, from, to, STEP, () => 50),
    counter('http_requests_total', { service: 'cart', namespace: 'shop', pod: 'cart-1', code: '200' }, from, to, STEP, () => 5),
  ]);
}

/** kube-state-metrics: the new ReplicaSet 20 minutes old, the previous one 3 days; cart's even newer. */
function replicaSets(t0: number): Series[] {
  const [[from, to]] = incidentWindows(t0) as [[number, number]];
  const sets = [
    { replicaset: NEW_RS, owner: 'checkout', created: t0 - 20 * 60 },
    { replicaset: OLD_RS, owner: 'checkout', created: t0 - 3 * 86400 },
    { replicaset: 'cart-6f7d8b', owner: 'cart', created: t0 - 5 * 60 },
  ];
  return sets.flatMap(({ replicaset, owner, created }) => [
    series('kube_replicaset_created', { namespace: 'shop', replicaset }, from, to, STEP, () => created),
    series('kube_replicaset_owner', { namespace: 'shop', replicaset, owner_kind: 'Deployment', owner_name: owner, owner_is_controller: 'true' }, from, to, STEP, () => 1),
  ]);
}

export const badDeploy: Scenario = {
  runbook: 'checkout-5xx',
  name: 'a deploy 20 minutes ago sends 12% of checkouts to 5xx; rolled back, errors fall, then stay under 1%',
  data: (t0) => [
    ...requests(t0, (_pod, m) => (m < -18 ? 0.002 : m < 1 ? 0.12 : m < 10 ? 0.02 : 0.002)),
    ...cartNoise(t0),
    ...replicaSets(t0),
  ],
  script: {
    answers: { 'recent-deploy': 'Not sure' },
    actions: { rollback: { minutes: 8 }, 'wait-for-recovery': { minutes: 10 } },
  },
  expect: {
    path: ['error-rate', 'recent-deploy', 'last-rollout', 'rollback', 'verify-recovery', 'wait-for-recovery', 'verify-recovery', 'recovered'],
    outcome: 'mitigated',
    checks: [
      { node: 'error-rate', branch: 0, value: 0.12 },
      // time() - creation of the newest ReplicaSet the checkout Deployment owns (not cart's).
      { node: 'last-rollout', branch: 0, value: 1200 },
      // 2% now, but the 5-minute window still holds the 12% minutes before the rollback.
      { node: 'verify-recovery', branch: 1, value: 0.02 },
      { node: 'verify-recovery', branch: 0, value: 0.002 },
    ],
  },
};

export const sickPod: Scenario = {
  runbook: 'checkout-5xx',
  name: 'one pod fails 6% of requests for half an hour (2% overall, sustained); no deploy; the pod is restarted',
  data: (t0) => [...requests(t0, (pod, m) => (pod === PODS[0] && m >= -30 && m < 2 ? 0.058 : 0.001)), ...cartNoise(t0)],
  script: {
    answers: { 'recent-deploy': 'No' },
    actions: { 'restart-bad-pods': { minutes: 10 } },
  },
  expect: {
    path: ['error-rate', 'recent-deploy', 'errors-by-pod', 'restart-bad-pods', 'verify-recovery', 'recovered'],
    outcome: 'mitigated',
    checks: [
      // Under 5%, but above 1% for the whole 10 minutes: the sustained branch.
      { node: 'error-rate', branch: 1, value: 0.02 },
      // reduce: all — not every pod is failing, so it is the pods, not a dependency.
      {
        node: 'errors-by-pod',
        branch: 'default',
        series: { by: 'pod', values: { [PODS[0] ?? '']: 0.058, [PODS[1] ?? '']: 0.001, [PODS[2] ?? '']: 0.001 }, matched: [] },
      },
      { node: 'verify-recovery', branch: 0, value: 0.001 },
    ],
  },
};

export const prometheusDown: Scenario = {
  runbook: 'checkout-5xx',
  name: 'Prometheus is down (connection refused); the dashboard shows normal errors',
  source: 'refused',
  data: () => [],
  script: { answers: { 'ask-dashboard': 'Errors look normal' } },
  expect: {
    path: ['error-rate', 'ask-dashboard', 'false-alarm-no-metrics'],
    outcome: 'false_alarm',
    checks: [{ node: 'error-rate', failed: 'error', reason: 'connection refused' }],
  },
};
