import { step } from '../../engine/walk.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft } from '../incidentEvent.js';
import type { CommandContext } from './commandContext.js';
import { withWalkErrors } from './withWalkErrors.js';
import { requireText } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';
import { requireOpenIncident } from './requireIncident.js';
import { requireWalkAt } from './requireWalkAt.js';
import { walkDrafts } from './walkDrafts.js';

export interface AnswerQuestionCommand {
  /** The question the sender believes the walk waits at. */
  node: string;
  /** One of the question's answer labels. */
  label: string;
}

/** question.answered and the step it leads to. */
export function answerQuestion(incident: Incident | undefined, command: AnswerQuestionCommand, ctx: CommandContext): IncidentDraft[] {
  const found = requireOpenIncident(incident, 'answering a question');
  const label = requireText(command.label, 'label', { max: COMMAND_LIMITS.label });
  const { walk, runbook } = requireWalkAt(found, command.node, ctx);
  const node = Object.hasOwn(runbook.nodes, command.node) ? runbook.nodes[command.node] : undefined;
  const allowed = node?.type === 'question' ? node.answers.map((a) => a.label) : undefined;
  const details = { lastSeq: found.lastSeq, walk, current: walk.state.current, ...(allowed ? { allowed } : {}) };
  const transition = withWalkErrors(() => step(runbook, walk.state, { kind: 'answer', label }), details);
  return walkDrafts(transition.events, ctx.actor);
}
