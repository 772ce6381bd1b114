import { describe, expect, it } from 'vitest';
import type { ApiProblem } from '../../src/web/api/apiTypes.js';
import { filterRunbooks } from '../../src/web/runbook/filterRunbooks.js';
import { outcomeLabel } from '../../src/web/runbook/outcomeLabel.js';
import { problemCounts, problemLocation, sortProblems } from '../../src/web/runbook/problemText.js';
import { safeLinkUrl } from '../../src/web/runbook/safeLinkUrl.js';

const runbooks = [
  { id: 'checkout-5xx', title: 'Checkout is returning 5xx errors', tags: ['checkout', 'errors'] },
  { id: 'kafka-consumer-lag', title: 'A Kafka consumer group is falling behind', tags: ['queue'] },
  { id: 'clock-skew', title: "A node's clock is skewed", summary: 'mentions kafka brokers' },
];

describe('filterRunbooks', () => {
  it('matches every word against title, id and tags, in any case, keeping the order', () => {
    expect(filterRunbooks(runbooks, '').map((r) => r.id)).toEqual(['checkout-5xx', 'kafka-consumer-lag', 'clock-skew']);
    expect(filterRunbooks(runbooks, 'KAFKA').map((r) => r.id)).toEqual(['kafka-consumer-lag']);
    expect(filterRunbooks(runbooks, 'queue').map((r) => r.id)).toEqual(['kafka-consumer-lag']);
    expect(filterRunbooks(runbooks, 'skew').map((r) => r.id)).toEqual(['clock-skew']);
    expect(filterRunbooks(runbooks, '5xx errors').map((r) => r.id)).toEqual(['checkout-5xx']);
    expect(filterRunbooks(runbooks, '5xx queue')).toEqual([]);
  });
  it('does not search the summary (the brief: title, id, tag)', () => {
    expect(filterRunbooks(runbooks, 'brokers')).toEqual([]);
  });
});

const problem = (severity: ApiProblem['severity'], line: number, rule = 'r'): ApiProblem => ({ file: 'runbooks/a.yaml', line, column: 3, severity, rule, message: 'm' });

describe('problem text', () => {
  it('points at file:line:col', () => {
    expect(problemLocation(problem('error', 52))).toBe('runbooks/a.yaml:52:3');
  });
  it('counts errors and warnings in words', () => {
    expect(problemCounts([])).toBe('');
    expect(problemCounts([problem('warning', 1)])).toBe('1 warning');
    expect(problemCounts([problem('error', 1), problem('warning', 2), problem('warning', 3)])).toBe('1 error, 2 warnings');
    expect(problemCounts([problem('error', 1), problem('error', 2)])).toBe('2 errors');
  });
  it('puts errors first, then by position', () => {
    const sorted = sortProblems([problem('warning', 1), problem('error', 9), problem('error', 4)]);
    expect(sorted.map((p) => `${p.severity}:${p.line}`)).toEqual(['error:4', 'error:9', 'warning:1']);
  });
});

describe('safeLinkUrl', () => {
  it('keeps http(s) and same-site paths and refuses anything a page should not follow', () => {
    expect(safeLinkUrl('https://grafana.example.com/d/abc')).toBe('https://grafana.example.com/d/abc');
    expect(safeLinkUrl(' http://x.example ')).toBe('http://x.example');
    expect(safeLinkUrl('/incidents')).toBe('/incidents');
    expect(safeLinkUrl('javascript:alert(1)')).toBeUndefined();
    expect(safeLinkUrl('//evil.example/x')).toBeUndefined();
    expect(safeLinkUrl('data:text/html,hi')).toBeUndefined();
  });
});

describe('outcomeLabel', () => {
  it('says every outcome in words', () => {
    expect(outcomeLabel('false_alarm')).toBe('false alarm');
    expect(outcomeLabel('escalate')).toBe('escalate');
  });
});
