// Hand-made results for the formatter tests: one file with an error and a warning, one clean file.
import type { Problem } from '../../../src/runbook/problem.js';
import type { FormatOptions, ValidateResult } from '../../../src/cli/format/validateResult.js';

export const CHECKOUT = 'runbooks/checkout.yaml';
export const CLEAN = 'runbooks/clean.yaml';

export const CHECKOUT_TEXT = [
  'runpath: 1',
  'id: checkout',
  'start: error-rate',
  'nodes:',
  '  error-rate:',
  '    type: action',
  '    next: rolback',
  '  orphan:',
  '    type: end',
  '',
].join('\n');

export const DANGLING: Problem = {
  file: CHECKOUT, line: 7, column: 11, endLine: 7, endColumn: 18, severity: 'error', rule: 'dangling-target',
  message: "next 'rolback' names no node; did you mean 'orphan'?",
};

export const UNREACHABLE: Problem = {
  file: CHECKOUT, line: 8, column: 3, endLine: 8, endColumn: 9, severity: 'warning', rule: 'unreachable-node',
  message: "node 'orphan' is unreachable from 'start'; link to it or remove it",
};

export function sampleResult(problems: Problem[] = [DANGLING, UNREACHABLE]): ValidateResult {
  return { files: 2, problems, texts: new Map([[CHECKOUT, CHECKOUT_TEXT], [CLEAN, 'runpath: 1\nid: clean\n']]) };
}

export const OPTIONS: FormatOptions = {
  color: false,
  failOn: 'error',
  tool: { name: 'runpath', version: '0.1.0', informationUri: 'https://example.invalid/runpath' },
  rules: {
    'dangling-target': { severity: 'error', description: 'A target names no node.', help: 'Point it at an existing node id.' },
  },
};
