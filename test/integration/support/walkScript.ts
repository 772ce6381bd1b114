// Walks a runbook the way a responder would: checks run against the metric sources at the walk's
// current time, questions are answered and actions completed from a script, and each action
// moves the clock on by the minutes it took, so later checks see the incident evolve.
import { startWalk, step } from '../../../src/engine/walk.js';
import type { WalkTransition } from '../../../src/engine/walkEvent.js';
import type { WalkState } from '../../../src/engine/walkState.js';
import type { MetricSource } from '../../../src/metrics/metricSource.js';
import { nonCheckEvents, stepCheck, type SteppedEvent } from '../../../src/metrics/stepCheck.js';
import type { Runbook } from '../../../src/runbook/types.js';

export interface ActionPlan {
  result?: 'done' | 'skipped';
  /** How long the action took; the next checks run that much later. */
  minutes: number;
}

export interface WalkScript {
  /** Answer label per question node: one for every visit, or one per visit in order. */
  answers?: Readonly<Record<string, string | readonly string[]>>;
  /** How each action went, likewise per visit. Unlisted actions are done in no time. */
  actions?: Readonly<Record<string, ActionPlan | readonly ActionPlan[]>>;
}

export type CheckEvent = Extract<SteppedEvent, { type: 'check.evaluated' | 'check.failed' }>;

export interface CheckRecord {
  /** Evaluation time of the check, unix seconds. */
  at: number;
  event: CheckEvent;
}

export interface WalkRecord {
  path: string[];
  events: SteppedEvent[];
  checks: CheckRecord[];
  state: WalkState;
}

/** No shipped runbook needs more steps; a script that loops is a bug in the script. */
const MAX_STEPS = 100;

function forVisit<T>(plan: T | readonly T[] | undefined, visit: number): T | undefined {
  if (plan === undefined) return undefined;
  if (!Array.isArray(plan)) return plan as T;
  return (plan as readonly T[])[visit - 1];
}

export async function walkScript(options: {
  runbook: Runbook;
  sources: ReadonlyMap<string, MetricSource>;
  inputs?: Readonly<Record<string, string>>;
  /** When the walk starts, unix seconds. */
  start: number;
  script: WalkScript;
}): Promise<WalkRecord> {
  const { runbook, sources, script } = options;
  const begun = startWalk(runbook, options.inputs ?? {});
  let state = begun.state;
  const events: SteppedEvent[] = nonCheckEvents(begun.events);
  const checks: CheckRecord[] = [];
  let now = options.start;

  for (let steps = 0; state.current !== null; steps++) {
    if (steps >= MAX_STEPS) throw new Error(`the walk took more than ${MAX_STEPS} steps; path so far: ${state.path.join(' → ')}`);
    const id: string = state.current;
    const node = runbook.nodes[id];
    const visit = state.visits[id] ?? 1;
    if (!node) throw new Error(`the walk waits at '${id}', which the runbook does not have`);
    if (node.type === 'check') {
      const result = await stepCheck({ runbook, state, sources, at: now, clock: () => performance.now() });
      for (const event of result.events) {
        if (event.type === 'check.evaluated' || event.type === 'check.failed') checks.push({ at: now, event });
      }
      events.push(...result.events);
      state = result.state;
      continue;
    }
    let next: WalkTransition;
    if (node.type === 'question') {
      const label = forVisit(script.answers?.[id], visit);
      if (label === undefined) throw new Error(`the script has no answer for question '${id}' (visit ${visit}); path so far: ${state.path.join(' → ')}`);
      next = step(runbook, state, { kind: 'answer', label });
    } else if (node.type === 'action') {
      const plan = forVisit(script.actions?.[id], visit) ?? { minutes: 0 };
      next = step(runbook, state, { kind: 'action', result: plan.result ?? 'done' });
      now += plan.minutes * 60;
    } else {
      throw new Error(`the walk waits at end node '${id}'`);
    }
    events.push(...nonCheckEvents(next.events));
    state = next.state;
  }
  return { path: state.path, events, checks, state };
}
