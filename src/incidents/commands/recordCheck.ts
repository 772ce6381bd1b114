import type { WalkState } from '../../engine/walkState.js';
import type { CheckNode, Runbook, RunbookNode } from '../../runbook/types.js';
import { applyWalkEvent } from '../applyWalkEvent.js';
import { CommandError } from '../commandError.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft, WalkTimelineEvent } from '../incidentEvent.js';
import { parseIncidentEvent } from '../parseIncidentEvent.js';
import type { CommandContext } from './commandContext.js';
import { requireOpenIncident } from './requireIncident.js';
import { requireWalkAt } from './requireWalkAt.js';
import { walkDrafts } from './walkDrafts.js';

export interface RecordCheckCommand {
  /** The check the sender believes the walk waits at. */
  node: string;
  /**
   * What the server's stepCheck returned for the walk's current state: the check event (with
   * query, source, duration) and the step it leads to. Checks are not re-run here.
   */
  transition: { state?: WalkState; events: readonly { type: string; data: unknown }[] };
}

const FIX = 'run the check with stepCheck on the walk state of this incident and hand in what it returns';

function refuse(problem: string): never {
  throw new CommandError('invalid_command', `the check transition ${problem}; ${FIX}`);
}

/** The outlet an evaluated or failed check names must be the one the node has for it. */
function expectedNext(node: CheckNode, event: Extract<WalkTimelineEvent, { type: 'check.evaluated' | 'check.failed' }>): string | undefined {
  if (event.type === 'check.failed') return event.data.status === 'no_data' ? node.on_no_data : node.on_error;
  return event.data.branch === 'default' ? node.default : node.branches[event.data.branch]?.next;
}

function nodeOf(runbook: Runbook, id: string): RunbookNode | undefined {
  return Object.hasOwn(runbook.nodes, id) ? runbook.nodes[id] : undefined;
}

function walkEvent(raw: { type: string; data: unknown }, index: number): WalkTimelineEvent {
  const parsed = parseIncidentEvent(raw.type, raw.data);
  if (!parsed.ok) return refuse(`has a malformed event ${index + 1} (${parsed.message})`);
  const { event } = parsed;
  switch (event.type) {
    case 'step.entered':
    case 'check.evaluated':
    case 'check.failed':
    case 'question.answered':
    case 'action.completed':
    case 'action.skipped':
    case 'walk.ended':
      return event;
    default:
      return refuse(`has a ${event.type} event, which is not a walk event`);
  }
}

/** Checks that the events are one check of `id` and the step the engine takes from it; returns them typed. */
function checkTransition(runbook: Runbook, state: WalkState, id: string, raw: RecordCheckCommand['transition']['events']): WalkTimelineEvent[] {
  const node = nodeOf(runbook, id);
  if (node?.type !== 'check') {
    throw new CommandError('wrong_input', `the walk waits at '${id}', which is ${node ? `a ${node.type}` : 'not a node of the runbook'}, not a check; give it its own input instead`);
  }
  if (!Array.isArray(raw) || raw.length < 2 || raw.length > 3) refuse('must hold one check event and the step it leads to (2 or 3 events)');
  const [first, ...rest] = raw.map(walkEvent);
  if ((first?.type !== 'check.evaluated' && first?.type !== 'check.failed') || first.data.node !== id) {
    return refuse(`must start with check.evaluated or check.failed of '${id}'`);
  }
  const next = first.data.next;
  if (expectedNext(node, first) !== next) refuse(`goes to '${next}', which is not the outlet '${id}' has for that result`);

  let moved = state;
  rest.forEach((event, index) => {
    if (moved.ended) refuse('has events after walk.ended');
    const entering = index === 0 ? next : moved.current;
    if (event.type === 'step.entered') {
      const target = nodeOf(runbook, event.data.node);
      if (index !== 0 || event.data.node !== next) refuse(`enters '${event.data.node}', not '${next}'`);
      if (target?.type !== event.data.nodeType) refuse(`says '${event.data.node}' is a ${event.data.nodeType}, but the runbook says otherwise`);
      if (event.data.visit !== (moved.visits[next] ?? 0) + 1) refuse(`counts visit ${event.data.visit} of '${next}', not ${(moved.visits[next] ?? 0) + 1}`);
    } else if (event.type === 'walk.ended') {
      const fromEnd = event.data.by === 'end' && index === 1 && nodeOf(runbook, next)?.type === 'end';
      if (event.data.node !== entering || !(fromEnd || (event.data.by === 'max_visits' && index === 0))) refuse(`ends the walk at '${String(event.data.node)}' out of turn`);
    } else {
      refuse(`has a second step event (${event.type})`);
    }
    moved = applyWalkEvent(moved, event);
  });
  if (!moved.ended && (moved.current !== next || nodeOf(runbook, next)?.type === 'end')) refuse(`does not finish entering '${next}'`);
  return [first, ...rest];
}

/** Records a check the server ran (stepCheck) and the step it led to, if the walk still waits at that check. */
export function recordCheck(incident: Incident | undefined, command: RecordCheckCommand, ctx: CommandContext): IncidentDraft[] {
  const found = requireOpenIncident(incident, 'running a check');
  const { walk, runbook, node } = requireWalkAt(found, command.node, ctx);
  const events = checkTransition(runbook, walk.state, node, command.transition.events);
  const claimed = command.transition.state;
  if (claimed !== undefined) {
    const folded = events.reduce(applyWalkEvent, walk.state);
    if (claimed.current !== folded.current || claimed.path.length !== folded.path.length || Boolean(claimed.ended) !== Boolean(folded.ended)) {
      refuse('ends in a state its events do not lead to');
    }
  }
  return walkDrafts(events, ctx.actor);
}
