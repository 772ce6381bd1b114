import { CommandError } from '../commandError.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft } from '../incidentEvent.js';
import { SEVERITIES, type Severity } from '../severity.js';
import type { CommandContext } from './commandContext.js';
import { requireOneOf } from './commandInput.js';
import { requireOpenIncident } from './requireIncident.js';

export interface ChangeSeverityCommand {
  to: Severity;
}

/** severity.changed, either way (an incident may turn out worse or milder than declared). */
export function changeSeverity(incident: Incident | undefined, command: ChangeSeverityCommand, ctx: CommandContext): IncidentDraft[] {
  const found = requireOpenIncident(incident, 'changing the severity');
  const to = requireOneOf(command.to, 'to', SEVERITIES);
  if (to === found.severity) throw new CommandError('no_change', `incident ${found.id} is already ${to}; nothing to change`, { lastSeq: found.lastSeq });
  return [{ type: 'severity.changed', actor: ctx.actor, data: { from: found.severity, to } }];
}
