import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { benchRunbook, QUERY_TEMPLATE, renderedQuery } from '../../../bench/checks/benchData.js';
import { requestsFor } from '../../../bench/checks/queryCounter.js';
import { renderQuery } from '../../../src/engine/renderQuery.js';
import { checkCatalog } from '../../../src/runbook/checkCatalog.js';

describe('bench/checks data', () => {
  it('its runbook is valid and lint-clean', () => {
    const catalog = checkCatalog([{ file: 'bench-checks.yaml', text: stringify(benchRunbook()) }]);
    expect(catalog.problems).toEqual([]);
    expect(catalog.runbooks[0]?.value?.nodes['error-ratio']).toMatchObject({ query: QUERY_TEMPLATE });
  });

  it('the raw baseline sends exactly the query the walk renders', () => {
    expect(renderedQuery('checkout')).toBe(renderQuery(QUERY_TEMPLATE, { inputs: { service: 'checkout' }, labels: {} }));
    expect(renderedQuery('checkout')).not.toContain('{{');
  });
});

describe('bench/checks requestsFor', () => {
  it('sums one handler\'s request counter over status codes, from /metrics text', () => {
    const text = [
      '# HELP prometheus_http_requests_total Counter of HTTP requests.',
      '# TYPE prometheus_http_requests_total counter',
      'prometheus_http_requests_total{code="200",handler="/api/v1/query"} 41',
      'prometheus_http_requests_total{code="400",handler="/api/v1/query"} 2',
      'prometheus_http_requests_total{code="200",handler="/api/v1/query_range"} 7',
      'prometheus_http_requests_total{code="200",handler="/metrics"} 3',
      'prometheus_http_request_duration_seconds_count{handler="/api/v1/query"} 43',
    ].join('\n');
    expect(requestsFor(text, '/api/v1/query')).toBe(43);
    expect(requestsFor(text, '/api/v1/query_range')).toBe(7);
    expect(requestsFor(text, '/api/v1/series')).toBe(0);
  });
});
