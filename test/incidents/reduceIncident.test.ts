import { describe, expect, it } from 'vitest';
import { startWalk, step } from '../../src/engine/walk.js';
import { addNote } from '../../src/incidents/commands/addNote.js';
import { assignRole } from '../../src/incidents/commands/assignRole.js';
import { changeSeverity } from '../../src/incidents/commands/changeSeverity.js';
import { changeStatus } from '../../src/incidents/commands/changeStatus.js';
import { completeAction } from '../../src/incidents/commands/completeAction.js';
import { openIncident } from '../../src/incidents/commands/openIncident.js';
import { recordCheck } from '../../src/incidents/commands/recordCheck.js';
import { redactEntry } from '../../src/incidents/commands/redactEntry.js';
import { starEntry } from '../../src/incidents/commands/starEntry.js';
import { DamagedTimelineError } from '../../src/incidents/damagedTimelineError.js';
import { applyEvent, reduceIncident } from '../../src/incidents/reduceIncident.js';
import type { TimelineEvent } from '../../src/incidents/timelineEvent.js';
import { checkValue } from '../fixtures/incidents/checks.js';
import { dbLatency } from '../fixtures/incidents/runbooks.js';
import { FakeTimeline, alertmanager, alice, bob } from '../fixtures/incidents/timeline.js';

const MINUTE = 60_000;

/**
 * An incident opened by an alert, acknowledged by alice after 2 minutes, mitigated by the restart
 * action at 7 minutes, resolved at 15, then starred, redacted, re-rated and handed over.
 */
function scripted(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'DB latency', severity: 'sev2', summary: 'p99 above 500 ms', runbook: 'db-latency', inputs: { cluster: 'orders' } }, alertmanager); // 1-3
  t.advance(2 * MINUTE).run(assignRole, { role: 'commander', user: 'alice' }); // 4
  t.advance(MINUTE).run(addNote, { text: 'primary at 100% cpu since 11:50', claimedAt: '2024-05-01T11:50:00Z' }); // 5
  t.advance(MINUTE).run(recordCheck, checkValue(t.incident, 0.9)); // 6-7: latency → restart
  t.advance(3 * MINUTE).run(completeAction, { node: 'restart', result: 'done', note: 'failed over' }); // 8-9: → verify
  t.advance(MINUTE).run(changeStatus, { to: 'mitigated' }); // 10
  t.advance(2 * MINUTE).run(recordCheck, checkValue(t.incident, 0.05)); // 11-13: verify → fine, ended
  t.advance(5 * MINUTE).run(changeStatus, { to: 'resolved', reason: 'latency normal for 5 minutes' }); // 14
  t.advance(MINUTE).run(starEntry, { seq: 8 }); // 15
  t.run(redactEntry, { seq: 5, reason: 'names a customer' }); // 16
  t.run(changeSeverity, { to: 'sev3' }); // 17
  t.run(assignRole, { role: 'commander', user: 'bob' }); // 18
  return t;
}

