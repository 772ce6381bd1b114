import { CommandError } from '../commandError.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft } from '../incidentEvent.js';
import type { CommandContext } from './commandContext.js';
import { optionalText, requireEntrySeq } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';
import { requireIncident } from './requireIncident.js';

export interface RedactEntryCommand {
  seq: number;
  reason?: string;
}

/**
 * entry.redacted: hides the text a person typed into an entry (see timelineView). The original
 * stays in the store, readable by admins. Allowed on a closed incident: a leaked secret cannot wait.
 */
export function redactEntry(incident: Incident | undefined, command: RedactEntryCommand, ctx: CommandContext): IncidentDraft[] {
  const found = requireIncident(incident);
  const seq = requireEntrySeq(command.seq, found.lastSeq);
  const reason = optionalText(command.reason, 'reason', { max: COMMAND_LIMITS.reason });
  if (found.redacted.includes(seq)) throw new CommandError('no_change', `entry ${seq} is already redacted; nothing to change`, { lastSeq: found.lastSeq });
  if (!found.redactable.includes(seq)) {
    throw new CommandError(
      'not_redactable',
      `entry ${seq} holds no text a person typed; only notes, action notes, status reasons and the opening summary can be redacted`,
      { lastSeq: found.lastSeq },
    );
  }
  return [{ type: 'entry.redacted', actor: ctx.actor, data: reason === undefined ? { seq } : { seq, reason } }];
}
