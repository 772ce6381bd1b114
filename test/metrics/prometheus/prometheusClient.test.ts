import { afterEach, describe, expect, it } from 'vitest';
import { PrometheusClient, type PrometheusClientOptions } from '../../../src/metrics/prometheus/prometheusClient.js';
import type { QueryOutcome } from '../../../src/metrics/prometheus/queryResult.js';
import { barrier, closedPortUrl, matrix, promError, startSilentServer, startSlammingServer, startStub, vector, type Stub, type StubReply } from './stubServer.js';

const AT = 1_700_000_000;
const cleanups: (() => Promise<void>)[] = [];
afterEach(async () => {
  await Promise.all(cleanups.splice(0).map((c) => c()));
});

async function stub(handler: (r: Stub['requests'][number]) => StubReply | Promise<StubReply>): Promise<Stub> {
  const s = await startStub(handler);
  cleanups.push(s.close);
  return s;
}

function client(url: string, extra: Partial<PrometheusClientOptions> = {}): PrometheusClient {
  return new PrometheusClient({ name: 'main', url, ...extra });
}

function reasonOf(outcome: QueryOutcome): string {
  if (outcome.ok) throw new Error(`expected a failure, got ${JSON.stringify(outcome.data)}`);
  return outcome.reason;
}

describe('PrometheusClient requests', () => {
  it('POSTs an instant query form-encoded with an explicit time, under the URL path prefix', async () => {
    const s = await stub(() => ({ json: vector([{ value: '1' }]) }));
    const query = `sum(rate(http_requests_total{service="checkout",code=~"5.."}[5m])) ${'+ 0 '.repeat(2000)}`;
    await client(`${s.url}/prom/`).instant(query, AT + 0.25);
    const [request] = s.requests;
    expect(request?.method).toBe('POST');
    expect(request?.path).toBe('/prom/api/v1/query');
    expect(request?.headers['content-type']).toContain('application/x-www-form-urlencoded');
    expect(request?.form.get('query')).toBe(query);
    expect(request?.form.get('time')).toBe('1700000000.25');
  });

  it('sends range queries to query_range with start, end and step', async () => {
    const s = await stub(() => ({ json: matrix([]) }));
    await client(s.url).range('up', AT - 600, AT, 60);
    expect(s.requests[0]?.path).toBe('/api/v1/query_range');
    expect(Object.fromEntries(s.requests[0]?.form ?? [])).toEqual({ query: 'up', start: String(AT - 600), end: String(AT), step: '60' });
  });

  it('parses vector, scalar, matrix and string results, with NaN and infinities', async () => {
    const bodies: unknown[] = [
      vector([{ labels: { zone: 'a' }, value: '0.5' }, { labels: { zone: 'b' }, value: 'NaN' }, { labels: { zone: 'c' }, value: '+Inf' }]),
      { status: 'success', data: { resultType: 'scalar', result: [AT, '-Inf'] } },
      matrix([{ labels: { zone: 'a' }, values: [[AT - 60, '1e3'], [AT, '2']] }]),
      { status: 'success', data: { resultType: 'string', result: [AT, 'hello'] } },
    ];
    const sent = [...bodies];
    const s = await stub(() => ({ json: bodies.shift() }));
    const c = client(s.url);
    expect(await c.instant('q', AT)).toEqual({
      ok: true,
      bytes: expect.any(Number) as unknown,
      data: {
        resultType: 'vector',
        series: [
          { labels: { zone: 'a' }, value: 0.5 },
          { labels: { zone: 'b' }, value: Number.NaN },
          { labels: { zone: 'c' }, value: Infinity },
        ],
      },
    });
    expect(await c.instant('q', AT)).toMatchObject({ ok: true, data: { resultType: 'scalar', value: -Infinity } });
    expect(await c.range('q', AT - 60, AT, 60)).toEqual({
      ok: true,
      bytes: expect.any(Number) as unknown,
      data: { resultType: 'matrix', series: [{ labels: { zone: 'a' }, samples: [[AT - 60, 1000], [AT, 2]] }] },
    });
    expect(await c.instant('q', AT)).toEqual({ ok: true, data: { resultType: 'string', value: 'hello' }, bytes: JSON.stringify(sent[3]).length });
  });

  it('sends bearer and basic credentials', async () => {
    const s = await stub(() => ({ json: vector([]) }));
    await client(s.url, { auth: { bearer: 'tok-123' } }).instant('up', AT);
    await client(s.url, { auth: { username: 'ops', password: 'pa:ss' } }).instant('up', AT);
    expect(s.requests[0]?.headers.authorization).toBe('Bearer tok-123');
    expect(s.requests[1]?.headers.authorization).toBe(`Basic ${Buffer.from('ops:pa:ss').toString('base64')}`);
  });
});

