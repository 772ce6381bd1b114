// cache-thundering-herd: someone flushed the catalog cache 15 minutes before t0. The hit ratio
// collapses, Postgres commits 4.5× yesterday's rate, requests queue for connections; shedding and
// warming bring the ratio back; the key count shows the flush. And: redis_exporter gone entirely.
import { counter, series, type Series } from '../support/openMetrics.js';
import { DAY, incidentWindows, minutesFrom, overWindows, STEP } from '../support/windows.js';
import type { Scenario } from './scenario.js';

const REDIS = ['redis-catalog-0:9121', 'redis-catalog-1:9121'];
const LOOKUPS_PER_INSTANCE = 1000;

function hitRatio(m: number): number {
  if (m < -15) return 0.95;
  if (m < 2) return 0.2;
  // Single-flight and stale serving (shed-load) help a little; the warmer does the rest.
  if (m < 5) return 0.6;
  return 0.93;
}

function redis(t0: number, from: number, to: number): Series[] {
  return REDIS.flatMap((instance, i) => {
    const labels = { job: 'redis-catalog', instance };
    const ratio = (t: number): number => hitRatio(minutesFrom(t0, t));
    return [
      counter('redis_keyspace_hits_total', labels, from, to, STEP, (t) => LOOKUPS_PER_INSTANCE * ratio(t), 4e9),
      counter('redis_keyspace_misses_total', labels, from, to, STEP, (t) => LOOKUPS_PER_INSTANCE * (1 - ratio(t)), 2e8),
      counter('redis_evicted_keys_total', labels, from, to, STEP, () => 0),
      // Both up for days: a flush, not a restart.
      series('redis_uptime_in_seconds', labels, from, to, STEP, (t) => t - (t0 - (10 + 10 * i) * DAY)),
      series('redis_db_keys', { ...labels, db: 'db0' }, from, to, STEP, (t) => {
        const m = minutesFrom(t0, t);
        return m < -15 ? 250_000 : 500 + Math.floor(200 * (m + 15));
      }),
    ];
  });
}

function data(t0: number): Series[] {
  return overWindows(incidentWindows(t0, [DAY]), (from, to) => {
    const m = (t: number): number => minutesFrom(t0, t);
    return [
      ...redis(t0, from, to),
      // A sessions cache at 50%, as always: not ours.
      counter('redis_keyspace_hits_total', { job: 'redis-sessions', instance: 'redis-sessions-0:9121' }, from, to, STEP, () => 500),
      counter('redis_keyspace_misses_total', { job: 'redis-sessions', instance: 'redis-sessions-0:9121' }, from, to, STEP, () => 500),
      counter('pg_stat_database_xact_commit', { datname: 'catalog', server: 'pg-catalog-0:5432' }, from, to, STEP, (t) => (m(t) < -15 ? 200 : m(t) < 5 ? 900 : 250), 7e9),
      counter('pg_stat_database_xact_commit', { datname: 'postgres', server: 'pg-catalog-0:5432' }, from, to, STEP, () => 5),
      ...[
        ['catalog-api-1:8080', 25],
        ['catalog-api-2:8080', 3],
      ].flatMap(([instance, waiting]) =>
        series('hikaricp_connections_pending', { application: 'catalog-api', pool: 'HikariPool-1', instance: String(instance) }, from, to, STEP, (t) =>
          m(t) >= -15 && m(t) < 5 ? Number(waiting) : 0,
        ),
      ),
    ];
  });
}

export const cacheFlushed: Scenario = {
  runbook: 'cache-thundering-herd',
  name: 'the cache was flushed: hit ratio 20% (95% yesterday), the database at 4.5× its rate, 25 threads waiting; shed, warm, recovered',
  data,
  script: { actions: { 'shed-load': { minutes: 2 }, 'warm-cache': { minutes: 20 } } },
  expect: {
    path: ['hit-ratio', 'db-pressure', 'pool-saturation', 'shed-load', 'warm-cache', 'verify-hit-ratio', 'cache-restarted', 'key-count', 'flushed'],
    outcome: 'mitigated',
    checks: [
      { node: 'hit-ratio', branch: 0, value: 0.2 },
      { node: 'db-pressure', branch: 0, value: 900 },
      {
        node: 'pool-saturation',
        branch: 0,
        value: 25,
        series: { by: 'instance', values: { 'catalog-api-1:8080': 25, 'catalog-api-2:8080': 3 }, matched: ['catalog-api-1:8080'] },
      },
      { node: 'verify-hit-ratio', branch: 0, value: 0.93 },
      // The youngest instance has been up 10 days (and 22 minutes): no restart.
      { node: 'cache-restarted', branch: 'default', value: 10 * DAY + 22 * 60 },
      // 1,000 keys at the flush vs 500,000 at any time yesterday.
      { node: 'key-count', branch: 0, value: 1000 },
    ],
  },
};

export const exporterGone: Scenario = {
  runbook: 'cache-thundering-herd',
  name: 'no cache metrics at all (redis_exporter gone); Redis does not answer PING',
  data: () => [],
  script: { answers: { 'ask-cache': 'Redis is down or unreachable' } },
  expect: {
    path: ['hit-ratio', 'ask-cache', 'redis-down'],
    outcome: 'escalate',
    checks: [{ node: 'hit-ratio', failed: 'no_data' }],
  },
};
