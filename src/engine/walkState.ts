import type { Outcome } from '../runbook/types.js';

/** How a walk stopped: at an `end` node, or refused entry by a visit limit (or the path-length cap). */
export type EndedBy = 'end' | 'max_visits';

export interface WalkEnd {
  /** The end node reached, or the node a visit limit refused. */
  node: string | null;
  outcome: Outcome;
  by: EndedBy;
}

/** Where a walk stands. Plain data (JSON-safe) so it can be stored, replayed and sent to clients. */
export interface WalkState {
  runbookId: string;
  /** The node waiting for input; null once the walk ended. */
  current: string | null;
  /** Every node entered, in order. */
  path: string[];
  visits: Record<string, number>;
  inputs: Record<string, string>;
  ended?: WalkEnd;
}