describe('PrometheusClient failures become reasons', () => {
  it('connection refused', async () => {
    const url = await closedPortUrl();
    expect(await client(url).instant('up', AT)).toEqual({
      ok: false,
      status: 'error',
      reason: `Prometheus 'main' at ${url} is not answering (connection refused); check the URL or that it is up`,
    });
  });

  it('a server that closes the connection without answering', async () => {
    const slamming = await startSlammingServer();
    cleanups.push(slamming.close);
    expect(await client(slamming.url).instant('up', AT)).toEqual({
      ok: false,
      status: 'error',
      reason: `Prometheus 'main' at ${slamming.url} closed the connection before answering; check that the URL points at Prometheus (not a TLS port with http://) and that it is healthy`,
    });
  });

  it('a host name that does not resolve', async () => {
    const outcome = await client('http://no-such-host.invalid:9090', { timeoutMs: 4000 }).instant('up', AT);
    expect(outcome).toMatchObject({ ok: false, status: 'error' });
    expect(reasonOf(outcome)).toMatch(/^Prometheus 'main' at http:\/\/no-such-host\.invalid:9090 cannot be reached: .*no-such-host\.invalid.*\(DNS\)/);
  });

  it('a server that accepts and never answers times out, within the timeout plus slack', async () => {
    const silent = await startSilentServer();
    cleanups.push(silent.close);
    const started = Date.now();
    const outcome = await client(silent.url, { timeoutMs: 300 }).instant('up', AT);
    expect(Date.now() - started).toBeLessThan(300 + 2000);
    expect(outcome).toEqual({
      ok: false,
      status: 'timeout',
      reason: `Prometheus 'main' at ${silent.url} gave no answer within 0.3 s; it may be overloaded or stuck, or the query too heavy`,
    });
  });

  it('a body that never finishes times out too', async () => {
    const s = await stub(() => ({ stallBody: true }));
    const started = Date.now();
    const outcome = await client(s.url, { timeoutMs: 300 }).instant('up', AT);
    expect(Date.now() - started).toBeLessThan(300 + 2000);
    expect(outcome).toMatchObject({ ok: false, status: 'timeout' });
  });

  it('400 and 422 carry Prometheus\'s own error and say the query is invalid', async () => {
    const replies: StubReply[] = [
      { status: 400, json: promError('bad_data', '1:5: parse error: unexpected <op:*>') },
      { status: 422, json: promError('execution', 'found duplicate series for the match group') },
    ];
    const s = await stub(() => replies.shift() ?? {});
    const c = client(s.url);
    expect(reasonOf(await c.instant('up *', AT))).toBe(
      `Prometheus 'main' at ${s.url} says the query is invalid (HTTP 400, bad_data: 1:5: parse error: unexpected <op:*>); fix the check's query`,
    );
    expect(reasonOf(await c.instant('a / on() b', AT))).toBe(
      `Prometheus 'main' at ${s.url} says the query is invalid (HTTP 422, execution: found duplicate series for the match group); fix the check's query`,
    );
  });

  it('503: overloaded or not ready; a Prometheus query timeout is a timeout', async () => {
    const replies: StubReply[] = [
      { status: 503, body: 'Service Unavailable' },
      { status: 503, json: promError('timeout', 'query timed out in expression evaluation') },
    ];
    const s = await stub(() => replies.shift() ?? {});
    const c = client(s.url);
    expect(await c.instant('up', AT)).toEqual({
      ok: false,
      status: 'error',
      reason: `Prometheus 'main' at ${s.url} is overloaded or not ready (HTTP 503: Service Unavailable); try again shortly`,
    });
    const timeout = await c.instant('up', AT);
    expect(timeout).toMatchObject({ ok: false, status: 'timeout' });
    expect(reasonOf(timeout)).toContain('query timed out in expression evaluation');
  });

  it('other HTTP failures: 500 from a proxy, 401, 404, a redirect', async () => {
    const replies: StubReply[] = [
      { status: 502, body: '<html><head><title>502 Bad Gateway</title></head><body><h1>502 Bad Gateway</h1></body></html>' },
      { status: 401, body: 'unauthorized' },
      { status: 404, body: 'not found' },
      { status: 302, headers: { location: 'https://user:pw@login.example/sso?next=/api' } },
    ];
    const s = await stub(() => replies.shift() ?? {});
    const c = client(s.url);
    expect(reasonOf(await c.instant('up', AT))).toBe(
      `Prometheus 'main' at ${s.url} failed (HTTP 502: 502 Bad Gateway 502 Bad Gateway); check that Prometheus (or the proxy in front of it) is healthy`,
    );
    expect(reasonOf(await c.instant('up', AT))).toBe(
      `Prometheus 'main' at ${s.url} refused the credentials (HTTP 401: unauthorized); check RUNPATH_SOURCE_MAIN_BEARER_TOKEN or RUNPATH_SOURCE_MAIN_USERNAME and RUNPATH_SOURCE_MAIN_PASSWORD`,
    );
    expect(reasonOf(await c.instant('up', AT))).toContain('has no query API there (HTTP 404: not found); check the URL and its path prefix');
    expect(reasonOf(await c.instant('up', AT))).toBe(`Prometheus 'main' at ${s.url} redirects to https://login.example/sso (HTTP 302); configure the final URL instead`);
  });

  it('malformed JSON, the wrong shape, an error body with 200', async () => {
    const replies: StubReply[] = [
      { body: '{"status":"success","data":{', headers: { 'content-type': 'application/json' } },
      { json: { hello: 'world' } },
      { json: { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, value: 'x' }] } } },
      { json: { status: 'success', data: { resultType: 'histogram', result: [] } } },
      { json: promError('internal', 'boom') },
    ];
    const s = await stub(() => replies.shift() ?? {});
    const c = client(s.url);
    expect(reasonOf(await c.instant('up', AT))).toBe(
      `Prometheus 'main' at ${s.url} answered something that is not JSON (HTTP 200, application/json); check that the URL points at Prometheus's API`,
    );
    expect(reasonOf(await c.instant('up', AT))).toBe(
      `Prometheus 'main' at ${s.url} answered JSON that is not a Prometheus query result (no "status": "success"); is the URL a Prometheus API?`,
    );
    expect(reasonOf(await c.instant('up', AT))).toContain('answered JSON that is not a Prometheus query result (a sample is not [time, "value"])');
    expect(reasonOf(await c.instant('up', AT))).toContain('(unknown resultType "histogram")');
    expect(reasonOf(await c.instant('up', AT))).toBe(`Prometheus 'main' at ${s.url} failed (HTTP 200, internal: boom); check that Prometheus (or the proxy in front of it) is healthy`);
  });

  it('a value that is not a number', async () => {
    const s = await stub(() => ({ json: vector([{ labels: { job: 'api' }, value: 'twelve' }]) }));
    expect(reasonOf(await client(s.url).instant('up', AT))).toBe(
      `Prometheus 'main' at ${s.url} answered a value that is not a number ("twelve") for {job="api"}; a check needs numbers`,
    );
  });

  it('a native histogram', async () => {
    const s = await stub(() => ({ json: { status: 'success', data: { resultType: 'vector', result: [{ metric: {}, histogram: [AT, { count: '3' }] }] } } }));
    expect(reasonOf(await client(s.url).instant('h', AT))).toContain('answered a native histogram for {}; a check needs numbers: wrap the query in histogram_quantile()');
  });

  it('a body over the cap, declared or streamed, and too many series', async () => {
    const big = JSON.stringify(vector(Array.from({ length: 200 }, (_, i) => ({ labels: { i: String(i) }, value: '1' }))));
    const replies: StubReply[] = [
      { body: big, headers: { 'content-type': 'application/json' } },
      { body: big, headers: { 'content-type': 'application/json', 'transfer-encoding': 'chunked' } },
      { body: big, headers: { 'content-type': 'application/json' } },
    ];
    const s = await stub(() => replies.shift() ?? {});
    const small = client(s.url, { maxBodyBytes: 2048 });
    const capped = `Prometheus 'main' at ${s.url} answered more than 2 kB; aggregate the query (sum by (…), topk(…)) so a check reads a few series`;
    expect(reasonOf(await small.instant('up', AT))).toBe(capped);
    expect(reasonOf(await small.instant('up', AT))).toBe(capped);
    expect(reasonOf(await client(s.url, { maxSeries: 100 }).instant('up', AT))).toBe(
      `Prometheus 'main' at ${s.url} answered 200 series, more than the 100 a check takes; aggregate the query (sum by (…), topk(…))`,
    );
  });

  it('the default cap refuses a body over 10 MB', async () => {
    const s = await stub(() => ({ body: Buffer.alloc(11 * 1024 * 1024, 0x20), headers: { 'content-type': 'application/json' } }));
    expect(reasonOf(await client(s.url).instant('up', AT))).toContain('answered more than 10 MB');
  });

  it('an unusable URL is a reason, never a throw, and is not quoted', async () => {
    const reason = reasonOf(await client('not a url with secret-xyz').instant('up', AT));
    expect(reason).toBe(`Prometheus 'main' at (an invalid URL): the URL is not a valid URL; write it like http://prometheus:9090 (with any path prefix)`);
    expect(reasonOf(await client('ftp://host/').instant('up', AT))).toContain('uses ftp:; use http:// or https://');
    expect(reasonOf(await client('http://u:secret-xyz@host/').instant('up', AT))).not.toContain('secret-xyz');
  });

  it('a caller that gives up gets a cancelled reason at once', async () => {
    const silent = await startSilentServer();
    cleanups.push(silent.close);
    const controller = new AbortController();
    const pending = client(silent.url, { timeoutMs: 10_000 }).instant('up', AT, controller.signal);
    setTimeout(() => {
      controller.abort();
    }, 50);
    expect(reasonOf(await pending)).toBe(`the query to Prometheus 'main' at ${silent.url} was cancelled`);
  });
});

