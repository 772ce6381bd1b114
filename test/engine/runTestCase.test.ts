import { describe, expect, it } from 'vitest';
import { runTestCase } from '../../src/engine/runTestCase.js';
import type { RunbookTestFile, TestCase } from '../../src/runbook/testFileTypes.js';
import type { Runbook } from '../../src/runbook/types.js';
import { checkout } from '../fixtures/engine/runbooks.js';

const file: RunbookTestFile = { cases: [] };
const run = (testCase: Omit<TestCase, 'name'>, runbook: Runbook = checkout, testFile: RunbookTestFile = file) =>
  runTestCase(runbook, testFile, { name: 'case', ...testCase });

describe('runTestCase', () => {
  it('passes when the walk matches the expected path, end and outcome', () => {
    const result = run({
      checks: { 'error-rate': [0.2, 0] },
      answers: { 'recent-deploy': 'Yes' },
      actions: { rollback: 'done' },
      expect: { path: ['error-rate', 'recent-deploy', 'rollback', 'error-rate', 'resolved'], end: 'resolved', outcome: 'resolved', ended_by: 'end' },
    });
    expect(result).toEqual({
      name: 'case',
      passed: true,
      failures: [],
      path: ['error-rate', 'recent-deploy', 'rollback', 'error-rate', 'resolved'],
      end: 'resolved',
      outcome: 'resolved',
      by: 'end',
      taken: [
        { node: 'error-rate', outlet: { kind: 'branch', index: 0 } },
        { node: 'recent-deploy', outlet: { kind: 'answer', index: 0 } },
        { node: 'rollback', outlet: { kind: 'done' } },
        { node: 'error-rate', outlet: { kind: 'default' } },
      ],
    });
  });

  it('treats an action without an entry as done', () => {
    const result = run({ checks: { 'error-rate': [0.2, 0] }, answers: { 'recent-deploy': 'Yes' }, expect: { end: 'resolved' } });
    expect(result.passed).toBe(true);
  });

  it('consumes action lists per visit, done once they run out', () => {
    const result = run({
      checks: { 'error-rate': [0.2, 0.2, 0] },
      answers: { 'recent-deploy': ['Yes', 'Yes'] },
      actions: { rollback: ['done'] },
      expect: { end: 'resolved' },
    });
    expect(result.failures).toEqual([]);
    expect(run({ checks: { 'error-rate': 0.2 }, answers: { 'recent-deploy': 'Yes' }, actions: { rollback: 'skipped' }, expect: { end: 'dependencies' } }).passed).toBe(true);
  });

  it('reports a path mismatch with both paths and where they diverge', () => {
    const result = run({ checks: { 'error-rate': 0.2 }, answers: { 'recent-deploy': 'No' }, expect: { path: ['error-rate', 'recent-deploy', 'rollback'] } });
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual([
      [
        "path differs at step 3: expected 'rollback', got 'dependencies'",
        '  expected: error-rate → recent-deploy → rollback',
        '  actual:   error-rate → recent-deploy → dependencies',
      ].join('\n'),
    ]);
  });

  it('reports a wrong end, outcome and ended_by', () => {
    const result = run({ checks: { 'error-rate': 0 }, expect: { end: 'dependencies', outcome: 'escalate', ended_by: 'max_visits' } });
    expect(result.failures).toEqual([
      "expected the walk to end at 'dependencies' but it ended at 'resolved' (outcome resolved, by end)",
      "expected outcome 'escalate' but the walk ended at 'resolved' (outcome resolved, by end)",
      "expected the walk to end by max_visits but it ended at 'resolved' (outcome resolved, by end)",
    ]);
  });

  it('says when an expected end names no node', () => {
    const result = run({ checks: { 'error-rate': 0 }, expect: { end: 'resolve' } });
    expect(result.failures[0]).toBe("expected the walk to end at 'resolve' (the runbook has no node 'resolve' (did you mean 'resolved'?)) but it ended at 'resolved' (outcome resolved, by end)");
  });

  it('asserts max_visits endings', () => {
    const result = run({
      checks: { 'error-rate': [0.2, 0.2, 0.2] },
      answers: { 'recent-deploy': ['Yes', 'Yes', 'Yes'] },
      expect: { ended_by: 'max_visits', end: 'rollback', outcome: 'escalate' },
    });
    expect(result.failures).toEqual([]);
    expect(result.by).toBe('max_visits');
    expect(result.path.filter((n) => n === 'rollback')).toHaveLength(2);
  });

  it('fails a case that asserts nothing', () => {
    const result = run({ checks: { 'error-rate': 0 }, expect: {} });
    expect(result.passed).toBe(false);
    expect(result.failures).toEqual(['the case asserts nothing; add expect.path, expect.end, expect.outcome or expect.ended_by']);
  });

  it('stops when a check is entered with no value for it', () => {
    const result = run({ expect: { end: 'resolved' } });
    expect(result.failures).toEqual([
      "check 'error-rate' was entered but the case gives no value for it; add checks.error-rate (a number, no_data, error, timeout, or { value | values | series })\n  the walk stopped at 'error-rate'; path so far: error-rate",
    ]);
    expect(result.path).toEqual(['error-rate']);
    expect(result.end).toBeUndefined();
  });

  it('stops when a check is entered more often than it has values', () => {
    const result = run({ checks: { 'error-rate': 0.2 }, answers: { 'recent-deploy': 'Yes' }, expect: { end: 'resolved' } });
    expect(result.failures[0]).toMatch(/^check 'error-rate' was entered a 2nd time but the case gives 1 value; add one to checks.error-rate\n/);
    expect(result.failures[0]).toContain('path so far: error-rate → recent-deploy → rollback → error-rate');
    expect(result.failures).toHaveLength(1);
  });

  it('stops when a question has no answer, or no answer left', () => {
    expect(run({ checks: { 'error-rate': 0.2 }, expect: { end: 'resolved' } }).failures[0]).toMatch(
      /^question 'recent-deploy' was reached but the case gives no answer; add answers.recent-deploy: one of 'Yes', 'No'\n/,
    );
    expect(run({ checks: { 'error-rate': [0.2, 0.2] }, answers: { 'recent-deploy': ['Yes'] }, expect: { end: 'resolved' } }).failures[0]).toMatch(
      /^question 'recent-deploy' was reached a 2nd time but the case gives 1 answer; add one to answers.recent-deploy \(one of 'Yes', 'No'\)\n/,
    );
  });

  it('names the valid labels for an answer that does not exist', () => {
    const result = run({ checks: { 'error-rate': 0.2 }, answers: { 'recent-deploy': 'yes' }, expect: { end: 'resolved' } });
    expect(result.failures[0]).toMatch(/^answers.recent-deploy: 'yes' is not an answer of question 'recent-deploy' \(did you mean 'Yes'\?\); use one of 'Yes', 'No'\n/);
  });

  it('reports keys that name no node, or a node of another type', () => {
    const result = run({
      checks: { 'error-rate': 0, 'eror-rate': 1, 'recent-deploy': 2 },
      answers: { rollback: 'Yes', resolved: 'x' },
      actions: { nope: 'done' },
      expect: { end: 'resolved' },
    });
    expect(result.failures).toEqual([
      "checks.eror-rate: runbook 'checkout-5xx' has no node 'eror-rate' (did you mean 'error-rate'?); its check nodes are 'error-rate'",
      "checks.recent-deploy: 'recent-deploy' is a question, not a check; give its input under answers.recent-deploy",
      "answers.rollback: 'rollback' is an action, not a question; give its input under actions.rollback",
      "answers.resolved: 'resolved' is an end node, not a question; an end node takes no input; remove it",
      "actions.nope: runbook 'checkout-5xx' has no node 'nope'; its action nodes are 'rollback'",
    ]);
  });

  it('reports a bad simulated value at its place', () => {
    const result = run({ checks: { 'error-rate': [{ values: '1,2' }] }, expect: { end: 'resolved' } });
    expect(result.failures[0]).toMatch(/^checks.error-rate\[0\]: '1,2' is not in promtool's series notation/);
  });

  it('follows simulated no_data, error and timeout', () => {
    const failed = (visit: 'no_data' | 'error' | 'timeout') =>
      run({ checks: { 'error-rate': visit }, answers: { 'ask-dashboard': 'Errors normal' }, expect: { path: ['error-rate', 'ask-dashboard', 'resolved'] } });
    expect(failed('no_data').taken[0]).toEqual({ node: 'error-rate', outlet: { kind: 'on_no_data' } });
    expect(failed('error').taken[0]).toEqual({ node: 'error-rate', outlet: { kind: 'on_error' } });
    expect(failed('timeout').passed).toBe(true);
  });

  it('spaces values by the file interval for for windows', () => {
    // 11 samples a minute apart cover 10m; at interval 30s they cover only 5m.
    const sustained = { checks: { 'error-rate': { values: '0.02x10' } }, expect: { end: 'dependencies' } };
    expect(run(sustained).passed).toBe(true);
    const halfSpaced = run(sustained, checkout, { ...file, interval: '30s' });
    expect(halfSpaced.end).toBe('resolved');
    expect(halfSpaced.passed).toBe(false);
  });

  it('reports a bad interval', () => {
    expect(run({ checks: { 'error-rate': 0 }, expect: { end: 'resolved' } }, checkout, { ...file, interval: '0s' }).failures).toEqual([
      'interval: interval must be longer than 0; e.g. interval: 1m',
    ]);
  });

  it('resolves inputs: runbook defaults < file inputs < case inputs', () => {
    const strict: Runbook = { ...checkout, inputs: { service: { default: 'checkout', pattern: 'checkout|cart' }, zone: { pattern: '[a-z]+' } } };
    const base = { checks: { 'error-rate': 0 }, expect: { end: 'resolved' } };
    expect(run(base, strict).failures).toEqual(["input 'zone' has no value and no default; give it when starting the walk (or add a default to the runbook)"]);
    expect(run(base, strict, { cases: [], inputs: { zone: 'eu' } }).passed).toBe(true);
    expect(run({ ...base, inputs: { service: 'payments' } }, strict, { cases: [], inputs: { zone: 'eu' } }).failures[0]).toContain(
      "input 'service' is 'payments', which does not match its pattern checkout|cart",
    );
    expect(run({ ...base, inputs: { zone: 'EU' } }, strict, { cases: [], inputs: { zone: 'eu' } }).failures[0]).toContain("input 'zone' is 'EU'");
  });
});
