import type { Problem } from '../../runbook/problem.js';
import { ansi } from './ansi.js';
import type { Palette } from './ansi.js';
import { plural } from './plural.js';
import { sourceLines } from './sourceLines.js';
import { sourceSnippet } from './sourceSnippet.js';
import { terminalSafe } from './terminalSafe.js';
import type { FormatOptions, ValidateResult } from './validateResult.js';

/**
 * Human output: `file:line:col: severity: message [rule]`, the source line with a caret under the
 * problem, and a closing summary line.
 */
export function formatText(result: ValidateResult, options: Pick<FormatOptions, 'color'>): string {
  const paint = ansi(options.color);
  const lineOf = sourceLines(result.texts);
  const out: string[] = [];
  for (const p of result.problems) {
    const mark = p.severity === 'error' ? paint.red : paint.yellow;
    out.push(`${paint.bold(terminalSafe(`${p.file}:${p.line}:${p.column}:`))} ${mark(p.severity)}: ${terminalSafe(p.message, true)} ${paint.dim(`[${p.rule}]`)}`);
    out.push(...sourceSnippet(lineOf(p.file, p.line), p, paint, mark));
  }
  if (out.length > 0) out.push('');
  out.push(summary(result, paint));
  return out.join('\n') + '\n';
}

function summary(result: ValidateResult, paint: Palette): string {
  const { problems, files } = result;
  if (problems.length === 0) return paint.green(`✓ ${plural(files, 'file')} checked, no problems`);
  const errors = problems.filter((p: Problem) => p.severity === 'error').length;
  const counts = `✖ ${plural(problems.length, 'problem')} (${plural(errors, 'error')}, ${plural(problems.length - errors, 'warning')})`;
  const withProblems = new Set(problems.map((p) => p.file)).size;
  // A missing path is a problem in a file that was never checked, so "2 of 1 files" must not happen.
  const where = files === 0 ? ', no files checked' : withProblems > files ? ` in ${plural(withProblems, 'file')}, ${files} checked` : ` in ${withProblems} of ${plural(files, 'file')}`;
  const colour = errors > 0 ? paint.red : paint.yellow;
  return paint.bold(colour(counts + where));
}
