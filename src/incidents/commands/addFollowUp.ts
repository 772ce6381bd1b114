import { FOLLOW_UP_KINDS, type FollowUpKind } from '../followUpKind.js';
import type { Incident } from '../incident.js';
import type { FollowUpAddedData, IncidentDraft } from '../incidentEvent.js';
import type { CommandContext } from './commandContext.js';
import { optionalText, requireOneOf, requireText } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';
import { requireOpenIncident } from './requireIncident.js';

export interface AddFollowUpCommand {
  kind: FollowUpKind;
  text: string;
  /** Who will do it: a person or a team, as free text. */
  owner?: string;
}

/** followup.added: an action item for after the incident (the postmortem lists them). */
export function addFollowUp(incident: Incident | undefined, command: AddFollowUpCommand, ctx: CommandContext): IncidentDraft[] {
  requireOpenIncident(incident, 'adding a follow-up');
  const data: FollowUpAddedData = {
    kind: requireOneOf(command.kind, 'kind', FOLLOW_UP_KINDS),
    text: requireText(command.text, 'text', { max: COMMAND_LIMITS.note }),
  };
  const owner = optionalText(command.owner, 'owner', { max: COMMAND_LIMITS.user, singleLine: true });
  if (owner !== undefined) data.owner = owner;
  return [{ type: 'followup.added', actor: ctx.actor, data }];
}
