import type { Problem } from '../../runbook/problem.js';
import { ansi } from './ansi.js';
import { posixPath } from './posixPath.js';
import { sourceLines } from './sourceLines.js';
import { sourceSnippet } from './sourceSnippet.js';
import type { FormatOptions, ValidateResult } from './validateResult.js';
import { failsAt } from './validateResult.js';
import { xmlAttr, xmlText } from './xmlEscape.js';

/**
 * JUnit XML as GitLab and Jenkins render it: a testsuite per file and a testcase per problem, so each
 * problem is its own row; a clean file is one passing testcase. Problems at or above `--fail-on` are
 * `<failure>`s; those below it (warnings under the default) pass with the problem in `<system-out>`,
 * so the report agrees with the exit code.
 */
export function formatJunit(result: ValidateResult, options: Pick<FormatOptions, 'failOn'>): string {
  const byFile = new Map<string, Problem[]>();
  for (const file of result.texts.keys()) byFile.set(file, []);
  for (const p of result.problems) {
    const list = byFile.get(p.file);
    if (list) list.push(p);
    else byFile.set(p.file, [p]);
  }
  const lineOf = sourceLines(result.texts);
  const plain = ansi(false);
  const suites: string[] = [];
  let tests = 0;
  let failures = 0;
  for (const file of [...byFile.keys()].sort(byPath)) {
    const problems = byFile.get(file) ?? [];
    const classname = xmlAttr(classNameOf(file));
    const fileAttr = xmlAttr(posixPath(file));
    const cases: string[] = [];
    let suiteFailures = 0;
    for (const p of problems) {
      const details = [`${p.file}:${p.line}:${p.column}: ${p.severity}: ${p.message} [${p.rule}]`, ...sourceSnippet(lineOf(p.file, p.line), p, plain)].join('\n');
      const head = `    <testcase classname="${classname}" name="${xmlAttr(`${p.rule} at ${p.line}:${p.column}`)}" file="${fileAttr}" line="${p.line}" time="0">`;
      if (failsAt(p.severity, options.failOn)) {
        suiteFailures++;
        cases.push(`${head}\n      <failure type="${xmlAttr(p.rule)}" message="${xmlAttr(p.message)}">${xmlText(details)}</failure>\n    </testcase>`);
      } else {
        cases.push(`${head}\n      <system-out>${xmlText(details)}</system-out>\n    </testcase>`);
      }
    }
    if (problems.length === 0) cases.push(`    <testcase classname="${classname}" name="no problems" file="${fileAttr}" time="0"/>`);
    tests += cases.length;
    failures += suiteFailures;
    suites.push(`  <testsuite name="${fileAttr}" tests="${cases.length}" failures="${suiteFailures}" errors="0" skipped="0" time="0">\n${cases.join('\n')}\n  </testsuite>`);
  }
  const body = suites.length > 0 ? `\n${suites.join('\n')}\n` : '\n';
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="runpath validate" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">${body}</testsuites>\n`;
}

function byPath(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// Jenkins splits classname at dots into package and class; keep the path readable as one name.
function classNameOf(file: string): string {
  return posixPath(file).replace(/\.ya?ml$/i, '').replace(/\./g, '_');
}
