import type { Outcome } from '../../../src/runbook/types.js';
import type { Series } from '../support/openMetrics.js';
import type { WalkScript } from '../support/walkScript.js';

/** What one check of the walk must have recorded, in the order the walk ran them. */
export interface ExpectedCheck {
  node: string;
  /** The branch taken (index or 'default'), for check.evaluated. */
  branch?: number | 'default';
  /** The failure, for check.failed. */
  failed?: 'no_data' | 'error' | 'timeout';
  /** A text the failure reason contains. */
  reason?: string;
  /** The recorded value: exact (to a relative 1e-9, for float sums) or within [low, high]. */
  value?: number | readonly [number, number];
  /** The recorded series keyed by one of their labels: the value of each, and which ones matched. */
  series?: { by: string; values?: Readonly<Record<string, number>>; matched: readonly string[] };
}

/**
 * One incident on one shipped runbook: the metrics as Prometheus would have scraped them around
 * `t0` (the first check), how the responder answers and acts, and what the walk must record.
 */
export interface Scenario {
  /** The runbook's file name in runbooks/, without .yaml. */
  runbook: string;
  name: string;
  inputs?: Readonly<Record<string, string>>;
  /** 'refused': the source points at a port nothing listens on (Prometheus down). */
  source?: 'prometheus' | 'refused';
  /** Every series the walk reads, generated at one sample a minute; ends at most 2 h after t0. */
  data(t0: number): Series[];
  script: WalkScript;
  expect: { path: readonly string[]; outcome: Outcome; checks: readonly ExpectedCheck[] };
}
