import { CommandError } from '../commandError.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft, StatusChangedData } from '../incidentEvent.js';
import { allowedStatusMoves, INCIDENT_STATUSES, statusMove, type IncidentStatus } from '../incidentStatus.js';
import type { CommandContext } from './commandContext.js';
import { optionalText, requireOneOf } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';
import { requireIncident } from './requireIncident.js';

export interface ChangeStatusCommand {
  to: IncidentStatus;
  reason?: string;
}

/**
 * status.changed: a forward move (skipping is allowed: mitigating before identifying happens), or a
 * reopen from resolved/closed back to investigating, recorded with `reopened: true`.
 */
export function changeStatus(incident: Incident | undefined, command: ChangeStatusCommand, ctx: CommandContext): IncidentDraft[] {
  const found = requireIncident(incident);
  const to = requireOneOf(command.to, 'to', INCIDENT_STATUSES);
  const reason = optionalText(command.reason, 'reason', { max: COMMAND_LIMITS.reason });
  const from = found.status;
  if (to === from) throw new CommandError('no_change', `incident ${found.id} is already ${from}; nothing to change`, { lastSeq: found.lastSeq });
  const move = statusMove(from, to);
  if (move === undefined) {
    const allowed = allowedStatusMoves(from);
    const hint = from === 'closed' ? 'a closed incident can only be reopened (to investigating)' : `from ${from} it may move to ${allowed.join(', ')}`;
    throw new CommandError('invalid_transition', `the status cannot go back from ${from} to ${to}: ${hint}`, { lastSeq: found.lastSeq, allowed });
  }
  const data: StatusChangedData = { from, to };
  if (reason !== undefined) data.reason = reason;
  if (move === 'reopen') data.reopened = true;
  return [{ type: 'status.changed', actor: ctx.actor, data }];
}
