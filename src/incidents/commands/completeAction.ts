import { step } from '../../engine/walk.js';
import type { WalkInput } from '../../engine/walkInput.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft } from '../incidentEvent.js';
import type { CommandContext } from './commandContext.js';
import { withWalkErrors } from './withWalkErrors.js';
import { optionalText, requireOneOf } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';
import { requireOpenIncident } from './requireIncident.js';
import { requireWalkAt } from './requireWalkAt.js';
import { walkDrafts } from './walkDrafts.js';

export interface CompleteActionCommand {
  /** The action the sender believes the walk waits at. */
  node: string;
  result: 'done' | 'skipped';
  note?: string;
}

/** action.completed (with the node's `mitigation` flag) or action.skipped, and the step it leads to. */
export function completeAction(incident: Incident | undefined, command: CompleteActionCommand, ctx: CommandContext): IncidentDraft[] {
  const found = requireOpenIncident(incident, 'completing an action');
  const result = requireOneOf(command.result, 'result', ['done', 'skipped'] as const);
  const note = optionalText(command.note, 'note', { max: COMMAND_LIMITS.note });
  const { walk, runbook } = requireWalkAt(found, command.node, ctx);
  const input: WalkInput = note === undefined ? { kind: 'action', result } : { kind: 'action', result, note };
  const details = { lastSeq: found.lastSeq, walk, current: walk.state.current };
  return walkDrafts(withWalkErrors(() => step(runbook, walk.state, input), details).events, ctx.actor);
}
