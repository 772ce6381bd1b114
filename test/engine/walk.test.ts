import { describe, expect, it } from 'vitest';
import { MAX_INPUT_LENGTH, MAX_PATH_LENGTH, startWalk, step } from '../../src/engine/walk.js';
import { WalkError } from '../../src/engine/walkError.js';
import type { WalkInput } from '../../src/engine/walkInput.js';
import type { WalkState } from '../../src/engine/walkState.js';
import type { Runbook } from '../../src/runbook/types.js';
import { checkout } from '../fixtures/engine/runbooks.js';

const value = (v: number): WalkInput => ({ kind: 'check', observation: { status: 'ok', series: [{ labels: {}, value: v }] } });
const answer = (label: string): WalkInput => ({ kind: 'answer', label });
const done: WalkInput = { kind: 'action', result: 'done' };

function walk(runbook: Runbook, inputs: WalkInput[]): WalkState {
  let { state } = startWalk(runbook);
  for (const input of inputs) state = step(runbook, state, input).state;
  return state;
}

function walkError(fn: () => unknown): WalkError {
  try {
    fn();
  } catch (err) {
    if (err instanceof WalkError) return err;
    throw err;
  }
  throw new Error('expected a WalkError');
}

describe('startWalk', () => {
  it('enters start and fills input defaults', () => {
    const { state, events } = startWalk(checkout);
    expect(state).toEqual({
      runbookId: 'checkout-5xx',
      current: 'error-rate',
      path: ['error-rate'],
      visits: { 'error-rate': 1 },
      inputs: { service: 'checkout' },
    });
    expect(events).toEqual([{ type: 'step.entered', data: { node: 'error-rate', nodeType: 'check', visit: 1 } }]);
  });

  it('lets given inputs override defaults and keeps extra ones', () => {
    expect(startWalk(checkout, { service: 'cart', region: 'eu' }).state.inputs).toEqual({ service: 'cart', region: 'eu' });
  });

  it('refuses a missing input without default, and a value that breaks its pattern', () => {
    const strict: Runbook = { ...checkout, inputs: { service: { pattern: '[a-z-]+' } } };
    const missing = walkError(() => startWalk(strict));
    expect(missing.code).toBe('missing_input');
    expect(missing.message).toContain("input 'service' has no value and no default");
    const invalid = walkError(() => startWalk(strict, { service: 'Checkout"}' }));
    expect(invalid.code).toBe('invalid_input');
    expect(invalid.message).toContain('does not match its pattern [a-z-]+');
    expect(startWalk(strict, { service: 'check-out' }).state.inputs.service).toBe('check-out');
  });

  it('anchors input patterns', () => {
    const strict: Runbook = { ...checkout, inputs: { service: { pattern: '[a-z]+' } } };
    expect(walkError(() => startWalk(strict, { service: 'ok; drop' })).code).toBe('invalid_input');
  });

  it('refuses an input value over the length limit before any pattern runs on it', () => {
    const catastrophic: Runbook = { ...checkout, inputs: { service: { pattern: '(a+)+$' } } };
    const tooLong = walkError(() => startWalk(catastrophic, { service: `${'a'.repeat(MAX_INPUT_LENGTH)}!` }));
    expect(tooLong.code).toBe('invalid_input');
    expect(tooLong.message).toContain(`limited to ${MAX_INPUT_LENGTH}`);
  });

  it('ends at once when start is an end node', () => {
    const trivial: Runbook = { ...checkout, start: 'dependencies' };
    const { state, events } = startWalk(trivial);
    expect(state.current).toBeNull();
    expect(state.ended).toEqual({ node: 'dependencies', outcome: 'escalate', by: 'end' });
    expect(events).toEqual([
      { type: 'step.entered', data: { node: 'dependencies', nodeType: 'end', visit: 1 } },
      { type: 'walk.ended', data: { node: 'dependencies', outcome: 'escalate', by: 'end', handoff: 'payments-db-oncall' } },
    ]);
  });
});

