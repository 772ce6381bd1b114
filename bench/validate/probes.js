// What the generated checks measure: real metric names (HTTP server histograms and counters,
// node_exporter, kube-state-metrics, Kafka exporter, HikariCP, postgres_exporter), templated
// with `{{ inputs.* }}` inside label matchers the way authors write them.
// Each branch ladder is ordered so no branch is shadowed by an earlier one.

const S = '{{ inputs.service }}';
const NS = '{{ inputs.namespace }}';
const DB = '{{ inputs.database }}';
const DEP = '{{ inputs.dependency }}';

/** @type {{ slug: string; title: string; unit: string; query: string; inputs: string[]; compare?: string; reduce?: string; branches: { when: object; label: string }[] }[]} */
export const PROBES = [
  {
    slug: 'error-ratio', title: 'How high is the 5xx ratio?', unit: 'ratio', inputs: ['service'],
    query: `sum(rate(http_requests_total{service="${S}",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="${S}"}[5m]))`,
    branches: [
      { when: { op: 'gt', value: 0.05 }, label: 'more than 5% of requests fail' },
      { when: { op: 'gt', value: 0.01, for: '10m' }, label: 'above 1% for 10 minutes' },
    ],
  },
  {
    slug: 'latency-p99', title: 'Is p99 latency above the SLO?', unit: 'seconds', inputs: ['service'],
    query: `histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket{service="${S}"}[5m])))`,
    branches: [
      { when: { op: 'gt', value: 2 }, label: 'p99 above 2s' },
      { when: { op: 'gt', value: 0.5, for: '5m' }, label: 'p99 above 500ms for 5 minutes' },
    ],
  },
  {
    slug: 'latency-vs-yesterday', title: 'Is p90 latency worse than yesterday?', unit: 'seconds', inputs: ['service'], compare: '1d',
    query: `histogram_quantile(0.9, sum by (le) (rate(http_request_duration_seconds_bucket{service="${S}",handler!="/healthz"}[10m])))`,
    branches: [
      { when: { op: 'gt', change: 1 }, label: 'twice yesterday' },
      { when: { op: 'gt', change: 0.5 }, label: '50% above yesterday' },
    ],
  },
  {
    slug: 'targets-up', title: 'Are all scrape targets up?', unit: 'count', inputs: ['service'], reduce: 'min',
    query: `up{job="${S}"}`,
    branches: [{ when: { op: 'eq', value: 0 }, label: 'an instance is down' }],
  },
  {
    slug: 'cpu-busy', title: 'Are the hosts CPU-saturated?', unit: 'ratio', inputs: ['service'], reduce: 'max',
    query: `1 - avg by (instance) (rate(node_cpu_seconds_total{mode="idle",instance=~"${S}-.*"}[5m]))`,
    branches: [
      { when: { op: 'gt', value: 0.9 }, label: 'above 90% busy' },
      { when: { op: 'gt', value: 0.75, for: '15m' }, label: 'above 75% for 15 minutes' },
    ],
  },
  {
    slug: 'memory-used', title: 'Is memory nearly exhausted?', unit: 'ratio', inputs: ['service'], reduce: 'max',
    query: `1 - node_memory_MemAvailable_bytes{instance=~"${S}-.*"} / node_memory_MemTotal_bytes{instance=~"${S}-.*"}`,
    branches: [
      { when: { op: 'gt', value: 0.95 }, label: 'less than 5% available' },
      { when: { op: 'between', value: [0.85, 0.95] }, label: '85-95% used' },
    ],
  },
  {
    slug: 'open-fds', title: 'Is the process running out of file descriptors?', unit: 'ratio', inputs: ['service'], reduce: 'max',
    query: `process_open_fds{job="${S}"} / process_max_fds{job="${S}"}`,
    branches: [
      { when: { op: 'gte', value: 0.9 }, label: '90% of the limit' },
      { when: { op: 'gte', value: 0.7, for: '30m' }, label: '70% for half an hour' },
    ],
  },
  {
    slug: 'clock-offset', title: 'Is the clock skewed?', unit: 'seconds', inputs: ['service'],
    query: `max(abs(node_timex_offset_seconds{instance=~"${S}-.*"}))`,
    branches: [
      { when: { op: 'gt', value: 0.5 }, label: 'off by more than 500ms' },
      { when: { op: 'gt', value: 0.05, for: '10m' }, label: 'off by 50ms for 10 minutes' },
    ],
  },
  {
    slug: 'consumer-lag', title: 'How far behind is the consumer group?', unit: 'count', inputs: ['service'],
    query: `sum(kafka_consumergroup_lag{consumergroup="${S}"})`,
    branches: [
      { when: { op: 'gt', value: 100000 }, label: 'over 100k messages behind' },
      { when: { op: 'gt', value: 10000, for: '10m' }, label: 'over 10k for 10 minutes' },
    ],
  },
  {
    slug: 'cache-hit-ratio', title: 'Has the cache hit ratio collapsed?', unit: 'ratio', inputs: ['service'],
    query: `sum(rate(cache_hits_total{service="${S}"}[5m])) / (sum(rate(cache_hits_total{service="${S}"}[5m])) + sum(rate(cache_misses_total{service="${S}"}[5m])))`,
    branches: [
      { when: { op: 'lt', value: 0.5 }, label: 'below 50%' },
      { when: { op: 'lt', value: 0.8, for: '5m' }, label: 'below 80% for 5 minutes' },
    ],
  },
  {
    slug: 'db-commit-rate', title: 'Did the database transaction rate jump?', unit: 'count', inputs: ['database'], compare: '1h',
    query: `sum(rate(pg_stat_database_xact_commit{datname="${DB}"}[5m])) + sum(rate(pg_stat_database_xact_rollback{datname="${DB}"}[5m]))`,
    branches: [
      { when: { op: 'gt', change: 2 }, label: 'three times the rate an hour ago' },
      { when: { op: 'gt', change: 0.5 }, label: '50% above an hour ago' },
    ],
  },
  {
    slug: 'pool-in-use', title: 'Is the connection pool exhausted?', unit: 'ratio', inputs: ['service'], reduce: 'max',
    query: `hikaricp_connections_active{service="${S}"} / hikaricp_connections_max{service="${S}"}`,
    branches: [
      { when: { op: 'gte', value: 1 }, label: 'every connection in use' },
      { when: { op: 'gt', value: 0.8, for: '5m' }, label: 'above 80% for 5 minutes' },
    ],
  },
  {
    slug: 'pool-wait', title: 'Are requests waiting for a connection?', unit: 'count', inputs: ['service'],
    query: `sum(hikaricp_connections_pending{service="${S}"})`,
    branches: [{ when: { op: 'gt', value: 0, for: '2m' }, label: 'threads waiting for 2 minutes' }],
  },
  {
    slug: 'disk-used', title: 'Is the root filesystem filling up?', unit: 'ratio', inputs: ['service'], reduce: 'max',
    query: `1 - node_filesystem_avail_bytes{mountpoint="/",fstype!="tmpfs",instance=~"${S}-.*"} / node_filesystem_size_bytes{mountpoint="/",fstype!="tmpfs",instance=~"${S}-.*"}`,
    branches: [
      { when: { op: 'gt', value: 0.95 }, label: 'less than 5% free' },
      { when: { op: 'between', value: [0.8, 0.95] }, label: '80-95% used' },
    ],
  },
  {
    slug: 'pod-restarts', title: 'Are pods crash-looping?', unit: 'count', inputs: ['service', 'namespace'],
    query: `sum(increase(kube_pod_container_status_restarts_total{namespace="${NS}",pod=~"${S}-.*"}[15m]))`,
    branches: [
      { when: { op: 'gte', value: 3 }, label: '3 or more restarts in 15 minutes' },
      { when: { op: 'gte', value: 1 }, label: 'a restart in 15 minutes' },
    ],
  },
  {
    slug: 'traffic-vs-last-week', title: 'Is traffic normal for this time of the week?', unit: 'count', inputs: ['service'], compare: '1w',
    query: `sum(rate(http_requests_total{service="${S}"}[5m]))`,
    branches: [
      { when: { op: 'lt', change: -0.5 }, label: 'less than half of last week' },
      { when: { op: 'outside', change: [-0.2, 0.3] }, label: 'unusual for this hour' },
    ],
  },
  {
    slug: 'dependency-latency', title: 'Is the downstream dependency slow?', unit: 'seconds', inputs: ['service', 'dependency'],
    query: `histogram_quantile(0.99, sum by (le) (rate(http_client_request_duration_seconds_bucket{service="${S}",peer="${DEP}"}[5m])))`,
    branches: [
      { when: { op: 'gt', value: 1 }, label: 'p99 above 1s' },
      { when: { op: 'gt', value: 0.25, for: '5m' }, label: 'p99 above 250ms for 5 minutes' },
    ],
  },
  {
    slug: 'dependency-errors', title: 'Is the dependency failing?', unit: 'ratio', inputs: ['service', 'dependency'],
    query: `sum(rate(http_client_requests_total{service="${S}",peer="${DEP}",outcome=~"error|timeout"}[5m])) / sum(rate(http_client_requests_total{service="${S}",peer="${DEP}"}[5m]))`,
    branches: [
      { when: { op: 'gt', value: 0.1 }, label: 'over 10% failing' },
      { when: { op: 'gt', value: 0.02, for: '10m' }, label: 'over 2% for 10 minutes' },
    ],
  },
  {
    slug: 'network-errors', title: 'Are NICs dropping packets?', unit: 'count', inputs: ['service'], reduce: 'max',
    query: `rate(node_network_receive_errs_total{instance=~"${S}-.*",device!~"lo|veth.*"}[5m]) + rate(node_network_receive_drop_total{instance=~"${S}-.*",device!~"lo|veth.*"}[5m])`,
    branches: [{ when: { op: 'gt', value: 10, for: '5m' }, label: 'more than 10 per second' }],
  },
  {
    slug: 'cross-zone-errors', title: 'Do calls across zones fail?', unit: 'ratio', inputs: ['service'], reduce: 'any',
    query: `sum by (zone) (rate(http_client_requests_total{service="${S}",cross_zone="true",outcome="error"}[5m])) / sum by (zone) (rate(http_client_requests_total{service="${S}",cross_zone="true"}[5m]))`,
    branches: [
      { when: { op: 'gt', value: 0.2 }, label: 'one zone mostly unreachable' },
      { when: { op: 'outside', value: [0, 0.01] }, label: 'some errors across zones' },
    ],
  },
];

export const INPUT_SPECS = {
  service: { description: 'Service name as in the job and service labels', pattern: '[a-z][a-z0-9-]{0,62}' },
  namespace: { description: 'Kubernetes namespace', default: 'production', pattern: '[a-z0-9-]{1,63}' },
  database: { description: 'Database name (postgres datname label)', pattern: '[a-z_][a-z0-9_]{0,62}' },
  dependency: { description: 'Downstream service the calls go to (peer label)', pattern: '[a-z][a-z0-9.-]{0,62}' },
};
