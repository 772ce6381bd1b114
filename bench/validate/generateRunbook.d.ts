// Types for generateRunbook.js, for the tests in test/bench/.
import type { Runbook } from '../../src/runbook/types.js';

export interface GeneratedRunbook {
  /** File name, e.g. `rb-0001-checkout-error-ratio-0001.yaml`. */
  file: string;
  runbook: Runbook;
  text: string;
}

export function generateRunbook(index: number, seed: number): GeneratedRunbook;
