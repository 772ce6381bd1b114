import { TextDecoder } from 'node:util';
import type { TimelineEvent } from '../incidents/timelineEvent.js';
import type { LogRecord } from './logRecord.js';
import { deepFreeze } from './logRecord.js';
import type { DataProblem } from './storeErrors.js';

/** Where an idempotency record sits in a log: the whole line of its append. */
export interface IdempotencyLocation {
  scope: string;
  key: string;
  offset: number;
  length: number;
}

export interface ScannedLog {
  /** Seq of the last event in the valid prefix (0 when none). */
  lastSeq: number;
  /** Bytes of the valid prefix: whole, well-formed records with gapless seqs. */
  validBytes: number;
  records: number;
  idempotency: IdempotencyLocation[];
  /** The events of the valid prefix, frozen; filled only with `keepEvents`. */
  events: TimelineEvent[];
  /** Server time of the first event, to order logs when an index is rebuilt. */
  firstAt?: string;
  /** The first bad record; it and everything after it are outside the valid prefix. */
  problem?: DataProblem;
  /** Whole lines after the problem that still parse as JSON: what cutting at the problem would lose. */
  recordsAfterProblem: number;
}

export interface ScanLogOptions {
  incidentId: string;
  /** Named in problems (relative to the data dir). */
  file: string;
  keepEvents?: boolean;
}

/**
 * Reads an incident's append-only log: one JSON record per line, events gapless from seq 1.
 * Stops at the first line that is cut off (torn: an append a crash interrupted) or does not read
 * back (corrupt), and says where; the caller decides whether to refuse or repair.
 */
export function scanLog(bytes: Uint8Array, options: ScanLogOptions): ScannedLog {
  const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const result: ScannedLog = { lastSeq: 0, validBytes: 0, records: 0, idempotency: [], events: [], recordsAfterProblem: 0 };
  let pos = 0;
  let line = 1;
  while (pos < buffer.length) {
    const end = buffer.indexOf(0x0a, pos);
    if (end === -1) {
      result.problem = {
        file: options.file,
        line,
        byte: pos,
        kind: 'torn',
        message: `the last record stops after ${buffer.length - pos} bytes without a line end: an append cut off by a crash (it was never acknowledged)`,
      };
      break;
    }
    const parsed = parseRecord(buffer.subarray(pos, end), decoder, options.incidentId, result.lastSeq + 1);
    if (typeof parsed === 'string') {
      result.problem = { file: options.file, line, byte: pos, kind: 'corrupt', message: parsed };
      result.recordsAfterProblem = countJsonLines(buffer, end + 1, decoder);
      break;
    }
    const length = end + 1 - pos;
    const last = parsed.events[parsed.events.length - 1];
    result.lastSeq = last?.seq ?? result.lastSeq;
    result.firstAt ??= parsed.events[0]?.at;
    if (parsed.idempotency) result.idempotency.push({ scope: parsed.idempotency.scope, key: parsed.idempotency.key, offset: pos, length });
    if (options.keepEvents === true) for (const event of parsed.events) result.events.push(deepFreeze(event));
    result.records++;
    pos = end + 1;
    line++;
    result.validBytes = pos;
  }
  return result;
}

/** The record in one line (without its `\n`), or what is wrong with it. */
export function parseRecord(bytes: Uint8Array, decoder: TextDecoder, incidentId: string, nextSeq: number): LogRecord | string {
  let value: unknown;
  try {
    value = JSON.parse(decoder.decode(bytes));
  } catch (error) {
    return `the record does not read back: ${error instanceof TypeError ? 'invalid UTF-8' : `not JSON (${(error as Error).message})`}`;
  }
  const problem = recordProblem(value, incidentId, nextSeq);
  return problem ?? (value as LogRecord);
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function recordProblem(value: unknown, incidentId: string, nextSeq: number): string | undefined {
  if (!isObject(value) || !Array.isArray(value.events) || value.events.length === 0) return 'the line is JSON but not a record (an object with a non-empty `events` array)';
  let seq = nextSeq;
  for (const [i, event] of (value.events as unknown[]).entries()) {
    if (!isObject(event)) return `events[${i}] is not an object`;
    if (event.incidentId !== incidentId) return `events[${i}] belongs to incident ${JSON.stringify(event.incidentId)}, not ${JSON.stringify(incidentId)}`;
    if (event.seq !== seq) return `events[${i}] has seq ${JSON.stringify(event.seq)} where ${seq} comes next: events are missing or repeated`;
    if (typeof event.id !== 'string' || typeof event.at !== 'string' || typeof event.type !== 'string' || !isObject(event.actor) || !('data' in event)) {
      return `events[${i}] (seq ${seq}) lacks id, at, type, actor or data`;
    }
    if (event.key !== undefined && typeof event.key !== 'string') return `events[${i}] (seq ${seq}) has a key that is not a string`;
    seq++;
  }
  const record = value.idempotency;
  if (record !== undefined) {
    if (!isObject(record) || typeof record.scope !== 'string' || typeof record.key !== 'string' || typeof record.fingerprint !== 'string' || !isObject(record.response) || typeof record.response.status !== 'number') {
      return 'its idempotency record lacks scope, key, fingerprint or response.status';
    }
  }
  return undefined;
}

function countJsonLines(buffer: Buffer, from: number, decoder: TextDecoder): number {
  let count = 0;
  let pos = from;
  for (let end = buffer.indexOf(0x0a, pos); end !== -1; pos = end + 1, end = buffer.indexOf(0x0a, pos)) {
    try {
      JSON.parse(decoder.decode(buffer.subarray(pos, end)));
      count++;
    } catch {
      // not a record either
    }
  }
  return count;
}
