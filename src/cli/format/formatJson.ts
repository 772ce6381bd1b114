import type { ValidateResult } from './validateResult.js';

/**
 * Machine output, a stable contract other tools rely on: exactly
 * `{"files": n, "problems": [{"file","line","column","severity","rule","message"}]}`, 1-based positions.
 * Built key by key so a field added to `Problem` never leaks into it.
 */
export function formatJson(result: ValidateResult): string {
  const problems = result.problems.map((p) => ({ file: p.file, line: p.line, column: p.column, severity: p.severity, rule: p.rule, message: p.message }));
  return JSON.stringify({ files: result.files, problems }) + '\n';
}
