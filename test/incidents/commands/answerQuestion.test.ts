import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/incidents/commands/answerQuestion.js';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { recordCheck } from '../../../src/incidents/commands/recordCheck.js';
import { checkValue } from '../../fixtures/incidents/checks.js';
import { FakeTimeline, alice, bob, commandError } from '../../fixtures/incidents/timeline.js';

/** A walk waiting at the question 'ask' (latency was fine). */
function atQuestion(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'A', severity: 'sev2', runbook: 'db-latency' });
  t.run(recordCheck, checkValue(t.incident, 0.2));
  return t;
}

describe('answerQuestion', () => {
  it('records the answer and the step it leads to', () => {
    const t = atQuestion();
    const events = t.run(answerQuestion, { node: 'ask', label: 'Deploy' }, bob);
    expect(events.map((e) => ({ type: e.type, actor: e.actor, data: e.data }))).toEqual([
      { type: 'question.answered', actor: bob, data: { node: 'ask', label: 'Deploy', next: 'rollback' } },
      { type: 'step.entered', actor: bob, data: { node: 'rollback', nodeType: 'action', visit: 1 } },
    ]);
    expect(t.incident?.walk?.state.current).toBe('rollback');
  });

  it('ends the walk when the answer leads to an end', () => {
    const t = atQuestion();
    expect(t.run(answerQuestion, { node: 'ask', label: 'Nothing' }).map((e) => e.type)).toEqual(['question.answered', 'step.entered', 'walk.ended']);
    expect(t.incident?.walk?.state.ended?.outcome).toBe('resolved');
  });

  it('refuses a stale node with 409 and the current state, and records nothing', () => {
    const t = atQuestion();
    t.run(answerQuestion, { node: 'ask', label: 'Deploy' });
    const before = t.events.length;
    const err = t.refuse(answerQuestion, { node: 'ask', label: 'Nothing' });
    expect([err.code, err.status]).toEqual(['stale_node', 409]);
    expect(err.message).toBe("the walk has moved on: it waits at 'rollback', not 'ask'; reload the incident (events after seq 7) and act on 'rollback'");
    expect(err.details).toMatchObject({ current: 'rollback', lastSeq: 7, walk: { state: { current: 'rollback', path: ['latency', 'ask', 'rollback'] } } });
    expect(t.events).toHaveLength(before);
  });

  it('refuses an answer the question does not have, and lists those it has', () => {
    const err = atQuestion().refuse(answerQuestion, { node: 'ask', label: 'Maybe' });
    expect([err.code, err.status]).toEqual(['unknown_answer', 422]);
    expect(err.message).toBe("question 'ask' has no answer 'Maybe'; answer one of 'Deploy', 'Nothing'");
    expect(err.details?.allowed).toEqual(['Deploy', 'Nothing']);
  });

  it('refuses an answer to a node that is no question', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'A', severity: 'sev2', runbook: 'db-latency' });
    const err = t.refuse(answerQuestion, { node: 'latency', label: 'Deploy' });
    expect([err.code, err.status]).toEqual(['wrong_input', 409]);
    expect(err.message).toContain("node 'latency' is a check and waits for a check result, not an answer");
  });

  it('refuses without a walk, after it ended, without its runbook, on a closed or missing incident', () => {
    const bare = new FakeTimeline();
    bare.run(openIncident, { title: 'A', severity: 'sev2' });
    const noWalk = bare.refuse(answerQuestion, { node: 'ask', label: 'Deploy' });
    expect([noWalk.code, noWalk.status, noWalk.message]).toEqual(['no_walk', 409, 'incident inc-1 has no runbook walk; start one first']);

    const ended = atQuestion();
    ended.run(answerQuestion, { node: 'ask', label: 'Nothing' });
    const over = ended.refuse(answerQuestion, { node: 'ask', label: 'Deploy' });
    expect([over.code, over.status, over.message]).toEqual(['walk_ended', 409, "the walk of 'db-latency' already ended at 'fine' (resolved); start a new walk to go again"]);
    expect(over.details?.current).toBeNull();

    const t = atQuestion();
    const gone = commandError(() => answerQuestion(t.incident, { node: 'ask', label: 'Deploy' }, { actor: alice, runbooks: new Map() }));
    expect([gone.code, gone.status]).toEqual(['runbook_unavailable', 409]);
    expect(gone.message).toContain("the walk follows runbook 'db-latency', which this server has not loaded");

    expect(t.refuse(answerQuestion, { node: 'ask', label: '' }).code).toBe('invalid_command');
    expect(t.refuse(answerQuestion, { node: '', label: 'Deploy' }).code).toBe('invalid_command');
    t.run(changeStatus, { to: 'closed' });
    expect(t.refuse(answerQuestion, { node: 'ask', label: 'Deploy' }).code).toBe('incident_closed');
    expect(commandError(() => answerQuestion(undefined, { node: 'ask', label: 'Deploy' }, { actor: alice })).code).toBe('not_found');
  });
});
