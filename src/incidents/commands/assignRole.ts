import { CommandError } from '../commandError.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft, RoleAssignedData } from '../incidentEvent.js';
import { INCIDENT_ROLES, type IncidentRole } from '../incidentRole.js';
import type { CommandContext } from './commandContext.js';
import { requireOneOf, requireText } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';
import { requireOpenIncident } from './requireIncident.js';

export interface AssignRoleCommand {
  role: IncidentRole;
  /** The user who takes the role. */
  user: string;
}

/** role.assigned; when someone held the role, a handoff (`previous` names them). */
export function assignRole(incident: Incident | undefined, command: AssignRoleCommand, ctx: CommandContext): IncidentDraft[] {
  const found = requireOpenIncident(incident, 'assigning a role');
  const role = requireOneOf(command.role, 'role', INCIDENT_ROLES);
  const user = requireText(command.user, 'user', { max: COMMAND_LIMITS.user, singleLine: true });
  const previous = found.roles[role];
  if (previous === user) throw new CommandError('no_change', `${user} is already the ${role} of incident ${found.id}; nothing to change`, { lastSeq: found.lastSeq });
  const data: RoleAssignedData = { role, user };
  if (previous !== undefined) data.previous = previous;
  return [{ type: 'role.assigned', actor: ctx.actor, data }];
}
