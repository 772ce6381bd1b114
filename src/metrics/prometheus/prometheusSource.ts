import { checkRequirements } from '../../engine/checkRequirements.js';
import type { CheckObservation } from '../../engine/walkInput.js';
import type { CheckRequest, MetricSource } from '../metricSource.js';
import { mergeObservation, type CheckAnswers } from './mergeObservation.js';
import { formatSeconds, PrometheusClient, type PrometheusClientOptions } from './prometheusClient.js';
import {
  DEFAULT_CACHE_BYTES,
  DEFAULT_CACHE_ENTRIES,
  DEFAULT_CACHE_TTL_MS,
  DEFAULT_STEP_SECONDS,
  type PrometheusSourceOptions,
} from './prometheusSourceOptions.js';
import { QueryCache } from './queryCache.js';
import type { QueryOutcome } from './queryResult.js';
import { extendWindow, rangeWindow, type RangeWindow } from './rangeWindow.js';

export type { PrometheusAuth, PrometheusSourceOptions } from './prometheusSourceOptions.js';

function failure(outcome: QueryOutcome, context: string): CheckObservation | undefined {
  if (outcome.ok) return undefined;
  const reason = context + outcome.reason;
  return outcome.status === 'timeout' ? { status: 'timeout', reason } : { status: 'error', reason };
}

/** The trend's length in seconds, or undefined when none is asked for (absent, 0, negative or not a number). */
function wantedTrend(seconds: number | undefined): number | undefined {
  return seconds !== undefined && Number.isFinite(seconds) && seconds > 0 ? seconds : undefined;
}

/** Resolves with the outcome, or as cancelled as soon as the caller gives up; the shared request itself goes on. */
function untilAborted(outcome: Promise<QueryOutcome>, signal: AbortSignal | undefined, who: string): Promise<QueryOutcome> {
  if (!signal) return outcome;
  const cancelled: QueryOutcome = { ok: false, status: 'error', reason: `the query to ${who} was cancelled` };
  if (signal.aborted) return Promise.resolve(cancelled);
  return new Promise((resolve) => {
    const onAbort = (): void => {
      resolve(cancelled);
    };
    signal.addEventListener('abort', onAbort, { once: true });
    void outcome.then((o) => {
      signal.removeEventListener('abort', onAbort);
      resolve(o);
    });
  });
}

/**
 * A check's values from Prometheus: the instant query at the evaluation time, plus a range query
 * for `for` windows (reaching back over `trendSeconds` too, on the same grid, when a trend is
 * asked for) and the same query at the `compare` offset, run concurrently and merged by
 * label set. Queries go through a short-lived cache with in-flight sharing and a concurrency cap,
 * so fifty responders on the same check cost Prometheus one query. Never throws.
 */
export class PrometheusSource implements MetricSource {
  readonly name: string;
  readonly type = 'prometheus' as const;
  readonly client: PrometheusClient;
  readonly cache: QueryCache;
  private readonly stepSeconds: number;

  constructor(options: PrometheusSourceOptions) {
    this.name = options.name;
    const client: PrometheusClientOptions = { name: options.name, url: options.url };
    if (options.auth) client.auth = options.auth;
    if (options.timeoutMs !== undefined) client.timeoutMs = options.timeoutMs;
    if (options.maxConcurrent !== undefined) client.maxConcurrent = options.maxConcurrent;
    this.client = new PrometheusClient(client);
    this.cache = new QueryCache({
      ttlMs: options.cacheTtlMs ?? DEFAULT_CACHE_TTL_MS,
      maxEntries: DEFAULT_CACHE_ENTRIES,
      maxBytes: DEFAULT_CACHE_BYTES,
      now: options.now ?? Date.now,
    });
    this.stepSeconds = options.stepSeconds ?? DEFAULT_STEP_SECONDS;
  }

  async observe(request: CheckRequest): Promise<CheckObservation> {
    const who = this.client.who;
    try {
      if (!Number.isFinite(request.at)) return { status: 'error', reason: `${who}: the evaluation time ${request.at} is not a number of seconds` };
      const { rangeSeconds, baselineOffsetSeconds } = checkRequirements(request.node);
      const { query, at, signal } = request;

      const instant = this.instant(query, at, signal);
      const forWindow = rangeSeconds === undefined ? undefined : rangeWindow(at, rangeSeconds, this.stepSeconds);
      const trendSeconds = wantedTrend(request.trendSeconds);
      const window = trendSeconds === undefined ? forWindow : this.withTrend(forWindow, at, trendSeconds);
      const range = window && this.range(query, window, signal);
      const baseline = baselineOffsetSeconds === undefined ? undefined : this.instant(query, at - baselineOffsetSeconds, signal);

      const [now, samples, past] = await Promise.all([instant, range, baseline]);
      // A range only for the trend is display: its failure costs the trend, not the check.
      const failed =
        failure(now, '') ??
        (forWindow && samples && failure(samples, `the range query over the last ${rangeSeconds ?? 0} s (for the \`for\` window) failed: `)) ??
        (past && failure(past, `the baseline query ${baselineOffsetSeconds ?? 0} s earlier (for \`compare\`) failed: `));
      if (failed) return failed;
      if (!now.ok) return { status: 'error', reason: now.reason };
      const answers: CheckAnswers = { instant: now.data };
      if (samples?.ok) {
        answers.range = samples.data;
        answers.forStart = forWindow ? forWindow.start : null;
        answers.trend = trendSeconds !== undefined;
      }
      if (past?.ok) answers.baseline = past.data;
      return mergeObservation(answers, at, who);
    } catch (error) {
      // checkRequirements throws on a malformed duration, which the schema should have caught.
      const message = error instanceof Error ? error.message : 'unknown error';
      return { status: 'error', reason: `${who}: the check could not be run: ${message}` };
    }
  }

  /** The range behind a trend: the `for` window reaching back over it too, or its own. */
  private withTrend(forWindow: RangeWindow | undefined, at: number, trendSeconds: number): RangeWindow {
    return forWindow ? extendWindow(forWindow, trendSeconds) : rangeWindow(at, trendSeconds, this.stepSeconds);
  }

  private instant(query: string, at: number, signal: AbortSignal | undefined): Promise<QueryOutcome> {
    const key = `instant\n${formatSeconds(at)}\n${query}`;
    return untilAborted(this.cache.run(key, () => this.client.instant(query, at)), signal, this.client.who);
  }

  private range(query: string, window: RangeWindow, signal: AbortSignal | undefined): Promise<QueryOutcome> {
    const { start, end, step } = window;
    const key = `range\n${formatSeconds(start)}\n${formatSeconds(end)}\n${formatSeconds(step)}\n${query}`;
    return untilAborted(this.cache.run(key, () => this.client.range(query, start, end, step)), signal, this.client.who);
  }
}
