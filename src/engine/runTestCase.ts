import { didYouMean } from '../runbook/closestMatch.js';
import type { RunbookTestFile, TestCase } from '../runbook/testFileTypes.js';
import type { NodeType, Outcome, Runbook, RunbookNode } from '../runbook/types.js';
import type { CoverageMark } from './branchCoverage.js';
import { marksFromEvents } from './branchCoverage.js';
import { describePathMismatch } from './describePathMismatch.js';
import { ordinal } from './ordinal.js';
import { parseDuration } from './parseDuration.js';
import type { SimulationClock } from './simulateObservation.js';
import { SIMULATION_TIME, simulateObservation } from './simulateObservation.js';
import { SimulationError } from './simulationError.js';
import { startWalk, step } from './walk.js';
import { WalkError } from './walkError.js';
import type { WalkEvent } from './walkEvent.js';
import type { WalkInput } from './walkInput.js';
import type { EndedBy, WalkState } from './walkState.js';

export interface TestCaseResult {
  name: string;
  passed: boolean;
  /** What went wrong and how to fix it; may span several lines. */
  failures: string[];
  /** Every node entered. */
  path: string[];
  /** Where the walk ended: the end node, or the node a visit limit refused. */
  end?: string;
  outcome?: Outcome;
  by?: EndedBy;
  taken: CoverageMark[];
}

/** Which section of a case gives input to each node type. */
const SECTION = { check: 'checks', question: 'answers', action: 'actions' } as const;
type Section = (typeof SECTION)[keyof typeof SECTION];

const A_NODE: Record<NodeType, string> = { check: 'a check', question: 'a question', action: 'an action', end: 'an end node' };

const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
const quoted = (items: readonly string[]): string => items.map((s) => `'${s}'`).join(', ');
const own = <T>(record: Readonly<Record<string, T>> | undefined, key: string): T | undefined =>
  record !== undefined && Object.hasOwn(record, key) ? record[key] : undefined;

/** `checks`/`answers`/`actions` keys must name nodes of the matching type. */
function keyProblems(runbook: Runbook, testCase: TestCase): string[] {
  const problems: string[] = [];
  const ids = Object.keys(runbook.nodes);
  const sections: [Section, NodeType, object | undefined][] = [
    ['checks', 'check', testCase.checks],
    ['answers', 'question', testCase.answers],
    ['actions', 'action', testCase.actions],
  ];
  for (const [section, type, given] of sections) {
    const ofType = ids.filter((id) => own(runbook.nodes, id)?.type === type);
    for (const key of Object.keys(given ?? {})) {
      const node = own(runbook.nodes, key);
      if (!node) {
        const valid = ofType.length > 0 ? `; its ${type} nodes are ${quoted(ofType)}` : `; it has no ${type} nodes`;
        problems.push(`${section}.${key}: runbook '${runbook.id}' has no node '${key}'${didYouMean(key, ofType)}${valid}`);
      } else if (node.type !== type) {
        const where = node.type === 'end' ? 'an end node takes no input; remove it' : `give its input under ${SECTION[node.type]}.${key}`;
        problems.push(`${section}.${key}: '${key}' is ${A_NODE[node.type]}, not a ${type}; ${where}`);
      }
    }
  }
  return problems;
}

/** The input a case gives for the `visit`-th (0-based) entry into a node, or why it cannot. */
function inputFor(id: string, node: RunbookNode, visit: number, testCase: TestCase, clock: SimulationClock): WalkInput | string {
  switch (node.type) {
    case 'check': {
      const given = own(testCase.checks, id);
      if (given === undefined) {
        return `check '${id}' was entered but the case gives no value for it; add checks.${id} (a number, no_data, error, timeout, or { value | values | series })`;
      }
      const list = Array.isArray(given) ? given : [given];
      const visitValue = list[visit];
      if (visitValue === undefined) {
        return `check '${id}' was entered a ${ordinal(visit + 1)} time but the case gives ${plural(list.length, 'value')}; add one to checks.${id}`;
      }
      try {
        return { kind: 'check', observation: simulateObservation(visitValue, clock) };
      } catch (err) {
        if (!(err instanceof SimulationError)) throw err;
        return `checks.${id}${Array.isArray(given) ? `[${visit}]` : ''}: ${err.message}`;
      }
    }
    case 'question': {
      const labels = node.answers.map((a) => a.label);
      const given = own(testCase.answers, id);
      if (given === undefined) return `question '${id}' was reached but the case gives no answer; add answers.${id}: one of ${quoted(labels)}`;
      const list = Array.isArray(given) ? given : [given];
      const label = list[visit];
      if (label === undefined) {
        return `question '${id}' was reached a ${ordinal(visit + 1)} time but the case gives ${plural(list.length, 'answer')}; add one to answers.${id} (one of ${quoted(labels)})`;
      }
      if (!labels.includes(label)) {
        return `answers.${id}: '${label}' is not an answer of question '${id}'${didYouMean(label, labels)}; use one of ${quoted(labels)}`;
      }
      return { kind: 'answer', label };
    }
    case 'action': {
      const given = own(testCase.actions, id);
      const result = Array.isArray(given) ? given[visit] : visit === 0 ? given : undefined;
      return { kind: 'action', result: result ?? 'done' };
    }
    case 'end':
      return `the walk is waiting at end node '${id}', which should not happen; report this as a runpath bug`;
  }
}

