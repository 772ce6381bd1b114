import { describeHttpFailure, type FailedAnswer } from './describeHttpFailure.js';
import { describeNetworkError } from './describeNetworkError.js';
import { displayUrl } from './displayUrl.js';
import { parseQueryData } from './parseQueryData.js';
import { DEFAULT_MAX_CONCURRENT, DEFAULT_TIMEOUT_MS, type PrometheusAuth } from './prometheusSourceOptions.js';
import { queryFailed, type QueryOutcome } from './queryResult.js';
import { readCappedBody } from './readCappedBody.js';
import { redactSecrets, secretsOf } from './redactSecrets.js';
import { Semaphore } from './semaphore.js';

export interface PrometheusClientOptions {
  name: string;
  url: string;
  auth?: PrometheusAuth;
  timeoutMs?: number;
  maxConcurrent?: number;
  /** Larger answers are refused, not parsed (default 10 MB). */
  maxBodyBytes?: number;
  /** More series than this in one result is an error (default 10,000). */
  maxSeries?: number;
}

export const DEFAULT_MAX_BODY_BYTES = 10 * 1024 * 1024;
export const DEFAULT_MAX_SERIES = 10_000;
const MAX_ERROR_TEXT = 300;

/** Unix seconds as Prometheus takes them: decimal, millisecond precision. */
export function formatSeconds(seconds: number): string {
  return String(Math.round(seconds * 1000) / 1000);
}

function shorten(text: string): string {
  // A proxy's HTML error page: its words only. Prometheus's own errors may hold `<op:*>`.
  const words = /^\s*</.test(text) ? text.replace(/<[^>]*>/g, ' ') : text;
  const flat = words.replace(/\s+/g, ' ').trim();
  return flat.length > MAX_ERROR_TEXT ? `${flat.slice(0, MAX_ERROR_TEXT - 3)}...` : flat;
}

