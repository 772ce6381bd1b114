import { describe, expect, it } from 'vitest';
import type { CheckObservation } from '../../../src/engine/walkInput.js';
import { answerQuestion } from '../../../src/incidents/commands/answerQuestion.js';
import { completeAction } from '../../../src/incidents/commands/completeAction.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { recordCheck, type RecordCheckCommand } from '../../../src/incidents/commands/recordCheck.js';
import type { Incident } from '../../../src/incidents/incident.js';
import type { MetricSource } from '../../../src/metrics/metricSource.js';
import { stepCheck } from '../../../src/metrics/stepCheck.js';
import { checkValue, observed } from '../../fixtures/incidents/checks.js';
import { dbLatency } from '../../fixtures/incidents/runbooks.js';
import { FakeTimeline, alice, commandError } from '../../fixtures/incidents/timeline.js';

function opened(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'A', severity: 'sev2', runbook: 'db-latency', inputs: { cluster: 'orders' } });
  return t;
}

/** What the server does: run stepCheck against a source outside the core. */
async function serverCheck(incident: Incident | undefined, observation: CheckObservation): Promise<RecordCheckCommand> {
  const state = incident?.walk?.state;
  if (!state?.current) throw new Error('no walk at a check');
  const source: MetricSource = { name: 'demo', type: 'fixture', observe: () => Promise.resolve(observation) };
  let clock = 0;
  const transition = await stepCheck({ runbook: dbLatency, state, sources: new Map([['demo', source]]), at: 1714564800, clock: () => (clock += 40) });
  return { node: state.current, transition };
}

/** A command with its events replaced (as a buggy or hostile sender could). */
function tampered(command: RecordCheckCommand, events: { type: string; data: unknown }[]): RecordCheckCommand {
  return { node: command.node, transition: { events } };
}

