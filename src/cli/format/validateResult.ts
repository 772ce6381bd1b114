import type { Problem, Severity } from '../../runbook/problem.js';

/** What `runpath validate` found, handed to every output format. */
export interface ValidateResult {
  /** How many files were checked. */
  files: number;
  /** Every problem to report, sorted with `compareProblems`. */
  problems: readonly Problem[];
  /** Source text of each checked file, keyed by the same `file` the problems use (for carets and clean-file listings). */
  texts: ReadonlyMap<string, string>;
}

/** Per-rule help, as `RULES` in `src/runbook/lint/ruleCatalog.ts` gives it. */
export interface RuleInfo {
  severity: Severity;
  description: string;
  help: string;
}

export interface FormatOptions {
  /** ANSI colours (text format only). */
  color: boolean;
  /** The lowest severity that fails the run; formats with a pass/fail notion (junit) follow it. */
  failOn: Severity;
  /** Tool identity for formats that carry it (sarif). */
  tool: { name: string; version: string; informationUri?: string };
  /** Rule descriptions for formats that list rules (sarif); missing ids fall back to the id. */
  rules: Readonly<Partial<Record<string, RuleInfo>>>;
}

export type Formatter = (result: ValidateResult, options: FormatOptions) => string;

/** True when `severity` is at or above `failOn`: such a problem fails the run. */
export function failsAt(severity: Severity, failOn: Severity): boolean {
  return failOn === 'warning' || severity === 'error';
}
