import type { Problem } from '../../runbook/problem.js';
import type { TestRunReport } from '../../engine/testRunReport.js';
import { ansi } from './ansi.js';
import { plural } from './plural.js';
import { terminalSafe } from './terminalSafe.js';

export interface TestReportOptions {
  color: boolean;
  /** Uncovered outlets fail the run (and say so). */
  requireCoverage: boolean;
}

const problemLine = (p: Problem): string => terminalSafe(`${p.file}:${p.line}:${p.column}: ${p.message} [${p.rule}]`);
const indent = (text: string, by: string): string[] => terminalSafe(text, true).split('\n').map((line) => by + line);

/**
 * Human output: per test file a ✓/✗ line per case with failures indented under it, then branch
 * coverage per runbook (`file:line:col: … is never taken`), and the closing `N passed, N failed`
 * line CI scripts read.
 */
export function testReportText(report: TestRunReport, options: TestReportOptions): string {
  const paint = ansi(options.color);
  const out: string[] = [];
  for (const p of report.problems) out.push(`${paint.red('✗')} ${problemLine(p)}`);
  if (report.problems.length > 0) out.push('');

  for (const file of report.files) {
    const target = file.runbook ? paint.dim(` → ${terminalSafe(file.runbook.id)}`) : '';
    out.push(paint.bold(terminalSafe(file.file)) + target);
    if (file.problems.length > 0) {
      out.push(`  ${paint.red('✗')} cannot run this file:`);
      for (const p of file.problems) out.push(`      ${problemLine(p)}`);
    }
    for (const c of file.cases) {
      if (c.passed) {
        out.push(`  ${paint.green('✓')} ${terminalSafe(c.name)}`);
        continue;
      }
      out.push(`  ${paint.red('✗')} ${terminalSafe(c.name)} ${paint.dim(terminalSafe(`(${c.file}:${c.line}:${c.column})`))}`);
      for (const failure of c.failures) out.push(...indent(failure, '      '));
    }
    if (file.problems.length === 0 && file.cases.length === 0) out.push(paint.dim('  (no case matches --run)'));
    out.push('');
  }

  const { totals } = report;
  if (report.coverage.length > 0) {
    out.push(paint.bold('branch coverage'));
    for (const c of report.coverage) {
      const counts = `${c.covered}/${c.outlets} outlets`;
      if (!c.tested) {
        out.push(terminalSafe(`${c.file}:1:1: runbook '${c.runbook}' has no test file; add one beside it (${counts})`));
        continue;
      }
      const mark = c.uncovered.length === 0 ? paint.green('✓') : options.requireCoverage ? paint.red('✗') : paint.yellow('!');
      out.push(`  ${mark} ${terminalSafe(c.runbook)}: ${counts}`);
      for (const o of c.uncovered) out.push(terminalSafe(`${o.file}:${o.line}:${o.column}: ${o.description} is never taken`));
    }
    out.push(`coverage: ${totals.covered}/${totals.outlets} outlets${totals.filtered > 0 ? ' (of the cases --run selected)' : ''}`);
    const missing = totals.outlets - totals.covered;
    if (options.requireCoverage && missing > 0) out.push(paint.red(`✗ --require-coverage: ${plural(missing, 'outlet')} never taken`));
    out.push('');
  }
  if (totals.filtered > 0) out.push(paint.dim(`${plural(totals.filtered, 'case')} left out by --run`));
  const last = `${totals.passed} passed, ${totals.failed} failed`;
  out.push(paint.bold(totals.failed > 0 ? paint.red(last) : paint.green(last)));
  return out.join('\n') + '\n';
}
