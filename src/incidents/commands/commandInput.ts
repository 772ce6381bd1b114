// Checks of command payloads. The server validates payloads with JSON Schemas first; these keep the
// core safe on its own (socket messages, tests, a schema that drifts) and say how to fix each refusal.
import { CommandError } from '../commandError.js';
import { COMMAND_LIMITS } from './commandLimits.js';

function invalid(message: string): never {
  throw new CommandError('invalid_command', message);
}

function describe(value: unknown): string {
  const text = value === undefined ? 'nothing' : JSON.stringify(value);
  return text.length > 40 ? `${text.slice(0, 40)}…` : text;
}

interface TextRules {
  max: number;
  /** Refuse line breaks (titles, names, ids). */
  singleLine?: boolean;
}

/** A required text field, trimmed; refuses a non-string, an empty one, one too long. */
export function requireText(value: unknown, field: string, rules: TextRules): string {
  if (typeof value !== 'string') invalid(`${field} must be a string, not ${describe(value)}`);
  const text = value.trim();
  if (text.length === 0) invalid(`${field} is empty; give some text`);
  if (text.length > rules.max) invalid(`${field} is ${text.length} characters long; keep it within ${rules.max}`);
  if (rules.singleLine === true && /[\r\n]/u.test(text)) invalid(`${field} must be one line; remove the line breaks`);
  return text;
}

/** Like requireText, but absent (undefined) is allowed and stays absent. */
export function optionalText(value: unknown, field: string, rules: TextRules): string | undefined {
  return value === undefined ? undefined : requireText(value, field, rules);
}

/** One of a fixed list of values. */
export function requireOneOf<T extends string>(value: unknown, field: string, allowed: readonly T[]): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  return invalid(`${field} is ${describe(value)}; use one of ${allowed.join(', ')}`);
}

/** An optional map of strings (inputs, alert labels), bounded in entries and lengths. */
export function optionalStringMap(value: unknown, field: string): Record<string, string> | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) invalid(`${field} must be an object of strings`);
  const entries = Object.entries(value);
  if (entries.length > COMMAND_LIMITS.mapEntries) invalid(`${field} has ${entries.length} entries; keep it within ${COMMAND_LIMITS.mapEntries}`);
  const map: Record<string, string> = {};
  for (const [key, item] of entries) {
    if (key.length === 0 || key.length > COMMAND_LIMITS.mapKey) invalid(`${field} has a key of ${key.length} characters; keys are 1 to ${COMMAND_LIMITS.mapKey} characters`);
    if (typeof item !== 'string') invalid(`${field}.${key} must be a string, not ${describe(item)}`);
    if (item.length > COMMAND_LIMITS.mapValue) invalid(`${field}.${key} is ${item.length} characters long; keep it within ${COMMAND_LIMITS.mapValue}`);
    map[key] = item;
  }
  return map;
}

/** A seq naming an earlier entry of the timeline (1..lastSeq). */
export function requireEntrySeq(value: unknown, lastSeq: number): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 1) invalid(`seq must be a whole number from 1, not ${describe(value)}`);
  if (value > lastSeq) {
    throw new CommandError('entry_not_found', `the timeline has no entry ${value}; it ends at seq ${lastSeq}, so name one of 1..${lastSeq}`, { lastSeq });
  }
  return value;
}

/** An optional boolean flag. */
export function optionalFlag(value: unknown, field: string): boolean | undefined {
  if (value === undefined || typeof value === 'boolean') return value;
  return invalid(`${field} must be true or false, not ${describe(value)}`);
}
