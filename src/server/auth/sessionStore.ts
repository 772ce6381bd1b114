import { randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  userName: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

export interface SessionStoreOptions {
  now: () => number;
  /** How long a session lasts (default 12 hours: a long incident shift). */
  ttlMs?: number;
  /** Sessions kept at most; the oldest go first (default 10,000). */
  max?: number;
}

const TWELVE_HOURS = 12 * 60 * 60 * 1000;

/** Browser sessions, in memory: a random id (the cookie's value) → who. A restart signs everyone out. */
export class SessionStore {
  readonly ttlMs: number;
  readonly #now: () => number;
  readonly #max: number;
  readonly #sessions = new Map<string, Session>();

  constructor(options: SessionStoreOptions) {
    this.#now = options.now;
    this.ttlMs = options.ttlMs ?? TWELVE_HOURS;
    this.#max = options.max ?? 10_000;
  }

  create(userName: string): Session {
    const session = { id: randomBytes(32).toString('base64url'), userName, expiresAt: this.#now() + this.ttlMs };
    this.#sessions.set(session.id, session);
    if (this.#sessions.size > this.#max) {
      const oldest = this.#sessions.keys().next();
      if (!oldest.done) this.#sessions.delete(oldest.value);
    }
    return session;
  }

  get(id: string): Session | undefined {
    const session = this.#sessions.get(id);
    if (session && session.expiresAt <= this.#now()) {
      this.#sessions.delete(id);
      return undefined;
    }
    return session;
  }

  delete(id: string): void {
    this.#sessions.delete(id);
  }
}
