// How many queries a Prometheus has received, from its own /metrics (not from a query, which
// would count itself): prometheus_http_requests_total{handler="/api/v1/query"}, summed over codes.

const LINE = /^prometheus_http_requests_total\{([^}]*)\} (\S+)$/;

/** The counter's total for `handler` in a /metrics text exposition. */
export function requestsFor(metricsText, handler) {
  let total = 0;
  for (const line of metricsText.split('\n')) {
    const m = LINE.exec(line);
    if (m && m[1].split(',').includes(`handler="${handler}"`)) total += Number(m[2]);
  }
  return total;
}

async function readOnce(url, handler) {
  const response = await fetch(`${url}/metrics`, { signal: AbortSignal.timeout(5000) });
  if (!response.ok) throw new Error(`GET ${url}/metrics answered HTTP ${response.status}`);
  return requestsFor(await response.text(), handler);
}

/**
 * The settled count: Prometheus bumps the counter after the response is written, so read until two
 * reads 100 ms apart agree (at most 20 reads).
 */
export async function settledRequests(url, handler = '/api/v1/query') {
  let last = await readOnce(url, handler);
  for (let i = 0; i < 20; i++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const now = await readOnce(url, handler);
    if (now === last) return now;
    last = now;
  }
  throw new Error(`${handler} request count still moving after 2 s`);
}
