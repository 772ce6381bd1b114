import { renderQuery, renderText } from '../engine/renderQuery.js';
import { step } from '../engine/walk.js';
import { WalkError } from '../engine/walkError.js';
import type { WalkEvent } from '../engine/walkEvent.js';
import type { CheckObservation } from '../engine/walkInput.js';
import type { WalkState } from '../engine/walkState.js';
import type { Runbook, SourceType } from '../runbook/types.js';
import { checkTrend, labelText, type TrendSeries } from './checkTrend.js';
import type { CheckRequest, MetricSource } from './metricSource.js';

/** How far back a check's trend (its sparkline) reaches by default: half an hour. */
export const DEFAULT_TREND_SECONDS = 1800;

/** How a check was run, recorded with its check.evaluated / check.failed event. */
export interface CheckMeta {
  /** The query as sent: rendered and escaped (as written when rendering failed). */
  query: string;
  /** The runbook's name for the source (`prom`). */
  source: string;
  /** The kind of source that answered (`manual` marks a value a person typed); null when none was configured. */
  sourceType: SourceType | null;
  /** Wall time of the source's observe(), in milliseconds (0 when no query was sent). */
  durationMs: number;
  /**
   * The metric over the last `trendSeconds` (and any `for` window), for display: at most 10
   * series, matched ones first, of at most 60 samples. Absent when no series had samples.
   */
  trend?: TrendSeries[];
}

type EvaluatedData = Extract<WalkEvent, { type: 'check.evaluated' }>['data'];
type FailedData = Extract<WalkEvent, { type: 'check.failed' }>['data'];

/** A walk event, with the check meta added to check events. Still a WalkEvent (extra fields only). */
export type SteppedEvent =
  | Exclude<WalkEvent, { type: 'check.evaluated' | 'check.failed' }>
  | { type: 'check.evaluated'; data: EvaluatedData & CheckMeta }
  | { type: 'check.failed'; data: FailedData & CheckMeta };

export interface StepCheckOptions {
  runbook: Runbook;
  /** A walk waiting at a check node. */
  state: WalkState;
  sources: ReadonlyMap<string, MetricSource>;
  /** Evaluation time, unix seconds. */
  at: number;
  /** Alert labels for `{{ labels.x }}`. */
  labels?: Readonly<Record<string, string>>;
  /** Milliseconds from any fixed origin, to time the query (performance.now in production). */
  clock: () => number;
  /** Seconds of samples to ask the source for, for the trend (default DEFAULT_TREND_SECONDS; 0 asks for none). */
  trendSeconds?: number;
  signal?: AbortSignal;
}

export interface StepCheckResult {
  state: WalkState;
  events: SteppedEvent[];
}

function withTrend(meta: CheckMeta, trend: TrendSeries[] | undefined): CheckMeta {
  return trend ? { ...meta, trend } : meta;
}

function describeThrown(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/**
 * Runs the check the walk waits at: renders its query, asks its source, and steps the engine with
 * the observation. Nothing a source does (fail, throw, time out) and no template problem stops the
 * walk: each becomes a check.failed event that follows the node's on_error/on_no_data.
 * Throws WalkError only when the walk is not waiting at a check.
 */
export async function stepCheck(options: StepCheckOptions): Promise<StepCheckResult> {
  const { runbook, state, sources, at, clock } = options;
  const id = state.current;
  const node = id !== null && Object.hasOwn(runbook.nodes, id) ? runbook.nodes[id] : undefined;
  if (id === null || state.ended) throw new WalkError('walk_ended', 'the walk already ended; start a new walk to run its checks again');
  if (node?.type !== 'check') {
    throw new WalkError('wrong_input', `the walk waits at '${id}', which is ${node ? `a ${node.type}` : 'not a node of the runbook'}, not a check; give it ${node?.type === 'question' ? 'an answer' : 'its input'} instead`);
  }

  const spec = Object.hasOwn(runbook.sources, node.source) ? runbook.sources[node.source] : undefined;
  const source = sources.get(node.source);
  const values = { inputs: state.inputs, labels: options.labels ?? {} };
  const meta: CheckMeta = { query: node.query, source: node.source, sourceType: source?.type ?? null, durationMs: 0 };
  let observation: CheckObservation;
  try {
    // Free-text queries (fixture, manual) are shown, not parsed: only PromQL needs escaping.
    meta.query = spec?.type === 'prometheus' ? renderQuery(node.query, values) : renderText(node.query, values);
    if (!source) {
      observation = { status: 'error', reason: `no metric source '${node.source}' is configured for this walk; declare it under sources: and give it a URL or a scenario` };
    } else {
      const trendSeconds = options.trendSeconds ?? DEFAULT_TREND_SECONDS;
      const request: CheckRequest = { runbookId: runbook.id, nodeId: id, node, query: meta.query, at, visit: state.visits[id] ?? 1, trendSeconds };
      if (options.signal) request.signal = options.signal;
      const started = clock();
      try {
        observation = await source.observe(request);
      } catch (err) {
        // The contract says sources never throw; a bug in one must still not end the walk.
        observation = { status: 'error', reason: `source '${node.source}' failed: ${describeThrown(err)}` };
      }
      meta.durationMs = Math.max(0, clock() - started);
    }
  } catch (err) {
    if (!(err instanceof WalkError)) throw err;
    observation = { status: 'error', reason: `the query could not be rendered: ${err.message}` };
  }

  const next = step(runbook, state, { kind: 'check', observation });
  const events = next.events.map((event): SteppedEvent => {
    if (event.type === 'check.evaluated') {
      const matched = new Set(event.data.series.filter((s) => s.matched).map((s) => labelText(s.labels)));
      return { type: event.type, data: { ...event.data, ...withTrend(meta, checkTrend(observation, matched)) } };
    }
    if (event.type === 'check.failed') return { type: event.type, data: { ...event.data, ...withTrend(meta, checkTrend(observation)) } };
    return event;
  });
  return { state: next.state, events };
}

/**
 * Events of a transition that ran no check (startWalk, an answer, an action), typed to sit in one
 * log with stepCheck's events. A check event here is a bug: checks go through stepCheck.
 */
export function nonCheckEvents(events: readonly WalkEvent[]): SteppedEvent[] {
  return events.map((event) => {
    if (event.type === 'check.evaluated' || event.type === 'check.failed') {
      throw new Error(`check '${event.data.node}' was stepped without stepCheck, so its event has no query or source; run checks with stepCheck`);
    }
    return event;
  });
}
