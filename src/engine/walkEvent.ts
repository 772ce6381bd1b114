import type { NodeType, Outcome, SeriesReduce } from '../runbook/types.js';
import type { EndedBy, WalkState } from './walkState.js';

/** A series as recorded in check.evaluated: `matched` says whether it satisfies the branch taken on its own. */
export interface EvaluatedSeries {
  labels: Record<string, string>;
  value: number;
  matched: boolean;
}

export type CheckFailure = 'no_data' | 'error' | 'timeout';

/**
 * Event drafts produced by the walk. The incident layer adds seq, id and time when it records them.
 * Discriminated on `type` (namespaced names, like the rest of the timeline).
 */
export type WalkEvent =
  | { type: 'step.entered'; data: { node: string; nodeType: NodeType; visit: number } }
  | {
      type: 'check.evaluated';
      data: {
        node: string;
        value: number;
        series: EvaluatedSeries[];
        branch: number | 'default';
        next: string;
        reduce: SeriesReduce;
      };
    }
  | { type: 'check.failed'; data: { node: string; status: CheckFailure; reason: string; next: string } }
  | { type: 'question.answered'; data: { node: string; label: string; next: string } }
  | { type: 'action.completed'; data: { node: string; next: string; mitigation: boolean; note?: string } }
  | { type: 'action.skipped'; data: { node: string; next: string; note?: string } }
  | { type: 'walk.ended'; data: { node: string | null; outcome: Outcome; by: EndedBy; handoff?: string } };

export type WalkEventType = WalkEvent['type'];

/** The result of startWalk/step: the new state and the events that explain how it was reached. */
export interface WalkTransition {
  state: WalkState;
  events: WalkEvent[];
}
