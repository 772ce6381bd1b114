import type { QueryOutcome } from './queryResult.js';

export interface QueryCacheOptions {
  /** How long a success is reused; 0 or less keeps nothing (in-flight sharing still applies). */
  ttlMs: number;
  maxEntries: number;
  /** Milliseconds. */
  now: () => number;
}

interface Entry {
  outcome: QueryOutcome;
  expires: number;
}

/**
 * The observer effect's guard: identical queries (same kind, query, time and range, all in the
 * key) share one request while it is in flight, and a success is reused until its TTL passes.
 * Failures are never kept: the next ask tries again. The least recently used entry goes first.
 */
export class QueryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<QueryOutcome>>();
  /** Answers served from a kept success or a shared request, and requests actually sent. */
  readonly stats = { hits: 0, shared: 0, sent: 0 };

  constructor(private readonly options: QueryCacheOptions) {}

  get size(): number {
    return this.entries.size;
  }

  run(key: string, send: () => Promise<QueryOutcome>): Promise<QueryOutcome> {
    const kept = this.entries.get(key);
    if (kept && kept.expires > this.options.now()) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      this.stats.hits++;
      return Promise.resolve(kept.outcome);
    }
    if (kept) this.entries.delete(key);
    const pending = this.inFlight.get(key);
    if (pending) {
      this.stats.shared++;
      return pending;
    }
    this.stats.sent++;
    const flight = send().then(
      (outcome) => {
        this.inFlight.delete(key);
        if (outcome.ok) this.keep(key, outcome);
        return outcome;
      },
      (error: unknown) => {
        this.inFlight.delete(key);
        throw error;
      },
    );
    this.inFlight.set(key, flight);
    return flight;
  }

  private keep(key: string, outcome: QueryOutcome): void {
    if (this.options.ttlMs <= 0) return;
    this.entries.set(key, { outcome, expires: this.options.now() + this.options.ttlMs });
    while (this.entries.size > this.options.maxEntries) {
      const oldest = this.entries.keys().next();
      if (oldest.done) break;
      this.entries.delete(oldest.value);
    }
  }
}
