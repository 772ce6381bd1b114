import { CommandError } from '../commandError.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft, IncidentOpenedData } from '../incidentEvent.js';
import { SEVERITIES, type Severity } from '../severity.js';
import { beginWalk } from './beginWalk.js';
import type { CommandContext } from './commandContext.js';
import { optionalStringMap, optionalText, requireOneOf, requireText } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';
import { requireRunbook } from './requireRunbook.js';

export interface OpenIncidentCommand {
  title: string;
  severity: Severity;
  summary?: string;
  /** A runbook id: its walk starts with the incident. */
  runbook?: string;
  /** Runbook inputs (defaults fill the rest). */
  inputs?: Record<string, string>;
  /** Alert labels for the runbook's queries. */
  labels?: Record<string, string>;
}

/** incident.opened, then (with a runbook) walk.started and the events of entering its start node. */
export function openIncident(incident: Incident | undefined, command: OpenIncidentCommand, ctx: CommandContext): IncidentDraft[] {
  if (incident) {
    throw new CommandError('incident_exists', `incident ${incident.id} already exists; open a new incident without naming an id, or act on this one`, {
      lastSeq: incident.lastSeq,
    });
  }
  const data: IncidentOpenedData = {
    title: requireText(command.title, 'title', { max: COMMAND_LIMITS.title, singleLine: true }),
    severity: requireOneOf(command.severity, 'severity', SEVERITIES),
  };
  const summary = optionalText(command.summary, 'summary', { max: COMMAND_LIMITS.summary });
  if (summary !== undefined) data.summary = summary;
  const inputs = optionalStringMap(command.inputs, 'inputs');
  const labels = optionalStringMap(command.labels, 'labels');
  if (command.runbook === undefined) {
    if (inputs !== undefined || labels !== undefined) {
      throw new CommandError('invalid_command', 'inputs and labels are for a runbook walk; name the runbook too, or leave them out');
    }
    return [{ type: 'incident.opened', actor: ctx.actor, data }];
  }
  const runbook = requireRunbook(command.runbook, ctx);
  data.runbook = { id: runbook.id, title: runbook.title };
  if (inputs !== undefined) data.inputs = inputs;
  return [{ type: 'incident.opened', actor: ctx.actor, data }, ...beginWalk(undefined, runbook, inputs ?? {}, labels, ctx)];
}
