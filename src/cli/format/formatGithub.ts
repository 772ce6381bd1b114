import type { Problem } from '../../runbook/problem.js';
import { posixPath } from './posixPath.js';
import type { ValidateResult } from './validateResult.js';

// Escaping as in @actions/core's command.ts: data escapes %, CR, LF; properties also `:` and `,`,
// which would otherwise end the property list.
export function escapeData(s: string): string {
  return s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(s: string): string {
  return escapeData(s).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

/** GitHub Actions workflow commands: one `::error …::message` / `::warning …::message` line per problem, shown as annotations. */
export function formatGithub(result: ValidateResult): string {
  return result.problems.map((p) => command(p) + '\n').join('');
}

function command(p: Problem): string {
  const props: [string, string][] = [['file', posixPath(p.file)]];
  if (p.line >= 1) {
    props.push(['line', String(p.line)]);
    if (p.column >= 1) props.push(['col', String(p.column)]);
    if (p.endLine >= p.line) {
      props.push(['endLine', String(p.endLine)]);
      if (p.endColumn >= 1) props.push(['endColumn', String(p.endColumn)]);
    }
  }
  props.push(['title', p.rule]);
  const list = props.map(([k, v]) => `${k}=${escapeProperty(v)}`).join(',');
  return `::${p.severity} ${list}::${escapeData(p.message)}`;
}