describe('recordCheck', () => {
  it('records what stepCheck returned, query, source and duration included', async () => {
    const t = opened();
    const command = await serverCheck(t.incident, { status: 'ok', series: [{ labels: { instance: 'db1' }, value: 0.8 }] });
    const events = t.run(recordCheck, command);
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['check.evaluated', {
        node: 'latency', value: 0.8, series: [{ labels: { instance: 'db1' }, value: 0.8, matched: true }], branch: 0, next: 'restart', reduce: 'any',
        query: 'p99 latency of orders', source: 'demo', sourceType: 'fixture', durationMs: 40,
      }],
      ['step.entered', { node: 'restart', nodeType: 'action', visit: 1 }],
    ]);
    expect(events.every((e) => e.actor === alice)).toBe(true);
    expect(t.incident?.walk?.state.current).toBe('restart');
  });

  it('records the trend stepCheck adds, and the fold moves on as without it', async () => {
    const t = opened();
    const samples: [number, number][] = [[1714564740, 0.5], [1714564770, Number.NaN], [1714564800, 0.8]];
    const command = await serverCheck(t.incident, { status: 'ok', series: [{ labels: { instance: 'db1' }, value: 0.8, samples }] });
    const events = t.run(recordCheck, command);
    expect(events[0]?.data).toMatchObject({ trend: [{ labels: { instance: 'db1' }, samples: [[1714564740, 0.5], [1714564770, null], [1714564800, 0.8]] }] });
    expect(t.incident?.walk?.state.current).toBe('restart');
    expect(t.incident?.uninterpreted).toEqual([]);
  });

  it('records a failed check, which follows its outlet', async () => {
    const t = opened();
    const events = t.run(recordCheck, await serverCheck(t.incident, { status: 'error', reason: 'connection refused' }));
    expect(events.map((e) => e.type)).toEqual(['check.failed', 'step.entered', 'walk.ended']);
    expect(events[0]?.data).toMatchObject({ status: 'error', reason: 'connection refused', next: 'escalate', query: 'p99 latency of orders' });
    const noData = opened();
    noData.run(recordCheck, observed(noData.incident, { status: 'no_data' }));
    expect(noData.incident?.walk?.state.current).toBe('ask');
  });

  it('records a check whose next node is refused by its visit limit', () => {
    const t = opened();
    t.run(recordCheck, checkValue(t.incident, 0.9));
    t.run(completeAction, { node: 'restart', result: 'done' });
    t.run(recordCheck, checkValue(t.incident, 0.3));
    t.run(completeAction, { node: 'restart', result: 'done' });
    const events = t.run(recordCheck, checkValue(t.incident, 0.3));
    expect(events.map((e) => [e.type, e.data])).toEqual([
      ['check.evaluated', { node: 'verify', value: 0.3, series: [{ labels: {}, value: 0.3, matched: false }], branch: 'default', next: 'restart', reduce: 'any' }],
      ['walk.ended', { node: 'restart', outcome: 'escalate', by: 'max_visits' }],
    ]);
  });

  it('refuses a check of a node the walk has left, with 409 and the current state', async () => {
    const t = opened();
    const late = await serverCheck(t.incident, { status: 'ok', series: [{ labels: {}, value: 0.8 }] });
    t.run(recordCheck, checkValue(t.incident, 0.2)); // someone else ran it first: now at 'ask'
    const err = t.refuse(recordCheck, late);
    expect([err.code, err.status, err.details?.current]).toEqual(['stale_node', 409, 'ask']);
    expect(t.incident?.lastSeq).toBe(5);
  });

  it('refuses a check at a node that is no check', () => {
    const t = opened();
    t.run(recordCheck, checkValue(t.incident, 0.2));
    const err = t.refuse(recordCheck, { node: 'ask', transition: { events: [] } });
    expect([err.code, err.status, err.message]).toEqual(['wrong_input', 409, "the walk waits at 'ask', which is a question, not a check; give it its own input instead"]);
    t.run(answerQuestion, { node: 'ask', label: 'Nothing' });
    expect(t.refuse(recordCheck, { node: 'ask', transition: { events: [] } }).code).toBe('walk_ended');
  });

  it.each<[string, (good: RecordCheckCommand['transition']['events']) => { type: string; data: unknown }[], string]>([
    ['no events', () => [], 'must hold one check event and the step it leads to (2 or 3 events)'],
    ['the check alone', (good) => good.slice(0, 1), 'must hold one check event and the step it leads to'],
    ['too many events', (good) => [...good, ...good], 'must hold one check event and the step it leads to'],
    ['a malformed event', (good) => [{ type: 'check.evaluated', data: { node: 'latency' } }, ...good.slice(1)], 'has a malformed event 1 (check.evaluated: data.value is missing'],
    ['a non-walk event', (good) => [good[0] ?? { type: '', data: null }, { type: 'note.added', data: { text: 'x' } }], 'has a note.added event, which is not a walk event'],
    ['no check first', (good) => [...good].reverse(), "must start with check.evaluated or check.failed of 'latency'"],
    ['a check of another node', (good) => [{ type: 'check.failed', data: { node: 'verify', status: 'error', reason: 'x', next: 'escalate' } }, ...good.slice(1)], "must start with check.evaluated or check.failed of 'latency'"],
    ['a forged outlet', () => [
      { type: 'check.evaluated', data: { node: 'latency', value: 0.8, series: [], branch: 0, next: 'fine', reduce: 'any' } },
      { type: 'step.entered', data: { node: 'fine', nodeType: 'end', visit: 1 } },
    ], "goes to 'fine', which is not the outlet 'latency' has for that result"],
    ['entering another node', (good) => [good[0] ?? { type: '', data: null }, { type: 'step.entered', data: { node: 'verify', nodeType: 'check', visit: 1 } }], "enters 'verify', not 'restart'"],
    ['a wrong node type', (good) => [good[0] ?? { type: '', data: null }, { type: 'step.entered', data: { node: 'restart', nodeType: 'question', visit: 1 } }], "says 'restart' is a question"],
    ['a wrong visit count', (good) => [good[0] ?? { type: '', data: null }, { type: 'step.entered', data: { node: 'restart', nodeType: 'action', visit: 2 } }], 'counts visit 2 of'],
    ['an end out of turn', (good) => [...good, { type: 'walk.ended', data: { node: 'restart', outcome: 'resolved', by: 'end' } }], "ends the walk at 'restart' out of turn"],
    ['a second step', (good) => [...good, { type: 'question.answered', data: { node: 'restart', label: 'x', next: 'fine' } }], 'has a second step event (question.answered)'],
  ])('refuses a transition with %s', (_name, change, message) => {
    const t = opened();
    const good = checkValue(t.incident, 0.9);
    const err = t.refuse(recordCheck, tampered(good, change(good.transition.events)));
    expect([err.code, err.status]).toEqual(['invalid_command', 422]);
    expect(err.message).toContain(message);
    expect(err.message).toContain('run the check with stepCheck on the walk state of this incident');
    expect(t.events).toHaveLength(3);
  });

  it('refuses an end node entered without ending the walk', () => {
    const t = opened();
    const err = t.refuse(recordCheck, {
      node: 'latency',
      transition: { events: [
        { type: 'check.failed', data: { node: 'latency', status: 'error', reason: 'x', next: 'escalate' } },
        { type: 'step.entered', data: { node: 'escalate', nodeType: 'end', visit: 1 } },
      ] },
    });
    expect(err.message).toContain("does not finish entering 'escalate'");
  });

  it('refuses a claimed state its events do not lead to', () => {
    const t = opened();
    const good = checkValue(t.incident, 0.9);
    const state = good.transition.state;
    if (!state) throw new Error('checkValue gives the state');
    const err = t.refuse(recordCheck, { node: 'latency', transition: { events: good.transition.events, state: { ...state, current: 'verify' } } });
    expect(err.message).toContain('ends in a state its events do not lead to');
  });

  it('refuses on a missing incident', () => {
    expect(commandError(() => recordCheck(undefined, { node: 'latency', transition: { events: [] } }, { actor: alice })).code).toBe('not_found');
  });
});
