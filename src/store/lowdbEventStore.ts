import { randomUUID } from 'node:crypto';
import { mkdir, open } from 'node:fs/promises';
import path from 'node:path';
import type { Low } from 'lowdb';
import type { TimelineEvent } from '../incidents/timelineEvent.js';
import { buildEvents, checkAfterSeq, checkAppendRequest, idempotencyMapKey, isoTime } from './buildEvents.js';
import { DataDirLock } from './dataDirLock.js';
import { EventCache } from './eventCache.js';
import { IdempotencyKeyTakenError, StaleAppendError } from './eventStore.js';
import type { AppendRequest, EventStore, IdempotencyRecord } from './eventStore.js';
import { GroupCommit } from './groupCommit.js';
import { IncidentLog } from './incidentLog.js';
import type { IncidentIndex, IndexEntry } from './incidentIndex.js';
import { INCIDENTS_DIR, loadDataDir } from './loadDataDir.js';
import type { LoadedIncident } from './loadDataDir.js';
import { logFileName } from './logFileName.js';
import { deepFreeze, encodeRecord } from './logRecord.js';
import type { LogRecord } from './logRecord.js';
import { scanLog } from './scanLog.js';
import { StoreClosedError, StoreFailedError } from './storeErrors.js';

export interface LowdbEventStoreOptions {
  /** The data dir (created if missing); the store keeps its files in `incidents/` and locks the dir. */
  dataDir: string;
  /** Server time in epoch milliseconds (default: the system clock). */
  now?: () => number;
  /** Event ids (default: random UUIDs). */
  newId?: () => string;
  /**
   * Repair instead of refusing to open when files are torn or corrupt: each damaged log is copied
   * to `backup/` and cut back to its last whole record; the index is completed from the logs.
   */
  repair?: boolean;
  /** Things the operator should hear about: a stale lock taken over, repairs made (default: console.warn). */
  onNotice?: (message: string) => void;
  /** How many events reads may keep in memory, whole incidents at a time (default 200,000). */
  cacheEvents?: number;
}

const DEFAULT_CACHE_EVENTS = 200_000;

/** Where an idempotency record is: in a durable log line, or in an append still being written. */
type IdempotencyEntry = { incidentId: string; offset: number; length: number } | { incidentId: string; pending: Promise<unknown> };

/**
 * The embedded EventStore: files under a data dir, every acknowledged append durable.
 *
 * - Each incident is an append-only JSON-lines log (`incidents/<id>.jsonl`): an append is one
 *   line holding its events and idempotency record (so a crash keeps both or neither), written
 *   with O_APPEND and fdatasync — its cost does not depend on the incident's length.
 * - lowdb keeps the small index of incidents (`incidents/index.json`, creation order) through
 *   DurableJsonFile: temp file, fsync, rename, fsync the dir. It is rewritten only when an
 *   incident is created, before that incident's first log line.
 * - Group commit: appends to one incident that arrive in one tick or while its flush runs share
 *   the next write and fsync; incidents flush independently.
 * - The dir is locked (`runpath.lock`); at open every log is read and checked, and a torn or
 *   corrupt file refuses the open with a CorruptDataError unless `repair` is set.
 *
 * Reads see durable events only. Memory holds per incident its seqs and byte length, where each
 * idempotency record is, and a bounded cache of recently read events.
 */
export class LowdbEventStore implements EventStore {
  readonly dataDir: string;
  readonly #incidentsDir: string;
  readonly #lock: DataDirLock;
  readonly #index: Low<IncidentIndex>;
  readonly #indexCommit: GroupCommit<IndexEntry>;
  readonly #logs = new Map<string, IncidentLog>();
  /** Incident ids in creation order, including ones whose first append is not yet durable. */
  readonly #order: string[] = [];
  readonly #idempotency = new Map<string, IdempotencyEntry>();
  readonly #cache: EventCache;
  readonly #now: () => number;
  readonly #newId: () => string;
  #failed: StoreFailedError | undefined;
  #closed = false;

