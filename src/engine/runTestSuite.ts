import type { Catalog, CatalogEntry } from '../runbook/checkCatalog.js';
import type { Problem } from '../runbook/problem.js';
import type { RunbookTestFile } from '../runbook/testFileTypes.js';
import type { Runbook } from '../runbook/types.js';
import { coverage } from './branchCoverage.js';
import { runTestCase } from './runTestCase.js';
import type { CaseReport, RunbookCoverage, TestFileReport, TestRunReport } from './testRunReport.js';

export interface TestSuiteOptions {
  /** Only cases whose name matches run. */
  run?: RegExp;
  /** Runbook files the user asked for: those without any test file are listed as untested. */
  requested?: ReadonlySet<string>;
  /** Problems the caller found before running (a path that does not exist…); each fails the run. */
  problems?: readonly Problem[];
}

const hasErrors = (entry: CatalogEntry<unknown>): boolean => entry.problems.some((p) => p.severity === 'error');

/** The files `dir/x.test.yaml` defaults to: `dir/x.yaml`, then `dir/x.yml`. */
export function siblingRunbookFiles(testFile: string): string[] {
  const base = testFile.replace(/\.test\.ya?ml$/i, '');
  return [`${base}.yaml`, `${base}.yml`];
}

function problemAt(entry: CatalogEntry<RunbookTestFile>, rule: string, message: string): Problem {
  const at = entry.value?.runbook !== undefined ? entry.map.locate(['runbook']) : { line: 1, column: 1, endLine: 1, endColumn: 1 };
  return { file: entry.file, ...at, severity: 'error', rule, message };
}

type Resolved = { entry: CatalogEntry<Runbook> } | { problem: Problem };

function resolveRunbook(test: CatalogEntry<RunbookTestFile>, runbooks: readonly CatalogEntry<Runbook>[]): Resolved {
  const id = test.value?.runbook;
  if (id !== undefined) {
    const entry = runbooks.filter((r) => r.value?.id === id).sort((a, b) => (a.file < b.file ? -1 : 1))[0];
    if (entry) return { entry };
    return { problem: problemAt(test, 'runbook-not-found', `no runbook has id '${id}'; fix runbook: or pass the folder that holds it (runpath test <folder>)`) };
  }
  const siblings = siblingRunbookFiles(test.file);
  const entry = runbooks.find((r) => siblings.includes(r.file));
  if (entry) return { entry };
  return {
    problem: problemAt(test, 'runbook-not-found', `no runbook to test: ${siblings[0] ?? ''} does not exist; put the runbook beside its test file or name it with runbook: <id>`),
  };
}

function runFile(test: CatalogEntry<RunbookTestFile>, runbooks: readonly CatalogEntry<Runbook>[], options: TestSuiteOptions, filtered: { count: number }): TestFileReport {
  const report: TestFileReport = { file: test.file, problems: [], cases: [] };
  if (!test.value || hasErrors(test)) {
    report.problems = test.problems.filter((p) => p.severity === 'error');
    return report;
  }
  const resolved = resolveRunbook(test, runbooks);
  if ('problem' in resolved) {
    report.problems = [resolved.problem];
    return report;
  }
  const { entry } = resolved;
  const runbook = entry.value;
  if (!runbook || hasErrors(entry)) {
    report.problems = [
      problemAt(test, 'runbook-has-errors', `the runbook under test, ${entry.file}, has errors; fix them first (runpath validate ${entry.file} lists them too)`),
      ...entry.problems.filter((p) => p.severity === 'error'),
    ];
    return report;
  }
  report.runbook = { id: runbook.id, file: entry.file };
  test.value.cases.forEach((testCase, index) => {
    if (options.run && !options.run.test(testCase.name)) {
      filtered.count++;
      return;
    }
    const at = test.map.locate(['cases', index]);
    const result = runTestCase(runbook, test.value ?? { cases: [] }, testCase);
    const caseReport: CaseReport = { file: test.file, runbook: runbook.id, line: at.line, column: at.column, ...result };
    report.cases.push(caseReport);
  });
  return report;
}

function runbookCoverage(entry: CatalogEntry<Runbook>, runbook: Runbook, cases: readonly CaseReport[], tested: boolean): RunbookCoverage {
  const report = coverage(runbook, cases);
  return {
    runbook: runbook.id,
    file: entry.file,
    tested,
    outlets: report.outlets,
    covered: report.covered,
    uncovered: report.uncovered.map((outlet) => {
      const last = outlet.docPath[outlet.docPath.length - 1];
      const at = entry.map.locate(outlet.docPath, typeof last === 'number' ? 'value' : 'key');
      return { ...outlet, file: entry.file, line: at.line, column: at.column };
    }),
  };
}

/**
 * Runs every test file of a checked catalog against its runbook (`runbook:` id, else the sibling
 * `<name>.yaml`) and measures branch coverage per runbook. Pure: the caller reads the files.
 */
export function runTestSuite(catalog: Catalog, options: TestSuiteOptions = {}): TestRunReport {
  const filtered = { count: 0 };
  const tests = [...catalog.tests].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  const files = tests.map((test) => runFile(test, catalog.runbooks, options, filtered));

  const casesByRunbook = new Map<string, CaseReport[]>();
  for (const file of files) {
    if (!file.runbook || file.cases.length === 0) continue;
    const list = casesByRunbook.get(file.runbook.file) ?? [];
    list.push(...file.cases);
    casesByRunbook.set(file.runbook.file, list);
  }
  // A test file that could not load still targets its sibling: that runbook is not "untested".
  const targeted = new Set(files.flatMap((f) => [...(f.runbook ? [f.runbook.file] : []), ...siblingRunbookFiles(f.file)]));
  const coverageReports: RunbookCoverage[] = [];
  for (const entry of [...catalog.runbooks].sort((a, b) => (a.file < b.file ? -1 : 1))) {
    if (!entry.value || hasErrors(entry)) continue;
    const cases = casesByRunbook.get(entry.file);
    if (cases) coverageReports.push(runbookCoverage(entry, entry.value, cases, true));
    else if (!options.run && !targeted.has(entry.file) && options.requested?.has(entry.file)) {
      coverageReports.push(runbookCoverage(entry, entry.value, [], false));
    }
  }

  const cases = files.flatMap((f) => f.cases);
  const passed = cases.filter((c) => c.passed).length;
  const problems = [...(options.problems ?? [])];
  const failed = cases.length - passed + files.filter((f) => f.problems.length > 0).length + problems.length;
  return {
    files,
    problems,
    coverage: coverageReports,
    totals: {
      passed,
      failed,
      filtered: filtered.count,
      outlets: coverageReports.reduce((n, c) => n + c.outlets, 0),
      covered: coverageReports.reduce((n, c) => n + c.covered, 0),
    },
  };
}