function formatBytes(bytes: number): string {
  if (bytes >= 1024 * 1024) return `${Math.round((bytes / (1024 * 1024)) * 10) / 10} MB`;
  return bytes >= 1024 ? `${Math.round(bytes / 1024)} kB` : `${bytes} bytes`;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

/** The endpoint base, or why the URL cannot be used (never quoting it: it may hold a secret). */
function apiBase(url: string): { base: string } | { problem: string } {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return { problem: 'is not a valid URL; write it like http://prometheus:9090 (with any path prefix)' };
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return { problem: `uses ${parsed.protocol}; use http:// or https://` };
  if (parsed.username || parsed.password) return { problem: 'has credentials in it; give them through the environment instead' };
  return { base: `${parsed.origin}${parsed.pathname.replace(/\/+$/, '')}/api/v1/` };
}

/**
 * The Prometheus HTTP API for one source: instant and range queries at explicit times, POSTed
 * form-encoded (queries can be long). At most `maxConcurrent` requests are in flight; each query
 * has `timeoutMs` from the moment it is asked for, waiting for a slot included. Never throws:
 * every failure is an outcome with a reason that names the source and never holds credentials.
 */
export class PrometheusClient {
  readonly name: string;
  /** "Prometheus 'main' at http://host:9090", how reasons start. */
  readonly who: string;
  readonly timeoutMs: number;
  private readonly endpoint: { base: string } | { problem: string };
  private readonly headers: Record<string, string>;
  private readonly secrets: string[];
  private readonly slots: Semaphore;
  private readonly maxBodyBytes: number;
  private readonly maxSeries: number;

  constructor(options: PrometheusClientOptions) {
    this.name = options.name;
    this.who = `Prometheus '${options.name}' at ${displayUrl(options.url)}`;
    this.timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    this.endpoint = apiBase(options.url);
    this.slots = new Semaphore(options.maxConcurrent ?? DEFAULT_MAX_CONCURRENT);
    this.maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
    this.maxSeries = options.maxSeries ?? DEFAULT_MAX_SERIES;
    this.secrets = secretsOf(options.auth);
    this.headers = { accept: 'application/json' };
    const auth = options.auth;
    if (auth && 'bearer' in auth) this.headers.authorization = `Bearer ${auth.bearer}`;
    else if (auth) this.headers.authorization = `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}`;
  }

  /** Requests being sent or read right now (queued ones excluded). */
  get inFlight(): number {
    return this.slots.inUse;
  }

  /** `/api/v1/query` evaluated at `atSeconds` (unix seconds). */
  instant(query: string, atSeconds: number, signal?: AbortSignal): Promise<QueryOutcome> {
    return this.send('query', { query, time: formatSeconds(atSeconds) }, signal);
  }

  /** `/api/v1/query_range` from `startSeconds` to `endSeconds` every `stepSeconds`. */
  range(query: string, startSeconds: number, endSeconds: number, stepSeconds: number, signal?: AbortSignal): Promise<QueryOutcome> {
    const params = { query, start: formatSeconds(startSeconds), end: formatSeconds(endSeconds), step: formatSeconds(stepSeconds) };
    return this.send('query_range', params, signal);
  }

  private async send(api: 'query' | 'query_range', params: Record<string, string>, signal?: AbortSignal): Promise<QueryOutcome> {
    if (!('base' in this.endpoint)) return queryFailed(`${this.who}: the URL ${this.endpoint.problem}`);
    const url = this.endpoint.base + api;
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.timeoutMs);
    const cancel = (): void => {
      controller.abort();
    };
    signal?.addEventListener('abort', cancel, { once: true });
    if (signal?.aborted) controller.abort();
    const asked = performance.now();
    try {
      const release = await this.slots.acquire(controller.signal);
      if (!release) return this.interrupted(timedOut, undefined);
      const waitedMs = performance.now() - asked;
      try {
        return await this.exchange(url, params, controller.signal);
      } catch (error) {
        if (controller.signal.aborted) return this.interrupted(timedOut, waitedMs);
        return queryFailed(this.redact(describeNetworkError(error, this.who, this.host())));
      } finally {
        release();
      }
    } catch (error) {
      // Only a bug gets here; still a reason rather than a crash.
      return queryFailed(`${this.who} could not be queried (${error instanceof Error ? error.name : 'unknown error'})`);
    } finally {
      clearTimeout(timer);
      signal?.removeEventListener('abort', cancel);
    }
  }

  /** `waitedMs`: how long the query waited for a slot; undefined when it never got one. */
  private interrupted(timedOut: boolean, waitedMs: number | undefined): QueryOutcome {
    if (!timedOut) return queryFailed(`the query to ${this.who} was cancelled`);
    const within = `${this.who} gave no answer within ${this.timeoutMs / 1000} s`;
    const slots = `one of the ${this.slots.limit} query slots (queries to a source are capped so responders do not overload it)`;
    if (waitedMs === undefined) {
      return queryFailed(`${within}: the query spent all of it waiting for ${slots}; earlier queries are slow, Prometheus may be overloaded`, 'timeout');
    }
    if (waitedMs >= this.timeoutMs / 10) {
      return queryFailed(`${within}, ${(waitedMs / 1000).toFixed(1)} s of it waiting for ${slots}; Prometheus may be overloaded, or its queries too heavy`, 'timeout');
    }
    return queryFailed(`${within}; it may be overloaded or stuck, or the query too heavy`, 'timeout');
  }

  private async exchange(url: string, params: Record<string, string>, signal: AbortSignal): Promise<QueryOutcome> {
    const response = await fetch(url, { method: 'POST', headers: this.headers, body: new URLSearchParams(params), signal, redirect: 'manual' });
    const body = await readCappedBody(response, this.maxBodyBytes);
    if ('tooLarge' in body) {
      return queryFailed(`${this.who} answered more than ${formatBytes(this.maxBodyBytes)}; aggregate the query (sum by (…), topk(…)) so a check reads a few series`);
    }
    const json = parseJson(body.text);
    const errorBody = isRecord(json) && json.status === 'error';
    if (response.status >= 200 && response.status < 300 && !errorBody) {
      if (json === undefined) {
        const type = response.headers.get('content-type') ?? 'no content type';
        return queryFailed(`${this.who} answered something that is not JSON (HTTP ${response.status}, ${shorten(type)}); check that the URL points at Prometheus's API`);
      }
      if (!isRecord(json) || json.status !== 'success') {
        return queryFailed(`${this.who} answered JSON that is not a Prometheus query result (no "status": "success"); is the URL a Prometheus API?`);
      }
      const parsed = parseQueryData(json.data, this.maxSeries);
      return 'data' in parsed ? { ok: true, data: parsed.data, bytes: body.bytes } : queryFailed(this.redact(`${this.who} ${parsed.problem}`));
    }
    return describeHttpFailure(this.failedAnswer(url, response, json, body.text), this.who, this.name);
  }

  private failedAnswer(url: string, response: Response, json: unknown, text: string): FailedAnswer {
    const answer: FailedAnswer = { status: response.status };
    if (isRecord(json) && typeof json.error === 'string') {
      answer.error = this.redact(shorten(json.error));
      if (typeof json.errorType === 'string') answer.errorType = this.redact(shorten(json.errorType));
    } else if (text.trim() !== '') {
      answer.snippet = this.redact(shorten(text));
    }
    const location = response.headers.get('location');
    if (location !== null) answer.location = URL.canParse(location, url) ? displayUrl(new URL(location, url).href) : '(an invalid URL)';
    return answer;
  }

  private host(): string {
    return 'base' in this.endpoint ? new URL(this.endpoint.base).hostname : 'the host';
  }

  private redact(text: string): string {
    return redactSecrets(text, this.secrets);
  }
}
