// resource-exhaustion: orders-api-2 leaks file descriptors (176 a minute for six hours) and is at
// 97% of its limit; the pool is fine. Restarted; a day ago its peak was a hundredth: a leak.
import { series, type Series } from '../support/openMetrics.js';
import { DAY, incidentWindows, minutesFrom, overWindows, STEP } from '../support/windows.js';
import type { Scenario } from './scenario.js';

const INSTANCES = ['orders-api-1:8080', 'orders-api-2:8080', 'orders-api-3:8080'];
const MAX_FDS = 65536;

function openFds(instance: string, m: number): number {
  if (instance === 'orders-api-1:8080') return 210;
  if (instance === 'orders-api-3:8080') return 190;
  if (m < -360) return 200;
  // Restarted at t0+2m.
  return m < 2 ? 200 + (m + 360) * 176 : 180;
}

function data(t0: number): Series[] {
  return overWindows(incidentWindows(t0, [DAY]), (from, to) => [
    ...INSTANCES.flatMap((instance) => {
      const labels = { job: 'orders-api', instance };
      return [
        series('hikaricp_connections_active', { ...labels, pool: 'HikariPool-1' }, from, to, STEP, () => 3),
        series('hikaricp_connections_max', { ...labels, pool: 'HikariPool-1' }, from, to, STEP, () => 10),
        series('process_open_fds', labels, from, to, STEP, (t) => openFds(instance, minutesFrom(t0, t))),
        series('process_max_fds', labels, from, to, STEP, () => MAX_FDS),
      ];
    }),
    // A worker of another job near its limit too: not this service.
    series('process_open_fds', { job: 'orders-worker', instance: 'orders-worker-1:8080' }, from, to, STEP, () => 65000),
    series('process_max_fds', { job: 'orders-worker', instance: 'orders-worker-1:8080' }, from, to, STEP, () => MAX_FDS),
  ]);
}

export const fdLeak: Scenario = {
  runbook: 'resource-exhaustion',
  name: 'orders-api-2 leaks file descriptors up to 97% of its limit; restarted; 100× yesterday’s peak: a leak, escalated',
  data,
  script: { actions: { 'restart-fd-leaker': { minutes: 5 } } },
  expect: {
    path: ['pool-usage', 'fd-usage', 'restart-fd-leaker', 'fd-growth', 'fd-leak'],
    outcome: 'escalate',
    checks: [
      { node: 'pool-usage', branch: 'default', value: 0.3 },
      {
        node: 'fd-usage',
        branch: 0,
        value: 63560 / MAX_FDS,
        series: { by: 'instance', values: { 'orders-api-1:8080': 210 / MAX_FDS, 'orders-api-2:8080': 63560 / MAX_FDS, 'orders-api-3:8080': 190 / MAX_FDS }, matched: ['orders-api-2:8080'] },
      },
      // The hour's peaks summed: 210 + 63,736 (just before the restart) + 190, against 600 a day ago.
      { node: 'fd-growth', branch: 0, value: 64136 },
    ],
  },
};
