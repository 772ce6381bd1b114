// A problem found in a runbook or test file, pointing at a place in its source text.

export type Severity = 'error' | 'warning';

export interface SourceRange {
  /** 1-based line and column of the first character. */
  line: number;
  column: number;
  /** 1-based line and column just past the last character (same line as `line` for short spans). */
  endLine: number;
  endColumn: number;
}

export interface Problem extends SourceRange {
  file: string;
  severity: Severity;
  /** Stable rule id, kebab-case (e.g. `dangling-target`); tools and docs key on it. */
  rule: string;
  /** What is wrong and how to fix it. */
  message: string;
}

/** Problems are reported in file, then position order, so output is stable. */
export function compareProblems(a: Problem, b: Problem): number {
  if (a.file !== b.file) return a.file < b.file ? -1 : 1;
  return a.line - b.line || a.column - b.column || a.rule.localeCompare(b.rule);
}

/** A problem about a whole file (it cannot be read, is too large, holds nothing), placed at 1:1. */
export function fileProblem(file: string, rule: string, message: string, severity: Severity = 'error'): Problem {
  return { file, line: 1, column: 1, endLine: 1, endColumn: 1, severity, rule, message };
}
