import type { CheckObservation } from '../engine/walkInput.js';
import type { CheckNode, SourceType } from '../runbook/types.js';

/** One check to observe: the node, its query with templates already rendered, and when. */
export interface CheckRequest {
  runbookId: string;
  nodeId: string;
  node: CheckNode;
  /** The query with `{{ … }}` placeholders rendered and escaped. */
  query: string;
  /** Evaluation time, unix seconds. Sources never read the clock themselves. */
  at: number;
  /** 1 on the first entry into this node, 2 on the second… (fixture sources replay per visit). */
  visit: number;
  signal?: AbortSignal;
}

/**
 * Where checks read their values. Every failure (down, slow, bad query, malformed answer) comes
 * back as an observation with status error/timeout and a reason, never as a thrown error:
 * a metric source that is down is a branch of the runbook, not a crash.
 */
export interface MetricSource {
  readonly name: string;
  readonly type: SourceType;
  observe(request: CheckRequest): Promise<CheckObservation>;
}
