import type { CheckObservation, ObservedSeries, Sample } from '../engine/walkInput.js';
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
  /**
   * Also return samples over the last N seconds, for display (the check's trend). Sources that
   * query a backend fetch them in the same range query as a `for` window; others may ignore it.
   */
  trendSeconds?: number;
  signal?: AbortSignal;
}

/**
 * A series as a source may return it: `trend` holds the samples read for display (see
 * CheckRequest.trendSeconds), kept apart from `samples` so a `for` window sees exactly what it
 * would without a trend. The engine never reads it; without it, `samples` are the trend.
 */
export interface SourceSeries extends ObservedSeries {
  trend?: Sample[];
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
