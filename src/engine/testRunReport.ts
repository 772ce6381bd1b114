import type { Problem } from '../runbook/problem.js';
import type { OutletInfo } from './branchCoverage.js';
import type { TestCaseResult } from './runTestCase.js';

/** A case's result, with where it is written. */
export interface CaseReport extends TestCaseResult {
  file: string;
  runbook: string;
  line: number;
  column: number;
}

export interface TestFileReport {
  file: string;
  /** The runbook under test, when one was found. */
  runbook?: { id: string; file: string };
  /** Why the file could not run (its own errors, its runbook's, or a missing runbook); empty when it ran. */
  problems: Problem[];
  /** Cases that ran (after the --run filter). */
  cases: CaseReport[];
}

export interface UncoveredOutlet extends OutletInfo {
  file: string;
  line: number;
  column: number;
}

export interface RunbookCoverage {
  runbook: string;
  file: string;
  /** False for a runbook no test file targets. */
  tested: boolean;
  outlets: number;
  covered: number;
  uncovered: UncoveredOutlet[];
}

export interface TestTotals {
  passed: number;
  /** Failed cases plus test files that could not run plus run-level problems. */
  failed: number;
  /** Cases left out by the --run filter. */
  filtered: number;
  outlets: number;
  covered: number;
}

/** Everything `runpath test` found, handed to every output format. */
export interface TestRunReport {
  files: TestFileReport[];
  /** Problems that belong to no test file: a path that does not exist, no test files at all. */
  problems: Problem[];
  coverage: RunbookCoverage[];
  totals: TestTotals;
}