describe('PrometheusClient never leaks credentials', () => {
  const token = 'sekret-bearer-token-42';
  const password = 'hunter2-very-secret';
  const echo = (r: Stub['requests'][number]): StubReply => ({ status: 500, body: `proxy saw: ${String(r.headers.authorization)}` });

  it('keeps every credential out of every reason', async () => {
    const refused = await closedPortUrl();
    const silent = await startSilentServer();
    cleanups.push(silent.close);
    const echoing = await stub(echo);
    const promEcho = await stub((r) => ({ status: 400, json: promError('bad_data', `bad header ${String(r.headers.authorization)}`) }));
    const badValue = await stub((r) => ({ json: vector([{ labels: { auth: String(r.headers.authorization) }, value: 'x' }]) }));
    const auths = [{ bearer: token }, { username: 'ops', password }];
    const basic = Buffer.from(`ops:${password}`).toString('base64');
    const reasons: string[] = [];
    for (const auth of auths) {
      for (const url of [refused, silent.url, echoing.url, promEcho.url, badValue.url, `http://ops:${password}@127.0.0.1:1/`]) {
        reasons.push(reasonOf(await client(url, { auth, timeoutMs: 200 }).instant('up', AT)));
      }
    }
    expect(reasons).toHaveLength(12);
    expect(reasons.filter((r) => r.includes('***')).length).toBeGreaterThanOrEqual(6);
    for (const reason of reasons) {
      expect(reason).not.toContain(token);
      expect(reason).not.toContain(password);
      expect(reason).not.toContain(basic);
    }
  });
});

