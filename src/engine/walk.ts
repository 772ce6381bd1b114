import type { Runbook, RunbookNode } from '../runbook/types.js';
import { evaluateCheck } from './evaluateCheck.js';
import { WalkError } from './walkError.js';
import type { WalkEvent, WalkTransition } from './walkEvent.js';
import type { WalkInput } from './walkInput.js';
import type { WalkState } from './walkState.js';

/** No runbook may walk more steps than this, whatever its visit limits say. */
export const MAX_PATH_LENGTH = 1000;

/**
 * Longest input value accepted. Values may come from alert labels, and are matched against the
 * runbook's `pattern`s: a bound keeps a pathological pattern from stalling the walk on a huge value.
 */
export const MAX_INPUT_LENGTH = 1024;

function nodeOf(runbook: Runbook, id: string): RunbookNode {
  const node = Object.hasOwn(runbook.nodes, id) ? runbook.nodes[id] : undefined;
  if (!node) {
    throw new WalkError(
      'unknown_node',
      `runbook '${runbook.id}' has no node '${id}'; fix the target that points at it (runpath validate reports it)`,
    );
  }
  return node;
}

/** Enters `id` (or ends the walk there); returns the new state. Pushes the events it causes. */
function enter(runbook: Runbook, state: WalkState, id: string, events: WalkEvent[]): WalkState {
  const node = nodeOf(runbook, id);
  const visits = state.visits[id] ?? 0;
  if ((node.max_visits !== undefined && visits >= node.max_visits) || state.path.length >= MAX_PATH_LENGTH) {
    const ended = { node: id, outcome: 'escalate' as const, by: 'max_visits' as const };
    events.push({ type: 'walk.ended', data: ended });
    return { ...state, current: null, ended };
  }
  const entered: WalkState = {
    ...state,
    current: id,
    path: [...state.path, id],
    visits: { ...state.visits, [id]: visits + 1 },
  };
  events.push({ type: 'step.entered', data: { node: id, nodeType: node.type, visit: visits + 1 } });
  if (node.type !== 'end') return entered;
  const ended = { node: id, outcome: node.outcome, by: 'end' as const };
  events.push({ type: 'walk.ended', data: node.handoff === undefined ? ended : { ...ended, handoff: node.handoff } });
  return { ...entered, current: null, ended };
}

/** Runbook input defaults, overridden by the given values; each checked against its `pattern`. */
function resolveInputs(runbook: Runbook, given: Readonly<Record<string, string>>): Record<string, string> {
  const inputs: Record<string, string> = {};
  for (const [name, spec] of Object.entries(runbook.inputs ?? {})) {
    const value = Object.hasOwn(given, name) ? given[name] : spec.default;
    if (value === undefined) {
      throw new WalkError('missing_input', `input '${name}' has no value and no default; give it when starting the walk (or add a default to the runbook)`);
    }
    if (value.length > MAX_INPUT_LENGTH) {
      throw new WalkError('invalid_input', `input '${name}' is ${value.length} characters long; inputs are limited to ${MAX_INPUT_LENGTH}. Give the identifier, not a document`);
    }
    if (spec.pattern !== undefined) {
      let pattern: RegExp;
      try {
        pattern = new RegExp(`^(?:${spec.pattern})$`, 'u');
      } catch {
        throw new WalkError('invalid_input', `input '${name}' has a pattern that is not a valid regular expression: ${spec.pattern}`);
      }
      if (!pattern.test(value)) {
        throw new WalkError('invalid_input', `input '${name}' is '${value}', which does not match its pattern ${spec.pattern}; give a matching value`);
      }
    }
    inputs[name] = value;
  }
  for (const [name, value] of Object.entries(given)) {
    if (!Object.hasOwn(inputs, name)) inputs[name] = value;
  }
  return inputs;
}

/** Starts a walk: resolves inputs and enters the runbook's `start` node. */
export function startWalk(runbook: Runbook, inputs: Readonly<Record<string, string>> = {}): WalkTransition {
  const events: WalkEvent[] = [];
  const initial: WalkState = { runbookId: runbook.id, current: null, path: [], visits: {}, inputs: resolveInputs(runbook, inputs) };
  const state = enter(runbook, initial, runbook.start, events);
  return { state, events };
}

const WAITS_FOR: Record<WalkInput['kind'], string> = {
  check: 'a check result',
  answer: 'an answer',
  action: 'an action result (done or skipped)',
};

const A_NODE: Record<RunbookNode['type'], string> = { check: 'a check', question: 'a question', action: 'an action', end: 'an end node' };

function wrongInput(id: string, node: RunbookNode, input: WalkInput, wanted: WalkInput['kind']): never {
  throw new WalkError('wrong_input', `node '${id}' is ${A_NODE[node.type]} and waits for ${WAITS_FOR[wanted]}, not ${WAITS_FOR[input.kind]}`);
}

/** Applies one input to the node the walk waits at. Never mutates `state`. */
export function step(runbook: Runbook, state: WalkState, input: WalkInput): WalkTransition {
  if (state.runbookId !== runbook.id) {
    throw new WalkError('wrong_runbook', `this walk belongs to runbook '${state.runbookId}', not '${runbook.id}'; step it with its own runbook`);
  }
  const id = state.current;
  if (id === null || state.ended) {
    const where = state.ended ? ` at '${state.ended.node ?? '?'}' (${state.ended.outcome}, by ${state.ended.by})` : '';
    throw new WalkError('walk_ended', `the walk already ended${where}; start a new walk to go again`);
  }
  const node = nodeOf(runbook, id);
  const events: WalkEvent[] = [];
  let next: string;
  switch (node.type) {
    case 'check': {
      if (input.kind !== 'check') wrongInput(id, node, input, 'check');
      const event = evaluateCheck(id, node, input.observation);
      events.push(event);
      next = event.data.next;
      break;
    }
    case 'question': {
      if (input.kind !== 'answer') wrongInput(id, node, input, 'answer');
      const answer = node.answers.find((a) => a.label === input.label);
      if (!answer) {
        const labels = node.answers.map((a) => `'${a.label}'`).join(', ');
        throw new WalkError('unknown_answer', `question '${id}' has no answer '${input.label}'; answer one of ${labels}`);
      }
      next = answer.next;
      events.push({ type: 'question.answered', data: { node: id, label: answer.label, next } });
      break;
    }
    case 'action': {
      if (input.kind !== 'action') wrongInput(id, node, input, 'action');
      const note = input.note === undefined ? {} : { note: input.note };
      if (input.result === 'skipped') {
        next = node.on_skip ?? node.next;
        events.push({ type: 'action.skipped', data: { node: id, next, ...note } });
      } else {
        next = node.next;
        events.push({ type: 'action.completed', data: { node: id, next, mitigation: node.mitigation ?? false, ...note } });
      }
      break;
    }
    case 'end':
      // An end node is never current (entering it ends the walk); a hand-built state could say otherwise.
      throw new WalkError('walk_ended', `node '${id}' is an end node; the walk is over, start a new walk to go again`);
  }
  return { state: enter(runbook, state, next, events), events };
}