describe('step', () => {
  it('walks check → question → action → check → end and records each step', () => {
    let { state } = startWalk(checkout);
    let result = step(checkout, state, value(0.2));
    expect(result.events.map((e) => e.type)).toEqual(['check.evaluated', 'step.entered']);
    state = result.state;
    result = step(checkout, state, answer('Yes'));
    expect(result.events).toEqual([
      { type: 'question.answered', data: { node: 'recent-deploy', label: 'Yes', next: 'rollback' } },
      { type: 'step.entered', data: { node: 'rollback', nodeType: 'action', visit: 1 } },
    ]);
    state = result.state;
    result = step(checkout, state, { kind: 'action', result: 'done', note: 'rolled back v42' });
    expect(result.events[0]).toEqual({ type: 'action.completed', data: { node: 'rollback', next: 'error-rate', mitigation: true, note: 'rolled back v42' } });
    expect(result.events[1]).toEqual({ type: 'step.entered', data: { node: 'error-rate', nodeType: 'check', visit: 2 } });
    state = result.state;
    result = step(checkout, state, value(0));
    expect(result.events.at(-1)).toEqual({ type: 'walk.ended', data: { node: 'resolved', outcome: 'resolved', by: 'end' } });
    expect(result.state.path).toEqual(['error-rate', 'recent-deploy', 'rollback', 'error-rate', 'resolved']);
    expect(result.state.visits).toEqual({ 'error-rate': 2, 'recent-deploy': 1, rollback: 1, resolved: 1 });
    expect(result.state.ended).toEqual({ node: 'resolved', outcome: 'resolved', by: 'end' });
  });

  it('never mutates the state it is given', () => {
    const { state } = startWalk(checkout);
    const before = structuredClone(state);
    step(checkout, state, value(0.2));
    expect(state).toEqual(before);
  });

  it('follows on_no_data and on_error from check failures', () => {
    expect(walk(checkout, [{ kind: 'check', observation: { status: 'no_data' } }]).current).toBe('ask-dashboard');
    const timeout = startWalk(checkout);
    const result = step(checkout, timeout.state, { kind: 'check', observation: { status: 'timeout' } });
    expect(result.events[0]).toEqual({ type: 'check.failed', data: { node: 'error-rate', status: 'timeout', reason: 'the query timed out', next: 'ask-dashboard' } });
  });

  it('sends a skipped action to on_skip, or to next when there is none', () => {
    const skipped = walk(checkout, [value(0.2), answer('Yes'), { kind: 'action', result: 'skipped', note: 'no deploy tool access' }]);
    expect(skipped.ended).toEqual({ node: 'dependencies', outcome: 'escalate', by: 'end' });
    const noSkip: Runbook = structuredClone(checkout);
    const rollback = noSkip.nodes.rollback;
    if (rollback?.type !== 'action') throw new Error('fixture changed');
    delete rollback.on_skip;
    let { state } = startWalk(noSkip);
    state = step(noSkip, state, value(0.2)).state;
    state = step(noSkip, state, answer('Yes')).state;
    const result = step(noSkip, state, { kind: 'action', result: 'skipped' });
    expect(result.events[0]).toEqual({ type: 'action.skipped', data: { node: 'rollback', next: 'error-rate' } });
    expect(result.state.current).toBe('error-rate');
  });

  it('ends with escalate by max_visits instead of entering a node past its limit', () => {
    const loop = [value(0.2), answer('Yes'), done];
    let { state } = startWalk(checkout);
    for (const input of [...loop, ...loop, value(0.2)]) state = step(checkout, state, input).state;
    expect(state.visits.rollback).toBe(2);
    const result = step(checkout, state, answer('Yes'));
    expect(result.events).toEqual([
      { type: 'question.answered', data: { node: 'recent-deploy', label: 'Yes', next: 'rollback' } },
      { type: 'walk.ended', data: { node: 'rollback', outcome: 'escalate', by: 'max_visits' } },
    ]);
    expect(result.state.ended).toEqual({ node: 'rollback', outcome: 'escalate', by: 'max_visits' });
    expect(result.state.current).toBeNull();
    expect(result.state.path.at(-1)).toBe('recent-deploy');
  });

  it('caps the path length even when a loop has no visit limit', () => {
    const spin: Runbook = {
      runpath: 1,
      id: 'spin',
      title: 'Spin',
      sources: {},
      start: 'again',
      nodes: { again: { type: 'question', question: 'Again?', answers: [{ label: 'Yes', next: 'again' }] } },
    };
    let { state } = startWalk(spin);
    let steps = 0;
    while (state.current !== null) {
      state = step(spin, state, answer('Yes')).state;
      steps++;
    }
    expect(state.path).toHaveLength(MAX_PATH_LENGTH);
    expect(steps).toBe(MAX_PATH_LENGTH);
    expect(state.ended).toEqual({ node: 'again', outcome: 'escalate', by: 'max_visits' });
  });

  describe('WalkError', () => {
    it('walk_ended: a step after the end', () => {
      const ended = walk(checkout, [value(0)]);
      const err = walkError(() => step(checkout, ended, value(0)));
      expect(err.code).toBe('walk_ended');
      expect(err.message).toBe("the walk already ended at 'resolved' (resolved, by end); start a new walk to go again");
    });

    it('walk_ended: a hand-built state sitting on an end node', () => {
      const state: WalkState = { runbookId: 'checkout-5xx', current: 'resolved', path: ['resolved'], visits: { resolved: 1 }, inputs: {} };
      expect(walkError(() => step(checkout, state, answer('Yes'))).code).toBe('walk_ended');
    });

    it.each([
      ['a check', startWalk(checkout).state, answer('Yes'), "node 'error-rate' is a check and waits for a check result, not an answer"],
      ['a question', walk(checkout, [value(0.2)]), done, "node 'recent-deploy' is a question and waits for an answer, not an action result (done or skipped)"],
      ['an action', walk(checkout, [value(0.2), answer('Yes')]), value(1), "node 'rollback' is an action and waits for an action result (done or skipped), not a check result"],
    ])('wrong_input: the wrong input kind for %s', (_, state, input, message) => {
      const err = walkError(() => step(checkout, state, input));
      expect(err.code).toBe('wrong_input');
      expect(err.message).toBe(message);
    });

    it('unknown_answer: lists the valid labels', () => {
      const err = walkError(() => step(checkout, walk(checkout, [value(0.2)]), answer('yes')));
      expect(err.code).toBe('unknown_answer');
      expect(err.message).toBe("question 'recent-deploy' has no answer 'yes'; answer one of 'Yes', 'No'");
    });

    it('unknown_node: a dangling target', () => {
      const broken: Runbook = { ...checkout, start: 'nowhere' };
      const err = walkError(() => startWalk(broken));
      expect(err.code).toBe('unknown_node');
      expect(err.message).toContain("runbook 'checkout-5xx' has no node 'nowhere'");
    });

    it('unknown_node: does not treat inherited properties as nodes', () => {
      expect(walkError(() => startWalk({ ...checkout, start: 'constructor' })).code).toBe('unknown_node');
    });

    it('wrong_runbook: a state from another runbook', () => {
      const other: Runbook = { ...checkout, id: 'other' };
      const err = walkError(() => step(other, startWalk(checkout).state, value(0)));
      expect(err.code).toBe('wrong_runbook');
      expect(err.message).toContain("this walk belongs to runbook 'checkout-5xx', not 'other'");
    });
  });
});
