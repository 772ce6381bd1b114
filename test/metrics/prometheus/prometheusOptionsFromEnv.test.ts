import { describe, expect, it } from 'vitest';
import { prometheusOptionsFromEnv } from '../../../src/metrics/prometheus/prometheusOptionsFromEnv.js';

describe('prometheusOptionsFromEnv: the URL', () => {
  it('takes --source over the environment over the runbook', () => {
    const env = { RUNPATH_SOURCE_MAIN_PROM_URL: 'http://env:9090', PROM: 'http://runbook:9090' };
    expect(prometheusOptionsFromEnv('main-prom', '${PROM}', env, 'http://flag:9090/prom')).toEqual({ name: 'main-prom', url: 'http://flag:9090/prom' });
    expect(prometheusOptionsFromEnv('main-prom', '${PROM}', env)).toEqual({ name: 'main-prom', url: 'http://env:9090' });
    expect(prometheusOptionsFromEnv('main-prom', '${PROM}/prom', { PROM: 'http://runbook:9090' })).toEqual({ name: 'main-prom', url: 'http://runbook:9090/prom' });
    expect(prometheusOptionsFromEnv('main-prom', 'http://literal:9090', {})).toEqual({ name: 'main-prom', url: 'http://literal:9090' });
  });

  it('says what to set when there is no URL or a variable is missing', () => {
    expect(prometheusOptionsFromEnv('prom', undefined, {})).toEqual({
      error: "no URL for Prometheus source 'prom': pass --source prom=http://prometheus:9090, set RUNPATH_SOURCE_PROM_URL, or give the source a url in the runbook",
    });
    expect(prometheusOptionsFromEnv('prom', '${PROMETHEUS_URL}', { PROMETHEUS_URL: '' })).toEqual({
      error: "the runbook's URL for source 'prom' uses ${PROMETHEUS_URL}, which is not set; set PROMETHEUS_URL, set RUNPATH_SOURCE_PROM_URL, or pass --source prom=http://prometheus:9090",
    });
  });

  it('refuses URLs that are not http(s) base URLs, without quoting them', () => {
    expect(prometheusOptionsFromEnv('prom', undefined, {}, 'prometheus:9090')).toEqual({
      error: "the URL for source 'prom' (from --source prom=…) uses prometheus:; use http:// or https://",
    });
    expect(prometheusOptionsFromEnv('prom', undefined, { RUNPATH_SOURCE_PROM_URL: 'not a url' })).toEqual({
      error: "the URL for source 'prom' (from RUNPATH_SOURCE_PROM_URL) is not a valid URL; write it like http://prometheus:9090 (with any path prefix)",
    });
    const withPassword = prometheusOptionsFromEnv('prom', 'http://ops:s3cret-pw@prom:9090', {});
    expect(withPassword).toEqual({
      error: "the URL for source 'prom' (from the runbook) has a user name or password in it; put them in RUNPATH_SOURCE_PROM_USERNAME and RUNPATH_SOURCE_PROM_PASSWORD instead",
    });
    expect(prometheusOptionsFromEnv('prom', 'http://prom:9090/?token=abc', {})).toMatchObject({ error: expect.stringContaining('has a query string or fragment') as unknown });
  });
});

describe('prometheusOptionsFromEnv: credentials and timeout', () => {
  const url = 'http://prom:9090';

  it('reads bearer or basic credentials from the environment only', () => {
    expect(prometheusOptionsFromEnv('prom', url, { RUNPATH_SOURCE_PROM_BEARER_TOKEN: 'tok' })).toEqual({ name: 'prom', url, auth: { bearer: 'tok' } });
    expect(prometheusOptionsFromEnv('prom', url, { RUNPATH_SOURCE_PROM_USERNAME: 'ops', RUNPATH_SOURCE_PROM_PASSWORD: 'pw' })).toEqual({
      name: 'prom',
      url,
      auth: { username: 'ops', password: 'pw' },
    });
    expect(prometheusOptionsFromEnv('prom', url, { RUNPATH_SOURCE_OTHER_BEARER_TOKEN: 'tok' })).toEqual({ name: 'prom', url });
  });

  it('refuses half or double credentials, naming the variables and never the values', () => {
    const both = prometheusOptionsFromEnv('prom', url, { RUNPATH_SOURCE_PROM_BEARER_TOKEN: 'tok-secret', RUNPATH_SOURCE_PROM_USERNAME: 'ops', RUNPATH_SOURCE_PROM_PASSWORD: 'pw-secret' });
    expect(both).toEqual({
      error: "source 'prom' has both RUNPATH_SOURCE_PROM_BEARER_TOKEN and RUNPATH_SOURCE_PROM_USERNAME/RUNPATH_SOURCE_PROM_PASSWORD set; keep one",
    });
    expect(prometheusOptionsFromEnv('prom', url, { RUNPATH_SOURCE_PROM_USERNAME: 'ops' })).toEqual({
      error: "source 'prom' has RUNPATH_SOURCE_PROM_USERNAME but no RUNPATH_SOURCE_PROM_PASSWORD; set both for basic auth",
    });
    expect(prometheusOptionsFromEnv('prom', url, { RUNPATH_SOURCE_PROM_PASSWORD: 'pw-secret' })).toEqual({
      error: "source 'prom' has RUNPATH_SOURCE_PROM_PASSWORD but no RUNPATH_SOURCE_PROM_USERNAME; set both for basic auth",
    });
  });

  it('takes a per-query timeout as a duration', () => {
    expect(prometheusOptionsFromEnv('prom', url, { RUNPATH_SOURCE_PROM_TIMEOUT: '1500ms' })).toEqual({ name: 'prom', url, timeoutMs: 1500 });
    expect(prometheusOptionsFromEnv('prom', url, { RUNPATH_SOURCE_PROM_TIMEOUT: '10' })).toEqual({
      error: "RUNPATH_SOURCE_PROM_TIMEOUT is '10'; write a duration above zero such as 5s, 1500ms or 1m",
    });
  });
});
