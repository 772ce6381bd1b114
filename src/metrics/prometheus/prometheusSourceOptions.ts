/** Credentials for a Prometheus behind a proxy. They come from the environment or server config, never a runbook. */
export type PrometheusAuth = { bearer: string } | { username: string; password: string };

export interface PrometheusSourceOptions {
  /** The runbook's name for this source; every failure reason names it. */
  name: string;
  /** Base URL, possibly with a path prefix (`http://host:9090/prom`). */
  url: string;
  auth?: PrometheusAuth;
  /** Per query, from the moment it is asked for (waiting for a free slot included). */
  timeoutMs?: number;
  /** Queries in flight at once to this source; others wait their turn. */
  maxConcurrent?: number;
  /** How long a successful result is reused; 0 turns the cache off (identical queries in flight are still shared). */
  cacheTtlMs?: number;
  /** Preferred spacing of range-query samples, in seconds. */
  stepSeconds?: number;
  /** Milliseconds, for the cache only. */
  now?: () => number;
}

export const DEFAULT_TIMEOUT_MS = 5000;
export const DEFAULT_MAX_CONCURRENT = 4;
export const DEFAULT_CACHE_TTL_MS = 5000;
export const DEFAULT_STEP_SECONDS = 60;
export const DEFAULT_CACHE_ENTRIES = 1000;
/** Measured as the answers' JSON size; parsed objects take a few times more. */
export const DEFAULT_CACHE_BYTES = 64 * 1024 * 1024;
