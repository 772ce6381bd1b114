// Checks of what clients send over the socket. Anything may arrive (wrong types, missing or extra
// fields), so each message is checked field by field and refused with a message saying how to fix it.
import { MAX_TAIL } from '../timelineTail.js';
import { socketError } from './socketError.js';
import type { ServiceResult } from './realtimeService.js';

export interface JoinMessage {
  incidentId: string;
  /** The last seq the client holds; it gets every event after it. */
  afterSeq: number;
  /**
   * On a first join (afterSeq 0): send only the newest `tail` entries, with the incident's state,
   * so a long incident's room draws at once; the client reads the rest over HTTP afterwards.
   */
  tail?: number;
}

export interface LeaveMessage {
  incidentId: string;
}

export interface CommandMessage {
  incidentId: string;
  /** Passed to the service as it is: the service and the core check it. */
  command: Record<string, unknown>;
  idempotencyKey?: string;
}

/** `watch` and `unwatch` carry nothing: an empty object. */
export type EmptyMessage = Record<string, never>;

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: ServiceResult };

const MAX_ID = 200;
const MAX_KEY = 200;

class MessageError extends Error {}

function fail(message: string): never {
  throw new MessageError(message);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  const text = JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

function objectWith(value: unknown, event: string, allowed: readonly string[]): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    fail(`${event} takes an object like { ${allowed.join(', ')} }, not ${describe(value)}`);
  }
  const extra = Object.keys(value).filter((key) => !allowed.includes(key));
  if (extra.length > 0) fail(`${event} has unknown field ${extra.map((k) => JSON.stringify(k)).join(', ')}; it takes only ${allowed.join(', ')}`);
  return value as Record<string, unknown>;
}

function text(value: unknown, field: string, max: number): string {
  if (typeof value !== 'string' || value.length === 0) fail(`${field} must be a non-empty string, not ${describe(value)}`);
  if (value.length > max) fail(`${field} is ${value.length} characters long; keep it within ${max}`);
  return value;
}

function parse<T>(build: () => T): Parsed<T> {
  try {
    return { ok: true, value: build() };
  } catch (error) {
    if (error instanceof MessageError) return { ok: false, error: socketError('invalid_message', error.message) };
    throw error;
  }
}

export function parseJoin(value: unknown): Parsed<JoinMessage> {
  return parse(() => {
    const message = objectWith(value, 'join', ['incidentId', 'afterSeq', 'tail']);
    const incidentId = text(message.incidentId, 'incidentId', MAX_ID);
    const afterSeq = message.afterSeq ?? 0;
    if (typeof afterSeq !== 'number' || !Number.isSafeInteger(afterSeq) || afterSeq < 0) {
      fail(`afterSeq must be a whole number from 0 (the last seq you hold, 0 for none), not ${describe(afterSeq)}`);
    }
    const tail = message.tail;
    if (tail === undefined) return { incidentId, afterSeq };
    if (typeof tail !== 'number' || !Number.isSafeInteger(tail) || tail < 1 || tail > MAX_TAIL) {
      fail(`tail must be a whole number from 1 to ${MAX_TAIL} (how many of the newest entries to send first), not ${describe(tail)}`);
    }
    return { incidentId, afterSeq, tail };
  });
}

export function parseLeave(value: unknown): Parsed<LeaveMessage> {
  return parse(() => {
    const message = objectWith(value, 'leave', ['incidentId']);
    return { incidentId: text(message.incidentId, 'incidentId', MAX_ID) };
  });
}

export function parseCommand(value: unknown): Parsed<CommandMessage> {
  return parse(() => {
    const message = objectWith(value, 'command', ['incidentId', 'command', 'idempotencyKey']);
    const incidentId = text(message.incidentId, 'incidentId', MAX_ID);
    const command = message.command;
    if (typeof command !== 'object' || command === null || Array.isArray(command)) {
      fail(`command must be an object naming the command and its fields, not ${describe(command)}`);
    }
    const parsed: CommandMessage = { incidentId, command: command as Record<string, unknown> };
    if (message.idempotencyKey !== undefined) parsed.idempotencyKey = text(message.idempotencyKey, 'idempotencyKey', MAX_KEY);
    return parsed;
  });
}

/** `watch` and `unwatch`: an empty object, so a later version can add fields without old servers misreading them. */
export function parseEmpty(value: unknown, event: 'watch' | 'unwatch'): Parsed<EmptyMessage> {
  return parse(() => {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) fail(`${event} takes an empty object {}, not ${describe(value)}`);
    const extra = Object.keys(value);
    if (extra.length > 0) fail(`${event} has unknown field ${extra.map((k) => JSON.stringify(k)).join(', ')}; it takes an empty object {}`);
    return {};
  });
}
