// The model of a runbook test file (`<runbook>.test.yaml`), as described by
// schemas/runbook-test.schema.json. In the spirit of `promtool test rules`: each case feeds
// values to checks and answers to questions, then asserts the path walked and the end reached.

/** One series of a simulated result: labels plus an instant value or a sample list. */
export interface SimulatedSeries {
  labels?: Record<string, string>;
  /** The instant value (the newest sample). */
  value?: number | 'NaN' | '+Inf' | '-Inf';
  /** Samples in promtool's expanding notation, oldest first, one per `interval`: '0+10x5', '1 2 _ 3', '5x3'. */
  values?: string;
  /** The value of the same series at the check's `compare.offset`. */
  baseline?: number | 'NaN' | '+Inf' | '-Inf';
}

/** What a check sees on one visit. A bare number is `{ value: n }`. */
import type { Outcome } from './types.js';

export type SimulatedVisit =
  | number
  | 'no_data'
  | 'error'
  | 'timeout'
  | (SimulatedSeries & { series?: SimulatedSeries[]; reason?: string });

/** One visit's value, or a list of them for a check the walk enters several times (in order). */
export type SimulatedCheck = SimulatedVisit | SimulatedVisit[];

export type ActionResult = 'done' | 'skipped';

export interface TestExpectation {
  /** Every node entered, in order, from `start` to the end. */
  path?: string[];
  /** Id of the end node reached. */
  end?: string;
  outcome?: Outcome;
  /** How the walk stopped: at an end node, or because a node's `max_visits` was exceeded. */
  ended_by?: 'end' | 'max_visits';
}

export interface TestCase {
  name: string;
  inputs?: Record<string, string>;
  /** Alert labels available to templates as `{{ labels.x }}`. */
  labels?: Record<string, string>;
  checks?: Record<string, SimulatedCheck>;
  answers?: Record<string, string | string[]>;
  actions?: Record<string, ActionResult | ActionResult[]>;
  expect: TestExpectation;
}

export interface RunbookTestFile {
  /** Runbook id under test; defaults to the runbook in the sibling file `<name>.yaml`. */
  runbook?: string;
  /** Spacing of samples given with `values` (a Prometheus duration). Default 1m. */
  interval?: string;
  inputs?: Record<string, string>;
  cases: TestCase[];
}
