export interface AuthFailureLimiterOptions {
  now: () => number;
  /** Failures allowed per window (default 10). */
  limit?: number;
  /** Window length in ms (default one minute). */
  windowMs?: number;
  /** Addresses tracked at most; the oldest are forgotten first (default 10,000). */
  maxTracked?: number;
}

interface Window {
  start: number;
  failures: number;
}

/**
 * Counts failed authentications per client address. Past the limit, every attempt from that
 * address (right or wrong) is refused until the window ends, so tokens cannot be guessed quickly.
 */
export class AuthFailureLimiter {
  readonly #now: () => number;
  readonly #limit: number;
  readonly #windowMs: number;
  readonly #maxTracked: number;
  readonly #windows = new Map<string, Window>();

  constructor(options: AuthFailureLimiterOptions) {
    this.#now = options.now;
    this.#limit = options.limit ?? 10;
    this.#windowMs = options.windowMs ?? 60_000;
    this.#maxTracked = options.maxTracked ?? 10_000;
  }

  /** Seconds until `address` may try again, or undefined when it may now. */
  retryAfter(address: string): number | undefined {
    const window = this.#current(address);
    if (!window || window.failures < this.#limit) return undefined;
    return Math.max(1, Math.ceil((window.start + this.#windowMs - this.#now()) / 1000));
  }

  recordFailure(address: string): void {
    const window = this.#current(address) ?? { start: this.#now(), failures: 0 };
    window.failures++;
    this.#windows.delete(address);
    this.#windows.set(address, window);
    if (this.#windows.size > this.#maxTracked) {
      const oldest = this.#windows.keys().next();
      if (!oldest.done) this.#windows.delete(oldest.value);
    }
  }

  #current(address: string): Window | undefined {
    const window = this.#windows.get(address);
    if (window && this.#now() - window.start >= this.#windowMs) {
      this.#windows.delete(address);
      return undefined;
    }
    return window;
  }
}
