import { CommandError } from '../commandError.js';
import { FEEDBACK_KINDS, type FeedbackKind } from '../feedbackKind.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft, RunbookFeedbackData } from '../incidentEvent.js';
import type { CommandContext } from './commandContext.js';
import { requireOneOf, requireText } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';
import { requireOpenIncident } from './requireIncident.js';
import { walkRunbook } from './requireWalkAt.js';

export interface AddFeedbackCommand {
  /** A node of the runbook the incident walks (any node, not only the current one). */
  node: string;
  kind: FeedbackKind;
  text: string;
}

/** runbook.feedback on a node of the runbook version the incident's walk follows (ended or not). */
export function addFeedback(incident: Incident | undefined, command: AddFeedbackCommand, ctx: CommandContext): IncidentDraft[] {
  const found = requireOpenIncident(incident, 'giving runbook feedback');
  const node = requireText(command.node, 'node', { max: COMMAND_LIMITS.node, singleLine: true });
  const kind = requireOneOf(command.kind, 'kind', FEEDBACK_KINDS);
  const text = requireText(command.text, 'text', { max: COMMAND_LIMITS.note });
  const walk = found.walk;
  if (!walk) {
    throw new CommandError('no_walk', `incident ${found.id} has no runbook walk, so there is no node to give feedback on; start a walk first, or write a note`, { lastSeq: found.lastSeq });
  }
  const runbook = walkRunbook(found, walk, ctx);
  if (!Object.hasOwn(runbook.nodes, node)) {
    const allowed = Object.keys(runbook.nodes);
    throw new CommandError('node_not_in_runbook', `runbook '${walk.runbookId}' as this incident walks it has no node '${node}'; name one of its nodes (${allowed.slice(0, 10).join(', ')}${allowed.length > 10 ? ', …' : ''})`, {
      lastSeq: found.lastSeq,
      allowed,
    });
  }
  const data: RunbookFeedbackData = { runbookId: walk.runbookId, node, kind, text };
  if (walk.runbookHash !== undefined) data.runbookHash = walk.runbookHash;
  return [{ type: 'runbook.feedback', actor: ctx.actor, data }];
}
