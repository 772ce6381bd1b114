import type { SourceRange } from '../../runbook/problem.js';
import type { Palette } from './ansi.js';
import { terminalSafe } from './terminalSafe.js';

/**
 * The source line of `range` with a caret line under it, actionlint style:
 *
 *    |
 * 12 |     next: rolback
 *    |           ^~~~~~~
 *
 * The underline runs from `column` to `endColumn` when the range ends on the same line, to the end of
 * the line when it ends on a later one; it is always at least one `^`. Returns no lines when the line is not in the text.
 */
export function sourceSnippet(lineText: string | undefined, range: SourceRange, paint: Palette, mark: (s: string) => string = paint.red): string[] {
  if (lineText === undefined || range.line < 1 || range.column < 1) return [];
  const text = terminalSafe(lineText);
  const start = Math.min(range.column - 1, text.length);
  const end = range.endLine > range.line ? text.length : range.endLine === range.line ? Math.min(range.endColumn - 1, text.length) : start;
  const width = Math.max(1, end - start);
  // Keep tabs in the padding so the caret lands under the same character however the terminal expands them.
  const pad = text.slice(0, start).replace(/[^\t]/g, ' ');
  const number = String(range.line);
  const blank = ' '.repeat(number.length);
  const gutter = (label: string): string => paint.cyan(`${label} |`);
  return [gutter(blank), `${gutter(number)} ${text}`, `${gutter(blank)} ${pad}${mark('^' + '~'.repeat(width - 1))}`];
}
