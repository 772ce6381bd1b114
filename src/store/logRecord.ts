import type { TimelineEvent } from '../incidents/timelineEvent.js';
import type { IdempotencyRecord } from './eventStore.js';

/** One append as stored: its events and the idempotency record they came with, in one line of JSON. */
export interface LogRecord {
  events: TimelineEvent[];
  idempotency?: IdempotencyRecord;
}

export interface EncodedRecord {
  /** The JSON line (with its `\n`) the log holds. */
  line: string;
  /** The record as read back from that line, deeply frozen: what readers get. */
  stored: LogRecord;
}

/**
 * Serializes a record and reads it back, so what an append returns is exactly what a restart
 * reads (both stores do this, so they agree on non-JSON data such as undefined or NaN).
 */
export function encodeRecord(record: LogRecord): EncodedRecord {
  const line = `${JSON.stringify(record)}\n`;
  return { line, stored: deepFreeze(JSON.parse(line) as LogRecord) };
}

export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
