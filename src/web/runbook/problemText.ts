import type { ApiProblem } from '../api/apiTypes.js';

/** Where a problem is, as editors and `runpath validate` print it: `file:line:col`. */
export function problemLocation(problem: Pick<ApiProblem, 'file' | 'line' | 'column'>): string {
  return `${problem.file}:${problem.line}:${problem.column}`;
}

/** "2 errors, 1 warning"; "" for none (infos are not counted). */
export function problemCounts(problems: readonly Pick<ApiProblem, 'severity'>[]): string {
  const errors = problems.filter((p) => p.severity === 'error').length;
  const warnings = problems.filter((p) => p.severity === 'warning').length;
  const parts: string[] = [];
  if (errors > 0) parts.push(`${errors} ${errors === 1 ? 'error' : 'errors'}`);
  if (warnings > 0) parts.push(`${warnings} ${warnings === 1 ? 'warning' : 'warnings'}`);
  return parts.join(', ');
}

/** Errors first, then by file and position, so the reason a file was left out comes first. */
export function sortProblems<T extends ApiProblem>(problems: readonly T[]): T[] {
  const rank = { error: 0, warning: 1, info: 2 } as const;
  return [...problems].sort((a, b) => rank[a.severity] - rank[b.severity] || a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column);
}
