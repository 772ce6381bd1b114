import type { Problem } from '../../runbook/problem.js';
import type { TestRunReport } from '../../engine/testRunReport.js';

const problemJson = (p: Problem) => ({ file: p.file, line: p.line, column: p.column, severity: p.severity, rule: p.rule, message: p.message });

/**
 * One JSON object: files (with why a file could not run), cases, uncovered outlets, per-runbook
 * coverage and totals. Absent values are null so every key is always there.
 */
export function testReportJson(report: TestRunReport, options: { requireCoverage: boolean }): string {
  const json = {
    files: report.files.map((f) => ({
      file: f.file,
      runbook: f.runbook?.id ?? null,
      runbookFile: f.runbook?.file ?? null,
      status: f.problems.length > 0 ? 'error' : f.cases.every((c) => c.passed) ? 'passed' : 'failed',
      problems: f.problems.map(problemJson),
    })),
    cases: report.files.flatMap((f) =>
      f.cases.map((c) => ({
        file: c.file,
        line: c.line,
        runbook: c.runbook,
        name: c.name,
        status: c.passed ? 'passed' : 'failed',
        failures: c.failures,
        path: c.path,
        end: c.end ?? null,
        outcome: c.outcome ?? null,
        endedBy: c.by ?? null,
      })),
    ),
    uncovered: report.coverage.flatMap((c) =>
      c.uncovered.map((o) => ({
        file: o.file,
        line: o.line,
        column: o.column,
        runbook: c.runbook,
        node: o.node,
        outlet: o.outlet.kind,
        index: 'index' in o.outlet ? o.outlet.index : null,
        target: o.target,
        message: `${o.description} is never taken`,
      })),
    ),
    coverage: report.coverage.map((c) => ({ runbook: c.runbook, file: c.file, tested: c.tested, outlets: c.outlets, covered: c.covered })),
    problems: report.problems.map(problemJson),
    totals: { ...report.totals, requireCoverage: options.requireCoverage },
  };
  return JSON.stringify(json, null, 2) + '\n';
}
