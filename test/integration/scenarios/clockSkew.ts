// clock-skew: chronyd died on node-3 an hour before t0 and its clock drifts 12.5 ms a minute;
// drained, chrony restarted (it steps the clock at t0+8m), verified, uncordoned.
import { series, type Series } from '../support/openMetrics.js';
import { incidentWindows, minutesFrom, overWindows, STEP } from '../support/windows.js';
import type { Scenario } from './scenario.js';

const broken = (m: number): boolean => m >= -60 && m < 8;

function offset(instance: string, m: number): number {
  if (instance === 'node-1:9100') return 0.0004;
  if (instance === 'node-2:9100') return -0.0006;
  if (broken(m)) return -(m + 60) * 0.0125;
  return m < -60 ? 0.0002 : 0.002;
}

function data(t0: number): Series[] {
  return overWindows(incidentWindows(t0), (from, to) => [
    ...['node-1:9100', 'node-2:9100', 'node-3:9100'].flatMap((instance) => [
      series('node_timex_offset_seconds', { job: 'node', instance }, from, to, STEP, (t) => offset(instance, minutesFrom(t0, t))),
      series('node_timex_sync_status', { job: 'node', instance }, from, to, STEP, (t) =>
        instance === 'node-3:9100' && broken(minutesFrom(t0, t)) ? 0 : 1,
      ),
    ]),
    // An edge box 3 s off in another job: the runbook's job input keeps it out.
    series('node_timex_offset_seconds', { job: 'node-edge', instance: 'edge-1:9100' }, from, to, STEP, () => 3),
  ]);
}

export const chronyDied: Scenario = {
  runbook: 'clock-skew',
  name: 'chronyd died on node-3: 750 ms off and unsynchronised; drained, chrony restarted, offset back under 10 ms',
  data,
  script: {
    answers: { 'time-daemon': 'chronyd is not running' },
    actions: { 'drain-node': { minutes: 5 }, 'restart-chrony': { minutes: 3 }, 'wait-for-slew': { minutes: 10 } },
  },
  expect: {
    path: ['offset', 'drain-node', 'sync-status', 'time-daemon', 'restart-chrony', 'verify-offset', 'wait-for-slew', 'verify-offset', 'uncordon-node', 'clock-fixed'],
    outcome: 'resolved',
    checks: [
      {
        node: 'offset',
        branch: 0,
        value: 0.75,
        series: { by: 'instance', values: { 'node-1:9100': 0.0004, 'node-2:9100': 0.0006, 'node-3:9100': 0.75 }, matched: ['node-3:9100'] },
      },
      { node: 'sync-status', branch: 0, value: 0, series: { by: 'instance', matched: ['node-3:9100'] } },
      // 2 ms right after the step, but the 10-minute window still holds the drift.
      { node: 'verify-offset', branch: 1, value: 0.002 },
      { node: 'verify-offset', branch: 0, value: 0.002 },
    ],
  },
};
