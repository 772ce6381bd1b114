import { describe, expect, it } from 'vitest';
import { loadTestFile } from '../../src/runbook/loadTestFile.js';

const VALID = `runbook: demo
interval: 1m
cases:
  - name: high
    checks:
      rate: [0.2, { values: "0.02x10" }, no_data, { series: [ { labels: { zone: a }, value: 1 }, { labels: { zone: b }, value: NaN } ] }]
      latency: { value: 0.9, baseline: 0.4 }
    answers: { deploy: "Yes" }
    actions: { rollback: skipped }
    expect: { path: [rate, deploy], end: done, outcome: resolved, ended_by: end }
`;

describe('loadTestFile', () => {
  it('accepts every documented visit form', () => {
    const r = loadTestFile(VALID, 't.test.yaml');
    expect(r.problems).toEqual([]);
    expect(r.value?.cases[0]?.checks?.rate).toHaveLength(4);
  });

  it('names the unknown key inside a simulated visit rather than a vague oneOf failure', () => {
    const r = loadTestFile(VALID.replace('{ value: 0.9, baseline: 0.4 }', '{ valeu: 0.9 }'), 't.test.yaml');
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toContain('7:18 unknown-key');
    expect(r.problems.find((p) => p.rule === 'unknown-key')?.message).toContain("did you mean 'value'?");
  });

  it('explains an unknown simulated status', () => {
    const r = loadTestFile(VALID.replace('no_data,', 'down,'), 't.test.yaml');
    expect(r.problems[0]?.message).toContain('must be a number, no_data, error, timeout');
  });

  it('requires cases to have a name and an expect block', () => {
    const r = loadTestFile('cases:\n  - checks: { a: 1 }\n', 't.test.yaml');
    expect(r.problems.map((p) => p.message)).toEqual([
      "cases[0] is missing required key 'name'; add it",
      "cases[0] is missing required key 'expect'; add it",
    ]);
  });
});
