// kafka-consumer-lag: production on order-events doubles an hour before t0 (1,200 msg/s against
// 600 yesterday) while the consumers top out at 800 msg/s, so the lag grows by 24,000 a minute.
// Scaled out at t0+3m (2,400 msg/s), the lag shrinks and clears. Offsets and lag are simulated
// together, so they agree the way kafka_exporter's do.
import type { Series } from '../support/openMetrics.js';
import { DAY, incidentWindows, minutesFrom, STEP } from '../support/windows.js';
import type { Scenario } from './scenario.js';

const TOPIC = 'order-events';
const GROUP = 'order-events-processor';
const PARTITIONS = ['0', '1', '2'];

const production = (m: number): number => (m > -60 ? 1200 : 600);
const capacity = (m: number): number => (m >= 3 ? 2400 : 800);

/** One window of the topic: produced and consumed totals, lag = their difference, per minute. */
function simulate(t0: number, from: number, to: number): Series[] {
  const share = PARTITIONS.length;
  const out = new Map<string, Series>();
  const push = (name: string, labels: Record<string, string>, t: number, value: number): void => {
    const key = `${name}${JSON.stringify(labels)}`;
    const entry = out.get(key) ?? { name, labels, samples: [] };
    entry.samples.push([t, value]);
    out.set(key, entry);
  };
  let produced = 0;
  let consumed = 0;
  for (let t = from; t <= to; t += STEP) {
    if (t > from) {
      const m = minutesFrom(t0, t);
      const arriving = production(m) * STEP;
      produced += arriving;
      consumed += Math.min(capacity(m) * STEP, produced - consumed);
    }
    PARTITIONS.forEach((partition, i) => {
      const base = 9e8 + i * 1e7;
      push('kafka_topic_partition_current_offset', { topic: TOPIC, partition }, t, base + produced / share);
      push('kafka_consumergroup_current_offset', { consumergroup: GROUP, topic: TOPIC, partition }, t, base + consumed / share);
      push('kafka_consumergroup_lag', { consumergroup: GROUP, topic: TOPIC, partition }, t, (produced - consumed) / share);
      // Another group on the same topic keeps up: its lag must not count.
      push('kafka_consumergroup_current_offset', { consumergroup: 'audit-log-writer', topic: TOPIC, partition }, t, base + produced / share);
      push('kafka_consumergroup_lag', { consumergroup: 'audit-log-writer', topic: TOPIC, partition }, t, 0);
    });
  }
  return [...out.values()];
}

export const productionSpike: Scenario = {
  runbook: 'kafka-consumer-lag',
  name: 'production doubles while consumers top out: lag 1.44M and growing; scaled out, lag shrinks, then clears',
  data: (t0) => incidentWindows(t0, [DAY]).flatMap(([from, to]) => simulate(t0, from, to)),
  script: { actions: { 'scale-consumers': { minutes: 15 }, 'wait-catch-up': { minutes: 25 } } },
  expect: {
    path: ['lag', 'consumption-rate', 'rate-vs-production', 'production-spike', 'scale-consumers', 'verify-lag', 'lag-trend', 'wait-catch-up', 'verify-lag', 'lag-cleared'],
    outcome: 'resolved',
    checks: [
      { node: 'lag', branch: 0, value: 1_440_000 },
      // Consuming, not stuck on a poison message.
      { node: 'consumption-rate', branch: 'default', value: 800 },
      { node: 'rate-vs-production', branch: 0, value: 800 / 1200 },
      { node: 'production-spike', branch: 0, value: 1200 },
      { node: 'verify-lag', branch: 'default', value: 552_000 },
      { node: 'lag-trend', branch: 0, value: [-1500, -100] },
      { node: 'verify-lag', branch: 0, value: 0 },
    ],
  },
};
