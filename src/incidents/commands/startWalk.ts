import { CommandError } from '../commandError.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft } from '../incidentEvent.js';
import { beginWalk } from './beginWalk.js';
import type { CommandContext } from './commandContext.js';
import { optionalStringMap, requireText } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';
import { requireOpenIncident } from './requireIncident.js';
import { requireRunbook } from './requireRunbook.js';

export interface StartWalkCommand {
  runbook: string;
  inputs?: Record<string, string>;
  labels?: Record<string, string>;
  /**
   * The node the sender believes the walk waits at: absent (or null) when it believes no walk is in
   * progress. Naming it replaces a walk in progress (a wrong runbook was picked); a walk the sender
   * has not seen is never replaced.
   */
  node?: string | null;
}

/** (runbook.pinned,) walk.started and the events of entering the start node; replaces the walk in progress only when it names its node. */
export function startWalk(incident: Incident | undefined, command: StartWalkCommand, ctx: CommandContext): IncidentDraft[] {
  const found = requireOpenIncident(incident, 'starting a walk');
  const runbook = requireRunbook(command.runbook, ctx);
  const inputs = optionalStringMap(command.inputs, 'inputs');
  const labels = optionalStringMap(command.labels, 'labels');
  const named = command.node === undefined || command.node === null ? null : requireText(command.node, 'node', { max: COMMAND_LIMITS.node, singleLine: true });
  const walk = found.walk;
  const current = walk?.state.current ?? null;
  if (walk && current !== named) {
    const details = { lastSeq: found.lastSeq, walk, current };
    if (named === null) {
      throw new CommandError('walk_in_progress', `a walk of '${walk.runbookId}' waits at '${String(current)}'; finish it, or name that node to replace the walk`, details);
    }
    const now = current === null ? 'no walk is in progress' : `the walk waits at '${current}'`;
    throw new CommandError('stale_node', `${now}, not at '${named}'; reload the incident (events after seq ${found.lastSeq}) and try again`, details);
  }
  if (!walk && named !== null) {
    throw new CommandError('stale_node', `no walk is in progress, so none waits at '${named}'; leave node out to start one`, { lastSeq: found.lastSeq, current: null });
  }
  return beginWalk(found, runbook, inputs ?? {}, labels, ctx);
}
