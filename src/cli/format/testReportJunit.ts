import type { Problem } from '../../runbook/problem.js';
import type { TestRunReport } from '../../engine/testRunReport.js';
import { posixPath } from './posixPath.js';
import { xmlAttr, xmlText } from './xmlEscape.js';

interface JunitCase {
  classname: string;
  name: string;
  file?: string;
  line?: number;
  failure?: { type: string; message: string; text: string };
  out?: string;
}

const problemText = (p: Problem): string => `${p.file}:${p.line}:${p.column}: ${p.message} [${p.rule}]`;
// Jenkins splits classname at dots into package and class; keep the path readable as one name.
const classNameOf = (file: string): string => posixPath(file).replace(/\.ya?ml$/i, '').replace(/\./g, '_');

function testcase(c: JunitCase): string {
  const attrs = [`classname="${xmlAttr(c.classname)}"`, `name="${xmlAttr(c.name)}"`];
  if (c.file !== undefined) attrs.push(`file="${xmlAttr(posixPath(c.file))}"`);
  if (c.line !== undefined) attrs.push(`line="${c.line}"`);
  const head = `    <testcase ${attrs.join(' ')} time="0"`;
  const body: string[] = [];
  if (c.failure) body.push(`      <failure type="${xmlAttr(c.failure.type)}" message="${xmlAttr(c.failure.message)}">${xmlText(c.failure.text)}</failure>`);
  if (c.out !== undefined) body.push(`      <system-out>${xmlText(c.out)}</system-out>`);
  return body.length === 0 ? `${head}/>` : `${head}>\n${body.join('\n')}\n    </testcase>`;
}

function suite(name: string, cases: readonly JunitCase[]): string {
  const failures = cases.filter((c) => c.failure).length;
  return `  <testsuite name="${xmlAttr(name)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0" time="0">\n${cases.map(testcase).join('\n')}\n  </testsuite>`;
}

/**
 * JUnit XML: a testsuite per test file with a testcase per case; a file that cannot run is one
 * failing testcase; a `coverage` suite has a testcase per runbook that fails on uncovered outlets
 * only under --require-coverage, so the report agrees with the exit code.
 */
export function testReportJunit(report: TestRunReport, options: { requireCoverage: boolean }): string {
  const suites: { name: string; cases: JunitCase[] }[] = [];
  if (report.problems.length > 0) {
    suites.push({
      name: 'runpath test',
      cases: report.problems.map((p) => ({
        classname: 'runpath test',
        name: `${p.rule}: ${p.file}`,
        file: p.file,
        line: p.line,
        failure: { type: p.rule, message: p.message, text: problemText(p) },
      })),
    });
  }
  for (const f of report.files) {
    const classname = classNameOf(f.file);
    const cases: JunitCase[] = f.cases.map((c) => ({
      classname,
      name: c.name,
      file: c.file,
      line: c.line,
      ...(c.passed
        ? { out: `path: ${c.path.join(' → ')}` }
        : { failure: { type: 'test-failure', message: c.failures[0]?.split('\n')[0] ?? 'failed', text: c.failures.join('\n') } }),
    }));
    if (f.problems.length > 0) {
      const [first] = f.problems;
      cases.push({
        classname,
        name: 'load',
        file: f.file,
        failure: { type: first?.rule ?? 'error', message: first?.message ?? 'cannot run this file', text: f.problems.map(problemText).join('\n') },
      });
    }
    suites.push({ name: posixPath(f.file), cases });
  }
  if (report.coverage.length > 0) {
    suites.push({
      name: 'coverage',
      cases: report.coverage.map((c) => {
        const summary = `${c.covered}/${c.outlets} outlets${c.tested ? '' : ' (no test file)'}`;
        const text = [summary, ...c.uncovered.map((o) => `${o.file}:${o.line}:${o.column}: ${o.description} is never taken`)].join('\n');
        const base = { classname: 'coverage', name: c.runbook, file: c.file };
        return options.requireCoverage && c.uncovered.length > 0
          ? { ...base, failure: { type: 'uncovered', message: `${c.outlets - c.covered} of ${c.outlets} outlets never taken`, text } }
          : { ...base, out: text };
      }),
    });
  }
  const tests = suites.reduce((n, s) => n + s.cases.length, 0);
  const failures = suites.reduce((n, s) => n + s.cases.filter((c) => c.failure).length, 0);
  const body = suites.map((s) => suite(s.name, s.cases)).join('\n');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="runpath test" tests="${tests}" failures="${failures}" errors="0" skipped="0" time="0">\n${body}${body === '' ? '' : '\n'}</testsuites>\n`;
}