  private constructor(dataDir: string, lock: DataDirLock, index: Low<IncidentIndex>, incidents: LoadedIncident[], options: LowdbEventStoreOptions) {
    this.dataDir = dataDir;
    this.#incidentsDir = path.join(dataDir, INCIDENTS_DIR);
    this.#lock = lock;
    this.#index = index;
    this.#now = options.now ?? Date.now;
    this.#newId = options.newId ?? randomUUID;
    this.#cache = new EventCache(options.cacheEvents ?? DEFAULT_CACHE_EVENTS);
    this.#indexCommit = new GroupCommit(async (entries) => {
      this.#checkWritable();
      try {
        this.#index.data.incidents.push(...entries);
        await this.#index.write();
      } catch (error) {
        throw this.#fail(error);
      }
    });
    for (const incident of incidents) {
      this.#addLog(incident, Promise.resolve());
      for (const { scope, key, offset, length } of incident.idempotency) {
        this.#idempotency.set(idempotencyMapKey(scope, key), { incidentId: incident.id, offset, length });
      }
    }
  }

  /** Locks and checks the data dir (see the class comment); throws DataDirLockedError or CorruptDataError. */
  static async open(options: LowdbEventStoreOptions): Promise<LowdbEventStore> {
    const dataDir = path.resolve(options.dataDir);
    const now = options.now ?? Date.now;
    const onNotice = options.onNotice ?? ((message: string) => {
      console.warn(`runpath store: ${message}`);
    });
    await mkdir(dataDir, { recursive: true });
    const lock = await DataDirLock.acquire(dataDir, { now, onNotice });
    try {
      const loaded = await loadDataDir(dataDir, { repair: options.repair ?? false, now, onNotice });
      return new LowdbEventStore(dataDir, lock, loaded.index, loaded.incidents, options);
    } catch (error) {
      await lock.release();
      throw error;
    }
  }

  async append(request: AppendRequest): Promise<TimelineEvent[]> {
    // Everything up to the first await runs at call time, so concurrent calls get seqs in call order.
    this.#checkOpen();
    this.#checkWritable();
    checkAppendRequest(request);
    const existing = this.#logs.get(request.incidentId);
    const last = existing?.assignedSeq ?? 0;
    if (request.expectedLastSeq !== undefined && request.expectedLastSeq !== last) {
      throw new StaleAppendError(request.incidentId, request.expectedLastSeq, last);
    }
    const record = request.idempotency;
    const mapKey = record && idempotencyMapKey(record.scope, record.key);
    if (record && mapKey !== undefined && this.#idempotency.has(mapKey)) throw new IdempotencyKeyTakenError(record.scope, record.key);
    const events = buildEvents(request, last + 1, isoTime(this.#now()), this.#newId);
    const encoded = encodeRecord(record ? { events, idempotency: record } : { events });
    const log = existing ?? this.#createLog(request.incidentId);
    const durable = log.add(encoded);
    if (mapKey !== undefined) {
      this.#idempotency.set(mapKey, { incidentId: request.incidentId, pending: durable.catch(() => undefined) });
      durable.catch(() => {
        const entry = this.#idempotency.get(mapKey);
        if (entry && 'pending' in entry) this.#idempotency.delete(mapKey);
      });
    }
    await durable;
    return encoded.stored.events;
  }

  async read(incidentId: string, afterSeq = 0): Promise<TimelineEvent[]> {
    this.#checkOpen();
    checkAfterSeq(afterSeq);
    const log = this.#logs.get(incidentId);
    if (!log || afterSeq >= log.committedSeq) return [];
    const cached = this.#cache.get(incidentId);
    if (cached) return cached.slice(afterSeq);
    const seq = log.committedSeq;
    const events = await this.#readLog(log, log.committedBytes, seq);
    // Cache only if no append committed meanwhile (the cache must hold every durable event).
    if (log.committedSeq === seq && !this.#cache.get(incidentId)) this.#cache.put(incidentId, events);
    return events.slice(afterSeq);
  }

  incidentIds(): Promise<string[]> {
    if (this.#closed) return Promise.reject(new StoreClosedError());
    return Promise.resolve(this.#order.filter((id) => (this.#logs.get(id)?.committedSeq ?? 0) > 0));
  }

  async idempotency(scope: string, key: string): Promise<IdempotencyRecord | undefined> {
    this.#checkOpen();
    const mapKey = idempotencyMapKey(scope, key);
    let entry = this.#idempotency.get(mapKey);
    if (entry && 'pending' in entry) {
      await entry.pending;
      entry = this.#idempotency.get(mapKey);
    }
    if (!entry || 'pending' in entry) return undefined;
    const log = this.#logs.get(entry.incidentId);
    if (!log) return undefined;
    const line = await readRange(log.file, entry.offset, entry.length);
    return deepFreeze((JSON.parse(line.toString('utf8')) as LogRecord).idempotency);
  }

  /** Waits for appends under way, then releases the lock; later calls throw StoreClosedError. */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    await Promise.all([...this.#logs.values()].map((log) => log.idle()));
    await this.#indexCommit.idle();
    await this.#lock.release();
  }

  #createLog(incidentId: string): IncidentLog {
    const ready = this.#indexCommit.add({ id: incidentId, log: logFileName(incidentId) });
    // Seen by the log's first flush, which waits for it; this only keeps it from counting as unhandled.
    ready.catch(() => undefined);
    const log = this.#addLog({ id: incidentId, exists: false, lastSeq: 0, bytes: 0, idempotency: [] }, ready);
    this.#cache.put(incidentId, []);
    return log;
  }

  #addLog(incident: LoadedIncident, ready: Promise<void>): IncidentLog {
    const log = new IncidentLog({
      incidentId: incident.id,
      file: path.join(this.#incidentsDir, logFileName(incident.id)),
      exists: incident.exists,
      lastSeq: incident.lastSeq,
      bytes: incident.bytes,
      ready,
      checkWritable: () => {
        this.#checkWritable();
      },
      fail: (error) => this.#fail(error),
      onCommitted: (record, offset, length) => {
        const first = record.events[0];
        if (record.idempotency && first) {
          this.#idempotency.set(idempotencyMapKey(record.idempotency.scope, record.idempotency.key), { incidentId: first.incidentId, offset, length });
        }
        if (first) this.#cache.append(first.incidentId, record.events);
      },
    });
    this.#logs.set(incident.id, log);
    this.#order.push(incident.id);
    return log;
  }

  async #readLog(log: IncidentLog, bytes: number, lastSeq: number): Promise<TimelineEvent[]> {
    const content = await readRange(log.file, 0, bytes);
    const scan = scanLog(content, { incidentId: log.incidentId, file: path.relative(this.dataDir, log.file), keepEvents: true });
    if (scan.problem || scan.lastSeq !== lastSeq) {
      // Checked at open and appended to only by us: someone changed the file under the server.
      throw new Error(`${log.file} changed while the server ran (${scan.problem?.message ?? `it ends at seq ${scan.lastSeq}, not ${lastSeq}`}): stop the server and check the data dir`);
    }
    return scan.events;
  }

  #checkOpen(): void {
    if (this.#closed) throw new StoreClosedError();
  }

  #checkWritable(): void {
    if (this.#failed) throw this.#failed;
  }

  #fail(error: unknown): StoreFailedError {
    this.#failed ??= error instanceof StoreFailedError ? error : new StoreFailedError(this.dataDir, error);
    return this.#failed;
  }
}

async function readRange(file: string, offset: number, length: number): Promise<Buffer> {
  const handle = await open(file, 'r');
  try {
    const buffer = Buffer.alloc(length);
    let done = 0;
    while (done < length) {
      const { bytesRead } = await handle.read(buffer, done, length - done, offset + done);
      if (bytesRead === 0) throw new Error(`${file} ends before byte ${offset + length}: it was cut while the server ran; stop the server and check the data dir`);
      done += bytesRead;
    }
    return buffer;
  } finally {
    await handle.close();
  }
}
