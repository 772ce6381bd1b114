import type { Problem } from '../runbook/problem.js';

/** A validation problem as the API shows it: the fields of `runpath validate --format json`, nothing more. */
export interface ApiProblem {
  file: string;
  line: number;
  column: number;
  severity: Problem['severity'];
  rule: string;
  message: string;
}

/** Built key by key, so a field added to Problem never leaks into the API (endLine/endColumn stay out). */
export function apiProblem(p: Problem): ApiProblem {
  return { file: p.file, line: p.line, column: p.column, severity: p.severity, rule: p.rule, message: p.message };
}
