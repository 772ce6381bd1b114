import type { TimelineEvent } from '../incidents/timelineEvent.js';
import type { AppendRequest } from './eventStore.js';
import { incidentIdProblem } from './logFileName.js';

/**
 * Refuses a malformed append with a TypeError/RangeError naming the field (the server validates
 * payloads first, so this guards the store against its own callers' bugs).
 */
export function checkAppendRequest(request: AppendRequest): void {
  const idProblem = incidentIdProblem(request.incidentId);
  if (idProblem !== undefined) throw new RangeError(idProblem);
  if (request.drafts.length === 0) throw new RangeError(`append to ${request.incidentId} has no event drafts: pass at least one`);
  request.drafts.forEach((draft, i) => {
    if (typeof draft.type !== 'string' || draft.type === '') throw new TypeError(`drafts[${i}].type must be a non-empty string`);
    if (draft.data === undefined) throw new TypeError(`drafts[${i}].data is undefined: use null for an event without data`);
  });
  const expected = request.expectedLastSeq;
  if (expected !== undefined && !(Number.isSafeInteger(expected) && expected >= 0)) {
    throw new RangeError(`expectedLastSeq must be a whole number ≥ 0, not ${String(expected)}`);
  }
  const record = request.idempotency;
  if (record !== undefined && (record.scope === '' || record.key === '')) {
    throw new RangeError('an idempotency record needs a non-empty scope and key');
  }
}

export function checkAfterSeq(afterSeq: number): void {
  if (!(Number.isSafeInteger(afterSeq) && afterSeq >= 0)) throw new RangeError(`afterSeq must be a whole number ≥ 0, not ${String(afterSeq)}`);
}

/** The events an append stores: seq from `firstSeq`, a fresh id each, one server time, the idempotency key. */
export function buildEvents(request: AppendRequest, firstSeq: number, at: string, newId: () => string): TimelineEvent[] {
  const key = request.idempotency?.key;
  return request.drafts.map((draft, i) => ({
    incidentId: request.incidentId,
    seq: firstSeq + i,
    id: newId(),
    at,
    type: draft.type,
    actor: draft.actor,
    data: draft.data,
    ...(key === undefined ? {} : { key }),
  }));
}

/** Server time as events carry it: UTC ISO 8601 with milliseconds. */
export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** Where idempotency keys live in a map: scope and key, joined so no two pairs collide. */
export function idempotencyMapKey(scope: string, key: string): string {
  return JSON.stringify([scope, key]);
}
