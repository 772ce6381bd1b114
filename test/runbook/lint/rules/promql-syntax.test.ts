import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

function runbook(query: string, sourceType = 'prometheus'): string {
  return [
    'runpath: 1',
    'id: demo',
    'title: Demo',
    'inputs:',
    '  service: { default: checkout }',
    '  window: { default: 10m }',
    `sources: { prom: { type: ${sourceType} } }`,
    'start: errors',
    'nodes:',
    '  errors:',
    '    type: check',
    '    source: prom',
    `    query: ${query}`,
    '    branches: [{ when: { op: gt, value: 0.05 }, next: done }]',
    '    default: done',
    '    on_no_data: done',
    '    on_error: done',
    '  done: { type: end, outcome: resolved }',
    '',
  ].join('\n');
}

describe('promql-syntax', () => {
  it('reports at the exact position inside a one-line query', () => {
    const problems = lintYaml(runbook('sum(rate(http_requests_total{code=~"5.."}[5m]) /'));
    expect(found(problems, 'promql-syntax')).toEqual(['13:15 error']);
    expect(messages(problems, 'promql-syntax')).toEqual([
      "PromQL syntax error in the query of check 'errors': this `(` is never closed; add the matching `)`",
    ]);
  });

  it('reports on the right line of a folded multi-line query', () => {
    const problems = lintYaml(runbook('>-\n      sum(rate(http_requests_total{service="{{ inputs.service }}"}[5m]))\n        / sum(rate(http_requests_total{code=~"5.."}[5m]) by (code))'));
    // `by` on line 15, column 58: inside the parentheses of `sum(`.
    expect(found(problems, 'promql-syntax')).toEqual(['15:58 error']);
  });

  it('checks queries with placeholders, using the default for a range and x for strings', () => {
    const ok = lintYaml(runbook('\'sum(rate(http_requests_total{service="{{ inputs.service }}"}[{{ inputs.window }}]))\''));
    expect(found(ok, 'promql-syntax')).toEqual([]);
    const bad = lintYaml(runbook('\'rate(http_requests_total{service="{{ inputs.service }}"}[{{ inputs.window }}] +\''));
    expect(messages(bad, 'promql-syntax')).toEqual(["PromQL syntax error in the query of check 'errors': this `(` is never closed; add the matching `)`"]);
  });

  it('says what stand-in a placeholder was checked as when the error touches it', () => {
    const problems = lintYaml(runbook('\'{{ inputs.service }}(up)\''));
    expect(messages(problems, 'promql-syntax')).toEqual([
      "PromQL syntax error in the query of check 'errors': `checkout` is not a PromQL function; check its spelling (checked with `{{ inputs.service }}` as `checkout`)",
    ]);
    expect(found(problems, 'promql-syntax')).toEqual(['13:13 error']);
  });

  it('does not parse queries of other source types', () => {
    expect(found(lintYaml(runbook('checkout error ratio', 'fixture')), 'promql-syntax')).toEqual([]);
  });

  it('accepts valid PromQL', () => {
    expect(found(lintYaml(runbook('histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))')), 'promql-syntax')).toEqual([]);
  });
});
