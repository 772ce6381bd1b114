import { CommandError } from '../commandError.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft, NoteAddedData } from '../incidentEvent.js';
import type { CommandContext } from './commandContext.js';
import { requireText } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';
import { requireOpenIncident } from './requireIncident.js';

export interface AddNoteCommand {
  text: string;
  /** When it happened, if not now (ISO 8601 with a time zone): backdating. The event's `at` stays server time. */
  claimedAt?: string;
}

const ISO_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:\d{2})$/u;

/** The claimed time in UTC with milliseconds, like `at`; refused when malformed or later than now. */
function claimedTime(value: unknown, now: string | undefined): string {
  const ms = typeof value === 'string' && ISO_TIME.test(value) ? Date.parse(value) : Number.NaN;
  if (Number.isNaN(ms)) {
    throw new CommandError('invalid_command', 'claimedAt must be an ISO 8601 time with a time zone, like 2024-05-01T13:58:00Z');
  }
  const limit = now === undefined ? Number.NaN : Date.parse(now) + COMMAND_LIMITS.claimSkewMs;
  if (ms > limit) {
    throw new CommandError('invalid_command', `claimedAt ${String(value)} is in the future (the server's time is ${String(now)}); a note may be backdated, not postdated`);
  }
  return new Date(ms).toISOString();
}

/** note.added, optionally backdated. */
export function addNote(incident: Incident | undefined, command: AddNoteCommand, ctx: CommandContext): IncidentDraft[] {
  requireOpenIncident(incident, 'adding a note');
  const data: NoteAddedData = { text: requireText(command.text, 'text', { max: COMMAND_LIMITS.note }) };
  if (command.claimedAt !== undefined) data.claimedAt = claimedTime(command.claimedAt, ctx.now);
  return [{ type: 'note.added', actor: ctx.actor, data }];
}
