import type { EventDraft, TimelineEvent } from '../incidents/timelineEvent.js';

/** A stored answer to an idempotent command, replayed when the same key comes again. */
export interface IdempotencyRecord {
  /** Where keys are unique: the incident id for commands on an incident, `incidents` for opening one. */
  scope: string;
  key: string;
  /** A digest of the command's payload: the same key with another payload is refused. */
  fingerprint: string;
  /** What the first call answered (HTTP status and body), replayed verbatim. */
  response: { status: number; body: unknown };
}

export interface AppendRequest {
  incidentId: string;
  drafts: EventDraft[];
  /**
   * The seq the caller's decision was based on (the incident's last seq when it read it). The
   * append is refused with `StaleAppendError` when events were appended since, so a command is
   * never applied to a state it did not see. Omit for appends that do not depend on state.
   */
  expectedLastSeq?: number;
  /**
   * Stored atomically with the events: a crash keeps both or neither. A (scope, key) that is
   * already stored, or on its way, refuses the append with `IdempotencyKeyTakenError`, so two
   * racing requests with one key cannot both append.
   */
  idempotency?: IdempotencyRecord;
}

/**
 * Durable, append-only storage of incident timelines. `append` resolves only once the events
 * (and the idempotency record) are durable; seq is assigned here, gapless per incident.
 * Implementations: memory (tests) and lowdb files (the embedded default); one contract suite
 * (test/store/eventStoreContract.ts) runs against both.
 */
export interface EventStore {
  /**
   * Assigns seq, id and at (and `key` from the idempotency record); returns the stored events.
   * Appends to one incident get seqs in call order. The events come back frozen: copy before
   * changing one (e.g. to hide a redacted text from a reader).
   */
  append(request: AppendRequest): Promise<TimelineEvent[]>;
  /** Events of one incident with seq > afterSeq, in seq order (durable ones only; frozen, like append's). */
  read(incidentId: string, afterSeq?: number): Promise<TimelineEvent[]>;
  /** Every incident id, in creation order. */
  incidentIds(): Promise<string[]>;
  /**
   * The record stored with `key` in `scope`, if any (survives restarts like the events it came with).
   * A record whose append is still being written is returned once it is durable (undefined if that fails).
   */
  idempotency(scope: string, key: string): Promise<IdempotencyRecord | undefined>;
  close(): Promise<void>;
}

/** The incident moved on since the caller read it (timeline promise 3: never applied to the wrong node). */
export class StaleAppendError extends Error {
  override readonly name = 'StaleAppendError';
  constructor(readonly incidentId: string, readonly expectedLastSeq: number, readonly actualLastSeq: number) {
    super(`incident ${incidentId} is at seq ${actualLastSeq}, not ${expectedLastSeq}: reload it and retry`);
  }
}

/**
 * Another append already carries this idempotency key (stored or being written). Look the record
 * up with `idempotency(scope, key)` and answer with it (timeline promise 2: one event per key).
 */
export class IdempotencyKeyTakenError extends Error {
  override readonly name = 'IdempotencyKeyTakenError';
  constructor(readonly scope: string, readonly key: string) {
    super(`idempotency key ${JSON.stringify(key)} in ${scope} is already used: answer with its stored record instead`);
  }
}