describe('PrometheusClient concurrency cap', () => {
  it('keeps at most maxConcurrent requests in flight; the rest wait their turn', async () => {
    const wait = barrier(3);
    const s = await stub(async () => {
      await wait();
      return { json: vector([{ value: '1' }]) };
    });
    const c = client(s.url, { maxConcurrent: 3 });
    const outcomes = await Promise.all(Array.from({ length: 12 }, (_, i) => c.instant(`q${i}`, AT)));
    expect(outcomes.every((o) => o.ok)).toBe(true);
    expect(s.requests).toHaveLength(12);
    expect(s.maxInFlight).toBe(3);
    expect(c.inFlight).toBe(0);
  });

  it('a query still waiting for a slot when its time is up times out and says why', async () => {
    const silent = await startSilentServer();
    cleanups.push(silent.close);
    const c = client(silent.url, { maxConcurrent: 1, timeoutMs: 200 });
    const [first, second] = await Promise.all([c.instant('a', AT), c.instant('b', AT)]);
    expect(first).toMatchObject({ ok: false, status: 'timeout' });
    expect(second).toMatchObject({ ok: false, status: 'timeout' });
    expect(reasonOf(second)).toMatch(/waiting for one of the 1 query slots \(queries to a source are capped/);
    expect(c.inFlight).toBe(0);
  });
});
