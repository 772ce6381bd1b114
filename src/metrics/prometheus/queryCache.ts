import type { QueryOutcome } from './queryResult.js';

export interface QueryCacheOptions {
  /** How long a success is reused; 0 or less keeps nothing (in-flight sharing still applies). */
  ttlMs: number;
  maxEntries: number;
  /** Budget for kept answers, by their `bytes`; one larger than the budget is not kept. */
  maxBytes: number;
  /** Milliseconds. */
  now: () => number;
}

interface Entry {
  outcome: QueryOutcome;
  expires: number;
  bytes: number;
}

/**
 * The observer effect's guard: identical queries (same kind, query, time and range, all in the
 * key) share one request while it is in flight, and a success is reused until its TTL passes.
 * Failures are never kept: the next ask tries again. The least recently used entry goes first.
 */
export class QueryCache {
  private readonly entries = new Map<string, Entry>();
  private readonly inFlight = new Map<string, Promise<QueryOutcome>>();
  private keptBytes = 0;
  /** Answers served from a kept success or a shared request, and requests actually sent. */
  readonly stats = { hits: 0, shared: 0, sent: 0 };

  constructor(private readonly options: QueryCacheOptions) {}

  get size(): number {
    return this.entries.size;
  }

  get bytes(): number {
    return this.keptBytes;
  }

  run(key: string, send: () => Promise<QueryOutcome>): Promise<QueryOutcome> {
    const kept = this.entries.get(key);
    if (kept && kept.expires > this.options.now()) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      this.stats.hits++;
      return Promise.resolve(kept.outcome);
    }
    if (kept) this.drop(key, kept);
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
    const bytes = outcome.ok ? (outcome.bytes ?? 0) : 0;
    if (this.options.ttlMs <= 0 || bytes > this.options.maxBytes) return;
    const old = this.entries.get(key);
    if (old) this.drop(key, old);
    this.entries.set(key, { outcome, expires: this.options.now() + this.options.ttlMs, bytes });
    this.keptBytes += bytes;
    while (this.entries.size > this.options.maxEntries || this.keptBytes > this.options.maxBytes) {
      const oldest = this.entries.entries().next();
      if (oldest.done) break;
      this.drop(...oldest.value);
    }
  }

  private drop(key: string, entry: Entry): void {
    this.entries.delete(key);
    this.keptBytes -= entry.bytes;
  }
}
