import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

/** A runbook around one check, `latency` (its node key on line 7), with the given extra line and branches. */
function runbook(compare: string, branches: string[]): string {
  return [
    'runpath: 1',
    'id: demo',
    'title: Demo',
    'sources: { prom: { type: prometheus } }',
    'start: latency',
    'nodes:',
    '  latency:',
    '    type: check',
    '    source: prom',
    '    query: histogram_quantile(0.99, sum by (le) (rate(http_request_duration_seconds_bucket[5m])))',
    ...(compare === '' ? [] : [`    ${compare}`]),
    '    branches:',
    ...branches.map((b) => `      - { when: ${b}, next: done }`),
    '    default: done',
    '    on_no_data: done',
    '    on_error: done',
    '  done: { type: end, outcome: resolved }',
    '',
  ].join('\n');
}

describe('change-without-compare', () => {
  it('reports each `change` of a check without `compare` at its value', () => {
    const problems = lintYaml(runbook('', ['{ op: gt, value: 2 }', '{ op: gt, change: 0.5 }', '{ op: lt, change: -0.5, for: 10m }']));
    expect(found(problems, 'change-without-compare')).toEqual(['13:35 error', '14:35 error']);
    expect(messages(problems, 'change-without-compare')[0]).toBe(
      "branch 2 (change gt 0.5) of check 'latency' can never match: `change` is relative to the `compare` baseline and the check has no `compare`; add `compare: { offset: 1d }` (or the offset of a known-good time) to the check, or compare the `value` instead");
  });

  it('accepts `change` when the check has `compare`', () => {
    expect(found(lintYaml(runbook('compare: { offset: 1d }', ['{ op: gt, change: 0.5 }'])), 'change-without-compare')).toEqual([]);
  });
});

describe('unused-compare', () => {
  it('warns at the `compare` key of a check no branch of which uses `change`', () => {
    const problems = lintYaml(runbook('compare: { offset: 1w }', ['{ op: gt, value: 2 }']));
    expect(found(problems, 'unused-compare')).toEqual(['11:5 warning']);
    expect(messages(problems, 'unused-compare')).toEqual([
      "check 'latency' has `compare` but no branch uses `change`, so every evaluation fetches a baseline (offset 1w) that nothing reads; remove `compare`, or add a branch on `change`",
    ]);
  });

  it('accepts `compare` read by any one branch, and a check without `compare`', () => {
    expect(found(lintYaml(runbook('compare: { offset: 1w }', ['{ op: gt, value: 2 }', '{ op: gt, change: 1 }'])), 'unused-compare')).toEqual([]);
    expect(found(lintYaml(runbook('', ['{ op: gt, value: 2 }'])), 'unused-compare')).toEqual([]);
  });
});