function expectationFailures(testCase: TestCase, state: WalkState, runbook: Runbook): string[] {
  const { expect: want } = testCase;
  const failures: string[] = [];
  const ended = state.ended;
  const endedText = ended ? `'${ended.node ?? '?'}' (outcome ${ended.outcome}, by ${ended.by})` : '';
  if (want.path !== undefined) {
    const mismatch = describePathMismatch(want.path, state.path);
    if (mismatch !== undefined) failures.push(mismatch);
  }
  if (want.end !== undefined && ended?.node !== want.end) {
    const missing = own(runbook.nodes, want.end) ? '' : ` (the runbook has no node '${want.end}'${didYouMean(want.end, Object.keys(runbook.nodes))})`;
    failures.push(`expected the walk to end at '${want.end}'${missing} but it ended at ${endedText}`);
  }
  if (want.outcome !== undefined && ended?.outcome !== want.outcome) {
    failures.push(`expected outcome '${want.outcome}' but the walk ended at ${endedText}`);
  }
  if (want.ended_by !== undefined && ended?.by !== want.ended_by) {
    failures.push(`expected the walk to end by ${want.ended_by} but it ended at ${endedText}`);
  }
  return failures;
}

/**
 * Walks a runbook with the values, answers and action results a test case gives, one entry per
 * visit, and checks the case's expectations. Inputs: runbook defaults < file inputs < case inputs.
 */
export function runTestCase(runbook: Runbook, file: RunbookTestFile, testCase: TestCase): TestCaseResult {
  const failures = keyProblems(runbook, testCase);
  const { expect: want } = testCase;
  if (want.path === undefined && want.end === undefined && want.outcome === undefined && want.ended_by === undefined) {
    failures.push('the case asserts nothing; add expect.path, expect.end, expect.outcome or expect.ended_by');
  }
  const events: WalkEvent[] = [];
  const finish = (state?: WalkState): TestCaseResult => {
    const result: TestCaseResult = { name: testCase.name, passed: failures.length === 0, failures, path: state?.path ?? [], taken: marksFromEvents(runbook, events) };
    if (state?.ended) {
      if (state.ended.node !== null) result.end = state.ended.node;
      result.outcome = state.ended.outcome;
      result.by = state.ended.by;
    }
    return result;
  };

  let clock: SimulationClock;
  let state: WalkState;
  try {
    const intervalSeconds = parseDuration(file.interval ?? '1m');
    if (intervalSeconds <= 0) throw new WalkError('bad_duration', 'interval must be longer than 0; e.g. interval: 1m');
    clock = { intervalSeconds, at: SIMULATION_TIME };
    const started = startWalk(runbook, { ...file.inputs, ...testCase.inputs });
    state = started.state;
    events.push(...started.events);
  } catch (err) {
    if (!(err instanceof WalkError)) throw err;
    failures.push(err.code === 'bad_duration' ? `interval: ${err.message}` : err.message);
    return finish();
  }

  const consumed = new Map<string, number>();
  while (state.current !== null) {
    const id = state.current;
    const node = own(runbook.nodes, id);
    if (!node) break; // step() would have refused to enter it
    const visit = consumed.get(id) ?? 0;
    consumed.set(id, visit + 1);
    const stopped = (why: string): TestCaseResult => {
      failures.push(`${why}\n  the walk stopped at '${id}'; path so far: ${state.path.join(' → ')}`);
      return finish(state);
    };
    const input = inputFor(id, node, visit, testCase, clock);
    if (typeof input === 'string') return stopped(input);
    try {
      const next = step(runbook, state, input);
      state = next.state;
      events.push(...next.events);
    } catch (err) {
      if (!(err instanceof WalkError)) throw err;
      return stopped(err.message);
    }
  }
  failures.push(...expectationFailures(testCase, state, runbook));
  return finish(state);
}
