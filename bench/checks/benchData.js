// The data and the check the bench queries: request counters for 5 services x 3 zones x 2 codes,
// every 15 s over 4 hours ending at `base`, so `rate()` over 5m has real work to do.

export const SERVICES = ['checkout', 'cart', 'search', 'payments', 'profile'];
export const ZONES = ['a', 'b', 'c'];
export const HOURS = 4;
export const STEP_SECONDS = 15;

/** The check's query as the runbook writes it; `{{ inputs.service }}` is filled by the walk. */
export const QUERY_TEMPLATE =
  'sum by (zone) (rate(http_requests_total{service="{{ inputs.service }}",code=~"5.."}[5m]))'
  + ' / sum by (zone) (rate(http_requests_total{service="{{ inputs.service }}"}[5m]))';

/** The same query rendered for `service`, as the raw HTTP baseline sends it. */
export const renderedQuery = (service) => QUERY_TEMPLATE.replaceAll('{{ inputs.service }}', service);

/** Series for the harness's `toOpenMetrics`, built with its `counter` helper. */
export function benchSeries(counter, base) {
  const from = base - HOURS * 3600;
  const out = [];
  SERVICES.forEach((service, s) => {
    ZONES.forEach((zone, z) => {
      const traffic = 20 + 10 * s + 5 * z;
      // Zone b of checkout goes bad in the last hour: the check has something to find.
      const errorShare = (t) => (service === 'checkout' && zone === 'b' && t > base - 3600 ? 0.08 : 0.002 * (z + 1));
      out.push(counter('http_requests_total', { service, zone, code: '200' }, from, base, STEP_SECONDS, (t) => traffic * (1 - errorShare(t))));
      out.push(counter('http_requests_total', { service, zone, code: '500' }, from, base, STEP_SECONDS, (t) => traffic * errorShare(t)));
    });
  });
  return out;
}

/** A one-check runbook around the query: what `runpath walk` would step through. */
export function benchRunbook() {
  return {
    runpath: 1,
    id: 'bench-checks',
    title: 'Bench: one check against Prometheus',
    inputs: { service: { default: 'checkout' } },
    sources: { prom: { type: 'prometheus' } },
    start: 'error-ratio',
    nodes: {
      'error-ratio': {
        type: 'check',
        source: 'prom',
        query: QUERY_TEMPLATE,
        reduce: 'any',
        branches: [{ when: { op: 'gt', value: 0.05 }, next: 'bad' }],
        default: 'fine',
        on_no_data: 'fine',
        on_error: 'fine',
      },
      bad: { type: 'end', outcome: 'escalate' },
      fine: { type: 'end', outcome: 'resolved' },
    },
  };
}
