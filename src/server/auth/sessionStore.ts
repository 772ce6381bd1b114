import { createHash, randomBytes } from 'node:crypto';

export interface Session {
  id: string;
  userName: string;
  /** Epoch milliseconds. */
  expiresAt: number;
}

/** A session as it is kept (and written to disk): the sha256 of its id, never the id itself. */
export interface StoredSession {
  idHash: string;
  userName: string;
  expiresAt: number;
}

export interface SessionStoreOptions {
  now: () => number;
  /** How long a session lasts (default 12 hours: a long incident shift). */
  ttlMs?: number;
  /** Sessions kept at most; the oldest go first (default 10,000). */
  max?: number;
  /** Sessions saved by an earlier run (expired ones are dropped). */
  initial?: readonly StoredSession[];
  /** Saves every live session after each change, so a restart does not sign everyone out. */
  save?: (sessions: StoredSession[]) => Promise<void>;
  onSaveError?: (error: unknown) => void;
}

const TWELVE_HOURS = 12 * 60 * 60 * 1000;

export function hashSessionId(id: string): string {
  return createHash('sha256').update(id).digest('base64url');
}

/**
 * Browser sessions: a random id (the cookie's value) → who. Only the id's hash is kept, so the
 * saved file cannot be replayed as cookies. With `save`, sessions outlive a restart: a page left
 * open through a server restart reconnects without signing in again.
 */
export class SessionStore {
  readonly ttlMs: number;
  readonly #now: () => number;
  readonly #max: number;
  readonly #sessions = new Map<string, StoredSession>();
  readonly #save: ((sessions: StoredSession[]) => Promise<void>) | undefined;
  readonly #onSaveError: (error: unknown) => void;
  #saving: Promise<void> = Promise.resolve();
  readonly #endListeners = new Set<(idHash: string) => void>();
  #dirty = false;

  constructor(options: SessionStoreOptions) {
    this.#now = options.now;
    this.ttlMs = options.ttlMs ?? TWELVE_HOURS;
    this.#max = options.max ?? 10_000;
    this.#save = options.save;
    this.#onSaveError = options.onSaveError ?? (() => undefined);
    const now = this.#now();
    for (const session of options.initial ?? []) {
      if (session.expiresAt > now) this.#sessions.set(session.idHash, { ...session });
    }
  }

  create(userName: string): Session {
    const id = randomBytes(32).toString('base64url');
    const session = { id, userName, expiresAt: this.#now() + this.ttlMs };
    this.#sessions.set(hashSessionId(id), { idHash: hashSessionId(id), userName, expiresAt: session.expiresAt });
    if (this.#sessions.size > this.#max) {
      const oldest = this.#sessions.keys().next();
      if (!oldest.done) this.#sessions.delete(oldest.value);
    }
    this.#changed();
    return session;
  }

  get(id: string): Session | undefined {
    const idHash = hashSessionId(id);
    const stored = this.#sessions.get(idHash);
    if (!stored) return undefined;
    if (stored.expiresAt <= this.#now()) {
      this.#sessions.delete(idHash);
      return undefined;
    }
    return { id, userName: stored.userName, expiresAt: stored.expiresAt };
  }

  /** Whether the session with this id hash is still live (not signed out, not expired). */
  isLive(idHash: string): boolean {
    const stored = this.#sessions.get(idHash);
    return stored !== undefined && stored.expiresAt > this.#now();
  }

  delete(id: string): void {
    const idHash = hashSessionId(id);
    if (!this.#sessions.delete(idHash)) return;
    this.#changed();
    for (const listener of this.#endListeners) listener(idHash);
  }

  /** Told the hash of each session signed out, so connections it opened can be closed too. */
  onEnd(listener: (idHash: string) => void): () => void {
    this.#endListeners.add(listener);
    return () => this.#endListeners.delete(listener);
  }

  /** Resolves once every change so far is saved (a sign-in answers only after its session is on disk). */
  persisted(): Promise<void> {
    return this.#saving;
  }

  #changed(): void {
    const save = this.#save;
    if (!save) return;
    if (this.#dirty) return; // a save is queued; it will write the state as it is then
    this.#dirty = true;
    this.#saving = this.#saving.then(async () => {
      this.#dirty = false;
      const now = this.#now();
      try {
        await save([...this.#sessions.values()].filter((s) => s.expiresAt > now));
      } catch (error) {
        this.#onSaveError(error);
      }
    });
  }
}
