import { loadRunbook } from '../../../src/runbook/loadRunbook.js';
import { lintRunbook } from '../../../src/runbook/lint/lintRunbook.js';
import type { Problem } from '../../../src/runbook/problem.js';

/** Strips the indentation common to all lines, so YAML can be written indented inside a test. */
export function dedent(text: string): string {
  const lines = text.replace(/^\n/, '').split('\n');
  const indent = Math.min(...lines.filter((l) => l.trim() !== '').map((l) => /^ */.exec(l)?.[0].length ?? 0));
  return lines.map((l) => l.slice(indent)).join('\n');
}

/** Loads runbook YAML with the real loader (so positions are real) and lints it. */
export function lintYaml(text: string, file = 'runbook.yaml'): Problem[] {
  const loaded = loadRunbook(dedent(text), file);
  if (loaded.value === undefined) {
    throw new Error(`fixture does not load: ${loaded.problems.map((p) => `${p.line}:${p.column} ${p.message}`).join('; ')}`);
  }
  return lintRunbook(loaded.value, loaded.map, file);
}

/** `line:column severity rule` of each problem of `rule`, for compact exact assertions. */
export function found(problems: Problem[], rule: string): string[] {
  return problems.filter((p) => p.rule === rule).map((p) => `${p.line}:${p.column} ${p.severity}`);
}

export function messages(problems: Problem[], rule: string): string[] {
  return problems.filter((p) => p.rule === rule).map((p) => p.message);
}
