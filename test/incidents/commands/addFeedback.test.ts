import { describe, expect, it } from 'vitest';
import { addFeedback } from '../../../src/incidents/commands/addFeedback.js';
import { answerQuestion } from '../../../src/incidents/commands/answerQuestion.js';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import type { CommandContext } from '../../../src/incidents/commands/commandContext.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { recordCheck } from '../../../src/incidents/commands/recordCheck.js';
import { redactEntry } from '../../../src/incidents/commands/redactEntry.js';
import type { Runbook } from '../../../src/runbook/types.js';
import { checkValue } from '../../fixtures/incidents/checks.js';
import { dbLatency } from '../../fixtures/incidents/runbooks.js';
import { FakeTimeline, alice, bob, commandError } from '../../fixtures/incidents/timeline.js';

const HASH = '1'.repeat(64);

/** A walk of db-latency waiting at the question 'ask'. */
function atQuestion(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'A', severity: 'sev2', runbook: 'db-latency' });
  t.run(recordCheck, checkValue(t.incident, 0.2));
  return t;
}

describe('addFeedback', () => {
  it('records runbook.feedback on a node of the walked runbook, and the fold keeps it', () => {
    const t = atQuestion();
    const events = t.run(addFeedback, { node: 'latency', kind: 'wrong_branch', text: '  0.5s is too high a threshold  ' }, bob);
    expect(events.map((e) => ({ type: e.type, actor: e.actor, data: e.data }))).toEqual([
      { type: 'runbook.feedback', actor: bob, data: { runbookId: 'db-latency', node: 'latency', kind: 'wrong_branch', text: '0.5s is too high a threshold' } },
    ]);
    expect(t.incident?.feedback).toEqual([
      { seq: 6, at: t.now, actor: bob, runbookId: 'db-latency', node: 'latency', kind: 'wrong_branch', text: '0.5s is too high a threshold', redacted: false },
    ]);
    expect(t.incident?.redactable).toContain(6);
  });

  it('takes any node, also once the walk ended', () => {
    const t = atQuestion();
    t.run(answerQuestion, { node: 'ask', label: 'Nothing' });
    expect(t.incident?.walk?.state.ended).toBeDefined();
    t.run(addFeedback, { node: 'escalate', kind: 'other', text: 'page the DBA earlier' });
    expect(t.incident?.feedback.map((f) => f.node)).toEqual(['escalate']);
  });

  it('names the pinned version, and checks the node against it rather than the loaded runbook', () => {
    const t = new FakeTimeline();
    const v1: CommandContext = { actor: alice, runbooks: new Map([[dbLatency.id, dbLatency]]), runbookVersion: () => ({ hash: HASH, text: 'v1' }) };
    t.append(openIncident(undefined, { title: 'A', severity: 'sev2', runbook: 'db-latency' }, v1));
    const edited: Runbook = { ...dbLatency, start: 'renamed', nodes: { renamed: { type: 'end', outcome: 'resolved' } } };
    const later: CommandContext = {
      actor: alice,
      runbooks: new Map([[dbLatency.id, edited]]),
      runbookVersion: () => ({ hash: '2'.repeat(64), text: 'v2' }),
      pinnedRunbooks: new Map([[HASH, dbLatency]]),
    };
    const [event] = t.append(addFeedback(t.incident, { node: 'ask', kind: 'missing_step', text: 'ask about config' }, later));
    expect(event?.data).toEqual({ runbookId: 'db-latency', runbookHash: HASH, node: 'ask', kind: 'missing_step', text: 'ask about config' });
    expect(t.incident?.feedback[0]?.runbookHash).toBe(HASH);
    const err = commandError(() => addFeedback(t.incident, { node: 'renamed', kind: 'other', text: 'x' }, later));
    expect([err.code, err.status]).toEqual(['node_not_in_runbook', 422]);
  });

  it('refuses a node the runbook does not have, listing those it has', () => {
    const t = atQuestion();
    const err = t.refuse(addFeedback, { node: 'nope', kind: 'other', text: 'x' });
    expect([err.code, err.status]).toEqual(['node_not_in_runbook', 422]);
    expect(err.message).toBe("runbook 'db-latency' as this incident walks it has no node 'nope'; name one of its nodes (latency, ask, rollback, restart, verify, fine, escalate)");
    expect(err.details?.allowed).toEqual(Object.keys(dbLatency.nodes));
  });

  it('refuses without a walk, with a bad kind or text, and on a closed incident', () => {
    const none = new FakeTimeline();
    none.run(openIncident, { title: 'A', severity: 'sev2' });
    const noWalk = none.refuse(addFeedback, { node: 'ask', kind: 'other', text: 'x' });
    expect([noWalk.code, noWalk.status]).toEqual(['no_walk', 409]);
    expect(noWalk.message).toContain('start a walk first, or write a note');
    const t = atQuestion();
    expect(t.refuse(addFeedback, { node: 'ask', kind: 'typo', text: 'x' } as never).message).toBe('kind is "typo"; use one of wrong_branch, missing_step, other');
    expect(t.refuse(addFeedback, { node: 'ask', kind: 'other', text: '  ' }).code).toBe('invalid_command');
    expect(t.refuse(addFeedback, { node: 'a\nb', kind: 'other', text: 'x' }).code).toBe('invalid_command');
    t.run(changeStatus, { to: 'closed' });
    expect(t.refuse(addFeedback, { node: 'ask', kind: 'other', text: 'x' }).code).toBe('incident_closed');
    expect(commandError(() => addFeedback(undefined, { node: 'ask', kind: 'other', text: 'x' }, { actor: alice })).code).toBe('not_found');
  });

  it('a redaction hides the text in the fold and keeps the entry', () => {
    const t = atQuestion();
    t.run(addFeedback, { node: 'ask', kind: 'other', text: 'the password is hunter2' });
    t.run(redactEntry, { seq: 6, reason: 'secret' });
    expect(t.incident?.feedback).toEqual([{ seq: 6, at: t.now, actor: alice, runbookId: 'db-latency', node: 'ask', kind: 'other', redacted: true }]);
    expect(t.incident?.redacted).toEqual([6]);
  });
});
