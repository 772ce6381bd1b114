import { describe, expect, it } from 'vitest';
import { answerQuestion } from '../../../src/incidents/commands/answerQuestion.js';
import type { CommandContext } from '../../../src/incidents/commands/commandContext.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { recordCheck } from '../../../src/incidents/commands/recordCheck.js';
import { startWalk } from '../../../src/incidents/commands/startWalk.js';
import type { RunbookVersion } from '../../../src/incidents/runbookVersion.js';
import type { Runbook } from '../../../src/runbook/types.js';
import { checkValue } from '../../fixtures/incidents/checks.js';
import { dbLatency, noop } from '../../fixtures/incidents/runbooks.js';
import { FakeTimeline, alice, commandError } from '../../fixtures/incidents/timeline.js';

const V1: RunbookVersion = { hash: '1'.repeat(64), text: 'version 1 of db-latency', file: 'runbooks/db-latency.yaml' };
const V2: RunbookVersion = { hash: '2'.repeat(64), text: 'version 2 of db-latency' };
const NOOP: RunbookVersion = { hash: '3'.repeat(64), text: 'noop' };

/** db-latency v2: the question 'ask' gained an answer and lost 'Nothing'. */
const dbLatencyV2: Runbook = {
  ...dbLatency,
  nodes: {
    ...dbLatency.nodes,
    ask: { type: 'question', question: 'Deployed?', answers: [{ label: 'Deploy', next: 'rollback' }, { label: 'Config change', next: 'rollback' }] },
  },
};

/** A server's context: db-latency at `version` (with its runbook), and the pinned versions it parsed. */
function context(version: RunbookVersion, current: Runbook, pinned: Record<string, Runbook> = {}): CommandContext {
  const versions: Record<string, RunbookVersion> = { [dbLatency.id]: version, [noop.id]: NOOP };
  return {
    actor: alice,
    runbooks: new Map([[dbLatency.id, current], [noop.id, noop]]),
    runbookVersion: (id) => versions[id],
    pinnedRunbooks: new Map(Object.entries(pinned)),
  };
}

describe('walks pin the runbook version they follow', () => {
  it('opening with a runbook records runbook.pinned (hash, text, file) just before walk.started, which names the hash', () => {
    const t = new FakeTimeline();
    const events = t.append(openIncident(undefined, { title: 'A', severity: 'sev2', runbook: 'db-latency' }, context(V1, dbLatency)));
    expect(events.map((e) => e.type)).toEqual(['incident.opened', 'runbook.pinned', 'walk.started', 'step.entered']);
    expect(events[1]?.data).toEqual({ runbookId: 'db-latency', hash: V1.hash, text: V1.text, file: 'runbooks/db-latency.yaml' });
    expect(events[2]?.data).toMatchObject({ runbookId: 'db-latency', runbookHash: V1.hash });
    expect(t.incident?.pins).toEqual({ [V1.hash]: { runbookId: 'db-latency', seq: 2 } });
    expect(t.incident?.walk?.runbookHash).toBe(V1.hash);
  });

  it('pins a version once per incident: a second walk of the same version only names it, a new version is pinned again', () => {
    const t = new FakeTimeline();
    t.append(openIncident(undefined, { title: 'A', severity: 'sev2', runbook: 'noop' }, context(V1, dbLatency)));
    t.append(startWalk(t.incident, { runbook: 'db-latency' }, context(V1, dbLatency)));
    const again = t.append(startWalk(t.incident, { runbook: 'db-latency', node: 'latency' }, context(V1, dbLatency)));
    expect(again.map((e) => e.type)).toEqual(['walk.started', 'step.entered']);
    expect(again[0]?.data).toMatchObject({ runbookHash: V1.hash });
    const edited = t.append(startWalk(t.incident, { runbook: 'db-latency', node: 'latency' }, context(V2, dbLatencyV2)));
    expect(edited.map((e) => e.type)).toEqual(['runbook.pinned', 'walk.started', 'step.entered']);
    expect(edited[0]?.data).toEqual({ runbookId: 'db-latency', hash: V2.hash, text: V2.text });
    expect(Object.keys(t.incident?.pins ?? {}).sort()).toEqual([V1.hash, V2.hash, NOOP.hash].sort());
    expect(t.incident?.walk?.runbookHash).toBe(V2.hash);
  });

  it('without versions from the server, walks are not pinned (and follow the loaded runbook)', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'A', severity: 'sev2', runbook: 'db-latency' });
    expect(t.events.map((e) => e.type)).toEqual(['incident.opened', 'walk.started', 'step.entered']);
    expect(t.incident?.walk?.runbookHash).toBeUndefined();
    expect(t.incident?.pins).toEqual({});
  });

  it('a pinned walk follows its pinned version after the loaded runbook changed', () => {
    const t = new FakeTimeline();
    t.append(openIncident(undefined, { title: 'A', severity: 'sev2', runbook: 'db-latency' }, context(V1, dbLatency)));
    // The server now has v2 loaded and hands the core the pinned v1 it parsed from the timeline.
    const later = context(V2, dbLatencyV2, { [V1.hash]: dbLatency });
    t.append(recordCheck(t.incident, checkValue(t.incident, 0.2), later));
    const events = t.append(answerQuestion(t.incident, { node: 'ask', label: 'Nothing' }, later));
    expect(events.map((e) => e.type)).toEqual(['question.answered', 'step.entered', 'walk.ended']);
    // v2 has no 'Nothing' answer: the walk would refuse it if it followed the loaded runbook.
    const unpinned = new FakeTimeline();
    unpinned.run(openIncident, { title: 'A', severity: 'sev2', runbook: 'db-latency' });
    unpinned.run(recordCheck, checkValue(unpinned.incident, 0.2));
    expect(commandError(() => answerQuestion(unpinned.incident, { node: 'ask', label: 'Nothing' }, context(V2, dbLatencyV2))).code).toBe('unknown_answer');
  });

  it('uses the loaded runbook when it still is the pinned version, and refuses when the pinned version is not at hand', () => {
    const t = new FakeTimeline();
    t.append(openIncident(undefined, { title: 'A', severity: 'sev2', runbook: 'db-latency' }, context(V1, dbLatency)));
    t.append(recordCheck(t.incident, checkValue(t.incident, 0.2), context(V1, dbLatency)));
    expect(t.incident?.walk?.state.current).toBe('ask');
    const err = commandError(() => answerQuestion(t.incident, { node: 'ask', label: 'Nothing' }, context(V2, dbLatencyV2)));
    expect([err.code, err.status]).toEqual(['runbook_unavailable', 409]);
    expect(err.message).toContain(`the version of runbook 'db-latency' it pinned (sha256 ${'1'.repeat(12)}…)`);
    expect(err.details?.walk?.runbookHash).toBe(V1.hash);
  });
});
