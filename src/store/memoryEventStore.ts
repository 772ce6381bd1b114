import { randomUUID } from 'node:crypto';
import type { TimelineEvent } from '../incidents/timelineEvent.js';
import { buildEvents, checkAfterSeq, checkAppendRequest, idempotencyMapKey, isoTime } from './buildEvents.js';
import { IdempotencyKeyTakenError, StaleAppendError } from './eventStore.js';
import type { AppendRequest, EventStore, IdempotencyRecord } from './eventStore.js';
import { encodeRecord } from './logRecord.js';
import { StoreClosedError } from './storeErrors.js';

export interface MemoryEventStoreOptions {
  /** Server time in epoch milliseconds (default: the system clock). */
  now?: () => number;
  /** Event ids (default: random UUIDs). */
  newId?: () => string;
}

/** The EventStore in memory, for tests: the same rules as the file store, nothing survives the process. */
export class MemoryEventStore implements EventStore {
  readonly #now: () => number;
  readonly #newId: () => string;
  readonly #events = new Map<string, TimelineEvent[]>();
  readonly #idempotency = new Map<string, IdempotencyRecord>();
  #closed = false;

  constructor(options: MemoryEventStoreOptions = {}) {
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? randomUUID;
  }

  append(request: AppendRequest): Promise<TimelineEvent[]> {
    return settled(() => this.#append(request));
  }

  #append(request: AppendRequest): TimelineEvent[] {
    this.#checkOpen();
    checkAppendRequest(request);
    const events = this.#events.get(request.incidentId) ?? [];
    const last = events.length;
    if (request.expectedLastSeq !== undefined && request.expectedLastSeq !== last) {
      throw new StaleAppendError(request.incidentId, request.expectedLastSeq, last);
    }
    const record = request.idempotency;
    const mapKey = record && idempotencyMapKey(record.scope, record.key);
    if (record && mapKey !== undefined && this.#idempotency.has(mapKey)) throw new IdempotencyKeyTakenError(record.scope, record.key);
    const built = buildEvents(request, last + 1, isoTime(this.#now()), this.#newId);
    const { stored } = encodeRecord(record ? { events: built, idempotency: record } : { events: built });
    if (stored.idempotency && mapKey !== undefined) this.#idempotency.set(mapKey, stored.idempotency);
    events.push(...stored.events);
    this.#events.set(request.incidentId, events);
    return stored.events;
  }

  read(incidentId: string, afterSeq = 0): Promise<TimelineEvent[]> {
    return settled(() => {
      this.#checkOpen();
      checkAfterSeq(afterSeq);
      return (this.#events.get(incidentId) ?? []).slice(afterSeq);
    });
  }

  incidentIds(): Promise<string[]> {
    if (this.#closed) return Promise.reject(new StoreClosedError());
    // Map iteration is insertion order: the order incidents got their first event.
    return Promise.resolve([...this.#events.keys()]);
  }

  idempotency(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    if (this.#closed) return Promise.reject(new StoreClosedError());
    return Promise.resolve(this.#idempotency.get(idempotencyMapKey(scope, key)));
  }

  close(): Promise<void> {
    this.#closed = true;
    return Promise.resolve();
  }

  #checkOpen(): void {
    if (this.#closed) throw new StoreClosedError();
  }
}

/** Runs `fn` now (so effects happen at call time, as in the file store) and settles a promise with its outcome. */
function settled<T>(fn: () => T): Promise<T> {
  try {
    return Promise.resolve(fn());
  } catch (error) {
    return Promise.reject(error instanceof Error ? error : new Error(String(error)));
  }
}
