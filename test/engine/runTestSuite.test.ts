import { describe, expect, it } from 'vitest';
import { runTestSuite, siblingRunbookFiles } from '../../src/engine/runTestSuite.js';
import { checkCatalog } from '../../src/runbook/checkCatalog.js';

const runbook = (id: string): string => `runpath: 1
id: ${id}
title: Probe
sources: { prom: { type: prometheus } }
start: probe
nodes:
  probe:
    type: check
    source: prom
    query: up
    branches:
      - when: { op: eq, value: 0 }
        next: down
    default: fine
    on_no_data: down
    on_error: down
  down: { type: end, outcome: escalate }
  fine: { type: end, outcome: false_alarm }
`;

const cases = (extra = ''): string => `${extra}cases:
  - name: down
    checks: { probe: 0 }
    expect: { end: down }
  - name: up
    checks: { probe: 1 }
    expect: { end: fine }
`;

describe('siblingRunbookFiles', () => {
  it('maps a test file to its .yaml then .yml sibling', () => {
    expect(siblingRunbookFiles('rb/a.test.yaml')).toEqual(['rb/a.yaml', 'rb/a.yml']);
    expect(siblingRunbookFiles('rb/a.test.yml')).toEqual(['rb/a.yaml', 'rb/a.yml']);
  });
});

describe('runTestSuite', () => {
  it('runs test files against sibling or named runbooks and sums coverage', () => {
    const catalog = checkCatalog([
      { file: 'rb/a.yaml', text: runbook('a') },
      { file: 'rb/a.test.yaml', text: cases() },
      { file: 'rb/b.yml', text: runbook('b') },
      { file: 'tests/b.test.yaml', text: cases('runbook: b\n') },
      { file: 'rb/c.yaml', text: runbook('c') },
    ]);
    const report = runTestSuite(catalog, { requested: new Set(['rb/a.yaml', 'rb/b.yml', 'rb/c.yaml']) });
    expect(report.files.map((f) => [f.file, f.runbook?.file, f.cases.map((c) => c.passed)])).toEqual([
      ['rb/a.test.yaml', 'rb/a.yaml', [true, true]],
      ['tests/b.test.yaml', 'rb/b.yml', [true, true]],
    ]);
    expect(report.coverage.map((c) => [c.runbook, c.tested, c.covered, c.outlets])).toEqual([
      ['a', true, 2, 4],
      ['b', true, 2, 4],
      ['c', false, 0, 4],
    ]);
    expect(report.totals).toEqual({ passed: 4, failed: 0, filtered: 0, outlets: 12, covered: 4 });
    expect(report.files[0]?.cases[1]).toMatchObject({ file: 'rb/a.test.yaml', runbook: 'a', line: 5, column: 5 });
  });

  it('does not list untested runbooks the caller did not ask for, nor under --run', () => {
    const catalog = checkCatalog([
      { file: 'rb/a.yaml', text: runbook('a') },
      { file: 'rb/a.test.yaml', text: cases() },
      { file: 'rb/c.yaml', text: runbook('c') },
    ]);
    expect(runTestSuite(catalog).coverage.map((c) => c.runbook)).toEqual(['a']);
    const filtered = runTestSuite(catalog, { run: /^up$/, requested: new Set(['rb/c.yaml']) });
    expect(filtered.coverage.map((c) => [c.runbook, c.covered])).toEqual([['a', 1]]);
    expect(filtered.totals.filtered).toBe(1);
  });

  it('counts caller problems and files that cannot run as failures', () => {
    const catalog = checkCatalog([{ file: 'rb/x.test.yaml', text: cases() }]);
    const problem = { file: 'nope', line: 1, column: 1, endLine: 1, endColumn: 1, severity: 'error' as const, rule: 'no-runbooks', message: 'missing' };
    const report = runTestSuite(catalog, { problems: [problem] });
    expect(report.files[0]?.problems.map((p) => p.rule)).toEqual(['runbook-not-found']);
    expect(report.problems).toEqual([problem]);
    expect(report.totals.failed).toBe(2);
  });

  it('refuses a runbook with a duplicate id only in the file that repeats it', () => {
    const catalog = checkCatalog([
      { file: 'rb/a.yaml', text: runbook('a') },
      { file: 'rb/a.test.yaml', text: cases() },
      { file: 'rb/z.yaml', text: runbook('a') },
      { file: 'rb/z.test.yaml', text: cases() },
    ]);
    const report = runTestSuite(catalog);
    expect(report.files[0]?.problems).toEqual([]);
    expect(report.files[1]?.problems.map((p) => p.rule)).toEqual(['runbook-has-errors', 'duplicate-id']);
  });
});