describe('reduceIncident', () => {
  it('folds every kind of event of a scripted timeline', () => {
    const t = scripted();
    expect(t.events.map((e) => e.type)).toEqual([
      'incident.opened', 'walk.started', 'step.entered', 'role.assigned', 'note.added', 'check.evaluated', 'step.entered',
      'action.completed', 'step.entered', 'status.changed', 'check.evaluated', 'step.entered', 'walk.ended', 'status.changed',
      'entry.starred', 'entry.redacted', 'severity.changed', 'role.assigned',
    ]);
    const incident = reduceIncident(t.events);
    expect(incident).toEqual({
      id: 'inc-1',
      title: 'DB latency',
      summary: 'p99 above 500 ms',
      severity: 'sev3',
      status: 'resolved',
      openedAt: '2024-05-01T12:00:00.000Z',
      openedBy: alertmanager,
      runbook: { id: 'db-latency', title: 'Database latency is high' },
      roles: { commander: 'bob' },
      pins: {},
      feedback: [],
      followUps: [],
      walk: {
        runbookId: 'db-latency',
        runbookTitle: 'Database latency is high',
        startedSeq: 2,
        state: {
          runbookId: 'db-latency',
          current: null,
          path: ['latency', 'restart', 'verify', 'fine'],
          visits: { latency: 1, restart: 1, verify: 1, fine: 1 },
          inputs: { cluster: 'orders' },
          ended: { node: 'fine', outcome: 'resolved', by: 'end' },
        },
        enteredAt: '2024-05-01T12:10:00.000Z',
      },
      notes: [{ seq: 5, at: '2024-05-01T12:03:00.000Z', actor: alice, claimedAt: '2024-05-01T11:50:00.000Z', redacted: true }],
      starred: [8],
      redacted: [5],
      redactable: [1, 5, 8, 14],
      lastSeq: 18,
      figures: {
        timeToAcknowledge: { seq: 4, at: '2024-05-01T12:02:00.000Z', afterMs: 2 * MINUTE },
        timeToMitigate: { seq: 8, at: '2024-05-01T12:07:00.000Z', afterMs: 7 * MINUTE },
        timeToResolve: { seq: 14, at: '2024-05-01T12:15:00.000Z', afterMs: 15 * MINUTE },
      },
      uninterpreted: [],
    });
  });

  it('rebuilds the walk state the engine reached, from the recorded events alone', () => {
    const t = scripted();
    let engine = startWalk(dbLatency, { cluster: 'orders' }).state;
    engine = step(dbLatency, engine, { kind: 'check', observation: { status: 'ok', series: [{ labels: {}, value: 0.9 }] } }).state;
    engine = step(dbLatency, engine, { kind: 'action', result: 'done' }).state;
    engine = step(dbLatency, engine, { kind: 'check', observation: { status: 'ok', series: [{ labels: {}, value: 0.05 }] } }).state;
    expect(reduceIncident(t.events).walk?.state).toEqual(engine);
  });

  it('remembers when the walk entered its current node, or ended, from the events\' own times', () => {
    const t = scripted();
    const at = (seq: number) => reduceIncident(t.events.slice(0, seq)).walk?.enteredAt;
    expect(at(2)).toBeUndefined(); // walk.started: no node entered yet
    expect(at(3)).toBe('2024-05-01T12:00:00.000Z'); // entered latency with the opening
    expect(at(6)).toBe('2024-05-01T12:00:00.000Z'); // a note and the check's evaluation move nothing
    expect(at(7)).toBe('2024-05-01T12:04:00.000Z'); // → restart
    expect(at(9)).toBe('2024-05-01T12:07:00.000Z'); // → verify
    expect(at(12)).toBe('2024-05-01T12:10:00.000Z'); // → fine
    expect(at(13)).toBe('2024-05-01T12:10:00.000Z'); // walk.ended
    expect(at(18)).toBe('2024-05-01T12:10:00.000Z'); // ended stays ended
  });

  it('a new walk forgets the old walk\'s time until it enters its first node', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Again', severity: 'sev2', runbook: 'db-latency' });
    t.advance(MINUTE).run(recordCheck, checkValue(t.incident, 0.9));
    expect(t.incident?.walk?.enteredAt).toBe('2024-05-01T12:01:00.000Z');
    t.advance(MINUTE).append([{ type: 'walk.started', actor: alice, data: { runbookId: 'db-latency', runbookTitle: 'Again', inputs: {} } }]);
    expect(t.incident?.walk?.enteredAt).toBeUndefined();
    t.advance(MINUTE).append([{ type: 'step.entered', actor: alice, data: { node: 'latency', nodeType: 'check', visit: 1 } }]);
    expect(t.incident?.walk).toMatchObject({ enteredAt: '2024-05-01T12:03:00.000Z', state: { current: 'latency' } });
  });

  it('keeps the note text until it is redacted', () => {
    const t = scripted();
    const before = reduceIncident(t.events.slice(0, 15));
    expect(before.notes[0]?.text).toBe('primary at 100% cpu since 11:50');
    expect(before.redacted).toEqual([]);
  });

  it('records a walk that ended by a visit limit, with its handoff', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Loop', severity: 'sev1', runbook: 'db-latency' });
    t.run(recordCheck, checkValue(t.incident, 0.9)); // → restart (1)
    t.run(completeAction, { node: 'restart', result: 'done' }); // → verify
    t.run(recordCheck, checkValue(t.incident, 0.4)); // default → restart (2)
    t.run(completeAction, { node: 'restart', result: 'done' });
    t.run(recordCheck, checkValue(t.incident, 0.4)); // → restart refused by max_visits
    const walk = reduceIncident(t.events).walk;
    expect(walk?.state.ended).toEqual({ node: 'restart', outcome: 'escalate', by: 'max_visits' });
    expect(walk?.state.visits.restart).toBe(2);
    expect(walk?.handoff).toBeUndefined();

    const skip = new FakeTimeline();
    skip.run(openIncident, { title: 'Skip', severity: 'sev1', runbook: 'db-latency' });
    skip.run(recordCheck, checkValue(skip.incident, 0.9));
    skip.run(completeAction, { node: 'restart', result: 'skipped', note: 'no replica' });
    expect(skip.events.at(-3)?.type).toBe('action.skipped');
    expect(reduceIncident(skip.events).walk?.handoff).toBe('dba-oncall');
  });

  it('starts in investigating with no figures when an alert opened it and nobody acted', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Quiet', severity: 'sev4' }, alertmanager);
    const incident = reduceIncident(t.events);
    expect(incident.status).toBe('investigating');
    expect(incident.figures).toEqual({});
    expect(incident.walk).toBeUndefined();
    expect(incident.runbook).toBeUndefined();
    expect(incident.summary).toBeUndefined();
  });

  it('counts an incident a person opened as acknowledged at once', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Manual', severity: 'sev3' }, bob);
    expect(reduceIncident(t.events).figures.timeToAcknowledge).toEqual({ seq: 1, at: '2024-05-01T12:00:00.000Z', afterMs: 0 });
  });

  it('does not count alert or system events as acknowledgement', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Alert', severity: 'sev2' }, alertmanager);
    t.advance(MINUTE).run(addNote, { text: 'still firing' }, alertmanager);
    t.advance(MINUTE).run(addNote, { text: 'auto-note' }, { kind: 'system' });
    t.advance(MINUTE).run(addNote, { text: 'looking' }, bob);
    expect(reduceIncident(t.events).figures.timeToAcknowledge).toEqual({ seq: 4, at: '2024-05-01T12:03:00.000Z', afterMs: 3 * MINUTE });
  });

  it('measures mitigation from the status when no mitigation action came first', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Status only', severity: 'sev2' });
    t.advance(4 * MINUTE).run(changeStatus, { to: 'identified' });
    t.advance(6 * MINUTE).run(changeStatus, { to: 'mitigated' });
    t.advance(10 * MINUTE).run(changeStatus, { to: 'resolved' });
    expect(reduceIncident(t.events).figures).toEqual({
      timeToAcknowledge: { seq: 1, at: '2024-05-01T12:00:00.000Z', afterMs: 0 },
      timeToMitigate: { seq: 3, at: '2024-05-01T12:10:00.000Z', afterMs: 10 * MINUTE },
      timeToResolve: { seq: 4, at: '2024-05-01T12:20:00.000Z', afterMs: 20 * MINUTE },
    });
  });

  it('counts a jump straight to closed as mitigation and resolution', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'False alarm', severity: 'sev4' });
    t.advance(90_000).run(changeStatus, { to: 'closed' });
    const { figures, status } = reduceIncident(t.events);
    expect(status).toBe('closed');
    expect(figures.timeToMitigate?.afterMs).toBe(90_000);
    expect(figures.timeToResolve?.afterMs).toBe(90_000);
  });

  it('clears the resolution on a reopen and measures the next one; mitigation stays the first', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Flapping', severity: 'sev2' });
    t.advance(5 * MINUTE).run(changeStatus, { to: 'resolved' });
    t.advance(5 * MINUTE).run(changeStatus, { to: 'closed' });
    expect(reduceIncident(t.events).figures.timeToResolve?.seq).toBe(2);
    t.advance(5 * MINUTE).run(changeStatus, { to: 'investigating', reason: 'errors are back' });
    const reopened = reduceIncident(t.events);
    expect(reopened.status).toBe('investigating');
    expect(reopened.figures.timeToResolve).toBeUndefined();
    expect(reopened.figures.timeToMitigate?.seq).toBe(2);
    t.advance(15 * MINUTE).run(changeStatus, { to: 'resolved' });
    expect(reduceIncident(t.events).figures.timeToResolve).toEqual({ seq: 5, at: '2024-05-01T12:30:00.000Z', afterMs: 30 * MINUTE });
  });

  it('computes durations from at without using it for order, and never below zero', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Clock', severity: 'sev3' }, alertmanager);
    t.advance(-5000).run(addNote, { text: 'the server clock stepped back' });
    expect(reduceIncident(t.events).figures.timeToAcknowledge).toEqual({ seq: 2, at: '2024-05-01T11:59:55.000Z', afterMs: 0 });
  });

  it('unstars an entry', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Stars', severity: 'sev3' });
    t.run(addNote, { text: 'a' });
    t.run(starEntry, { seq: 2 });
    t.run(starEntry, { seq: 1 });
    expect(reduceIncident(t.events).starred).toEqual([1, 2]);
    t.run(starEntry, { seq: 2, starred: false });
    expect(reduceIncident(t.events).starred).toEqual([1]);
  });

  it('redacts the opening summary', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Leak', severity: 'sev1', summary: 'token abc123 leaked' });
    t.run(redactEntry, { seq: 1 });
    const incident = reduceIncident(t.events);
    expect(incident.summary).toBeUndefined();
    expect(incident.redacted).toEqual([1]);
    expect(incident.title).toBe('Leak');
  });

  it('keeps events it cannot use as uninterpreted, without changing the state', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Odd', severity: 'sev3' });
    t.append([
      { type: 'alert.received', actor: alertmanager, data: { labels: { alertname: 'X' } } },
      { type: 'note.added', actor: alice, data: { text: 42 } },
      { type: 'entry.starred', actor: alice, data: { seq: 9, starred: true } },
      { type: 'entry.redacted', actor: alice, data: { seq: 1 } },
      { type: 'step.entered', actor: alice, data: { node: 'latency', nodeType: 'check', visit: 1 } },
      { type: 'incident.opened', actor: alice, data: { title: 'Again', severity: 'sev1' } },
    ]);
    const incident = reduceIncident(t.events);
    expect(incident.uninterpreted).toEqual([2, 3, 4, 5, 6, 7]);
    expect(incident.lastSeq).toBe(7);
    expect(incident.notes).toEqual([]);
    expect(incident.starred).toEqual([]);
    expect(incident.redacted).toEqual([]);
    expect(incident.walk).toBeUndefined();
    expect(incident.title).toBe('Odd');
  });

  it('ignores walk events after the walk ended', () => {
    const t = new FakeTimeline();
    t.run(openIncident, { title: 'Noop', severity: 'sev3', runbook: 'noop' });
    expect(reduceIncident(t.events).walk?.state.ended).toEqual({ node: 'done', outcome: 'false_alarm', by: 'end' });
    t.append([{ type: 'step.entered', actor: alice, data: { node: 'done', nodeType: 'end', visit: 2 } }]);
    const incident = reduceIncident(t.events);
    expect(incident.uninterpreted).toEqual([5]);
    expect(incident.walk?.state.visits).toEqual({ done: 1 });
  });

  it('refuses a damaged timeline instead of guessing', () => {
    const t = scripted();
    const [first, second, third] = t.events as [TimelineEvent, TimelineEvent, TimelineEvent];
    expect(() => reduceIncident([first, third])).toThrow(DamagedTimelineError);
    expect(() => reduceIncident([first, third])).toThrow('expected seq 2 after 1, got 3');
    expect(() => reduceIncident([first, second, second])).toThrow('expected seq 3 after 2, got 2');
    expect(() => reduceIncident([second])).toThrow('its first event is walk.started (seq 2), not a valid incident.opened');
    expect(() => reduceIncident([{ ...first, seq: 4 }])).toThrow('it opens at seq 4, not 1');
    expect(() => reduceIncident([first, { ...second, incidentId: 'inc-2' }])).toThrow('belongs to incident inc-2');
    expect(() => reduceIncident([])).toThrow('an empty timeline is no incident');
    const damaged = (() => {
      try {
        reduceIncident([first, third]);
      } catch (err) {
        return err;
      }
      return undefined;
    })();
    expect(damaged).toMatchObject({ code: 'damaged_timeline', incidentId: 'inc-1' });
  });

  it('gives the same incident folded at once, event by event, or from any earlier fold', () => {
    const t = scripted();
    t.run(changeStatus, { to: 'investigating', reason: 'back' });
    t.run(addNote, { text: 'second wind' }, bob);
    t.run(starEntry, { seq: 8, starred: false });
    const whole = reduceIncident(t.events);
    const frozen = JSON.stringify(whole);

    let stepwise = applyEvent(undefined, t.events[0] as TimelineEvent);
    for (const event of t.events.slice(1)) stepwise = applyEvent(stepwise, event);
    expect(stepwise).toEqual(whole);

    // Every split point, and a seeded shuffle of chunk sizes: the fold never depends on how it was cut.
    let seed = 7;
    const random = (): number => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let cut = 1; cut < t.events.length; cut++) {
      const head = reduceIncident(t.events.slice(0, cut));
      const headCopy = JSON.stringify(head);
      expect(reduceIncident(t.events.slice(cut), head)).toEqual(whole);
      expect(JSON.stringify(head)).toBe(headCopy); // folding on does not change the earlier state
    }
    for (let round = 0; round < 20; round++) {
      let state = undefined as ReturnType<typeof reduceIncident> | undefined;
      let at = 0;
      while (at < t.events.length) {
        const size = 1 + Math.floor(random() * 5);
        const chunk = t.events.slice(at, at + size);
        state = state === undefined ? reduceIncident(chunk) : reduceIncident(chunk, state);
        at += size;
      }
      expect(state).toEqual(whole);
    }
    expect(JSON.stringify(whole)).toBe(frozen);
  });
});
