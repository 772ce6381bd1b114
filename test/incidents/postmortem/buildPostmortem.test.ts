import { describe, expect, it } from 'vitest';
import { buildPostmortem } from '../../../src/incidents/postmortem/buildPostmortem.js';
import type { TimelineEvent } from '../../../src/incidents/timelineEvent.js';
import { timelineView } from '../../../src/incidents/timelineView.js';
import { HTML_NOTE, RUNBOOK_HASH, SECRET_FOLLOW_UP, SECRET_NOTE, T0, alertmanager, alice, bob, scriptedIncident } from './scriptedIncident.js';

const at = (minutes: number): string => new Date(T0 + minutes * 60_000).toISOString();

/** A timeline from [actor, type, data] rows, one minute apart from T0. */
function timeline(rows: [TimelineEvent['actor'], string, unknown][]): TimelineEvent[] {
  return rows.map(([actor, type, data], i) => ({ incidentId: 'inc-7', seq: i + 1, id: `e${i + 1}`, at: at(i), type, actor, data }));
}

const opened = (summary?: string): [TimelineEvent['actor'], string, unknown] => [alice, 'incident.opened', { title: 'Checkout 5xx', severity: 'sev2', ...(summary === undefined ? {} : { summary }) }];

describe('buildPostmortem: the scripted incident', () => {
  const pm = buildPostmortem(scriptedIncident());

  it('has the header: title, id, severity and its change, status, summary', () => {
    expect(pm).toMatchObject({
      incidentId: 'inc-42',
      title: 'DbLatencyHigh on main',
      severity: 'sev2',
      severityChanges: [{ seq: 7, at: at(3), actor: 'alice', from: 'sev3', to: 'sev2' }],
      status: 'resolved',
      statusChanges: [{ seq: 26, at: at(40), actor: 'bob', from: 'investigating', to: 'resolved', reopened: false, reason: 'p99 normal for 20 minutes', redacted: false }],
      summary: 'p99 query latency above 500ms on main',
      summaryRedacted: false,
      openedAt: at(0),
      openedBy: 'alert (alertmanager)',
      lastSeq: 31,
    });
  });

  it('gives the key times from the fold figures, exactly, each with the seq that marks it', () => {
    expect(pm.keyTimes).toEqual({
      opened: { seq: 1, at: at(0), afterOpening: { ms: 0, text: '0s' } },
      acknowledged: { seq: 6, at: at(2.5), afterOpening: { ms: 150_000, text: '2m 30s' } },
      mitigated: { seq: 14, at: at(12.5), afterOpening: { ms: 750_000, text: '12m 30s' } },
      resolved: { seq: 26, at: at(40), afterOpening: { ms: 2_400_000, text: '40m 0s' } },
    });
  });

  it('measures the impact window from the first alert startsAt to the mitigation, and to the resolution', () => {
    expect(pm.impact).toEqual({
      start: { at: '2024-05-01T11:57:30.000Z', basis: 'first_alert', seq: 2 },
      mitigated: { at: at(12.5), seq: 14, afterStart: { ms: 900_000, text: '15m 0s' } },
      resolved: { at: at(40), seq: 26, afterStart: { ms: 2_550_000, text: '42m 30s' } },
      until: 'mitigated',
      duration: { ms: 900_000, text: '15m 0s' },
    });
  });

  it('lists the roles held now and every assignment, the handoff with its previous holder', () => {
    expect(pm.roles).toEqual({
      current: { commander: 'bob' },
      assignments: [
        { seq: 6, at: at(2.5), actor: 'alice', role: 'commander', user: 'alice' },
        { seq: 21, at: at(16), actor: 'alice', role: 'commander', user: 'bob', previous: 'alice' },
      ],
    });
  });

  it('walks the diagnosis path node by node with values, conditions from the pinned version, answers, actions and who', () => {
    const query = 'histogram_quantile(0.99, rate(db_query_seconds_bucket{cluster="main"}[5m]))';
    expect(pm.walks).toEqual([
      {
        runbookId: 'db-latency',
        runbookTitle: 'Database latency is high',
        runbookHash: RUNBOOK_HASH,
        seq: 4,
        at: at(0),
        actor: 'alert (alertmanager)',
        inputs: { cluster: 'main' },
        steps: [
          {
            seq: 5, at: at(0), node: 'latency', nodeType: 'check', visit: 1, title: 'Is p99 latency high?',
            result: { kind: 'check', seq: 8, at: at(4), actor: 'alice', query, source: 'prom', value: 0.92, unit: 'seconds', valueText: '920 ms (0.92 s)', branch: 0, condition: 'p99 above 500ms (> 0.5)', next: 'ask' },
          },
          {
            seq: 9, at: at(4), node: 'ask', nodeType: 'question', visit: 1, title: 'Was anything deployed in the last hour?',
            result: { kind: 'answer', seq: 11, at: at(6), actor: 'bob', question: 'Was anything deployed in the last hour?', answer: 'Deploy', next: 'rollback' },
          },
          {
            seq: 12, at: at(6), node: 'rollback', nodeType: 'action', visit: 1, title: 'Roll back the deploy',
            result: { kind: 'action', seq: 14, at: at(12.5), actor: 'bob', done: true, mitigation: true, note: 'rolled back build 4711', redacted: false, next: 'verify' },
          },
          {
            seq: 15, at: at(12.5), node: 'verify', nodeType: 'check', visit: 1, title: 'Is latency back to normal?',
            result: {
              kind: 'check_failed', seq: 16, at: at(13), actor: 'alice', query, source: 'prom', status: 'error',
              reason: "Prometheus 'prom' could not be queried (network error)", fallback: 'on_error', next: 'confirm',
            },
          },
          {
            seq: 17, at: at(13), node: 'confirm', nodeType: 'question', visit: 1, title: 'Does the dashboard show p99 below 100ms?',
            result: { kind: 'answer', seq: 22, at: at(20), actor: 'bob', question: 'Does the dashboard show p99 below 100ms?', answer: 'Yes', next: 'fine' },
          },
          { seq: 23, at: at(20), node: 'fine', nodeType: 'end', visit: 1 },
        ],
        end: { seq: 24, at: at(20), actor: 'bob', node: 'fine', outcome: 'resolved', by: 'end' },
      },
    ]);
  });

  it('lists actions taken, starred entries, notes (the redacted one without text), alerts, feedback and follow-ups by kind', () => {
    expect(pm.actionsTaken).toEqual([
      { seq: 14, at: at(12.5), actor: 'bob', runbookId: 'db-latency', node: 'rollback', title: 'Roll back the deploy', mitigation: true, note: 'rolled back build 4711', redacted: false },
    ]);
    expect(pm.starred).toEqual([{ seq: 14, at: at(12.5), actor: 'bob', type: 'action.completed', description: 'mitigation rollback done: "rolled back build 4711"', redacted: false }]);
    expect(pm.notes).toEqual([
      { seq: 10, at: at(5), author: 'bob', text: HTML_NOTE, redacted: false },
      { seq: 18, at: at(14), author: 'carol', redacted: true },
    ]);
    expect(pm.alerts.map((a) => [a.seq, a.kind, a.grouping.decision, a.grouping.by, a.alerts.map((x) => x.fingerprint), a.resolves])).toEqual([
      [2, 'received', 'opened', undefined, ['fp-1'], undefined],
      [13, 'received', 'grouped', 'group_key', ['fp-1', 'fp-2'], undefined],
      [25, 'resolved', 'grouped', 'group_key', [], ['fp-1', 'fp-2']],
    ]);
    expect(pm.alerts[0]?.alerts[0]).toEqual({
      fingerprint: 'fp-1', status: 'firing', name: 'DbLatencyHigh', labels: { alertname: 'DbLatencyHigh', cluster: 'main', instance: 'db-1' },
      summary: 'p99 above 500ms on db-1', startsAt: '2024-05-01T11:57:30.000Z',
    });
    expect(pm.feedback).toEqual([
      { seq: 27, at: at(41), actor: 'bob', runbookId: 'db-latency', runbookHash: RUNBOOK_HASH, node: 'verify', kind: 'missing_step', text: 'verify should fall back to the replica dashboard', redacted: false },
    ]);
    expect(pm.followUps).toEqual({
      detect: [{ seq: 28, at: at(42), actor: 'alice', kind: 'detect', text: 'alert on replica lag above 1s', owner: 'carol', redacted: false }],
      prevent: [{ seq: 29, at: at(42), actor: 'alice', kind: 'prevent', text: 'canary database driver upgrades', redacted: false }],
      correct: [{ seq: 30, at: at(43), actor: 'bob', kind: 'correct', owner: 'bob', redacted: true }],
    });
    expect(pm.runbookVersions).toEqual([{ runbookId: 'db-latency', hash: RUNBOOK_HASH, pinnedSeq: 3, file: 'runbooks/db-latency.yaml', walks: [4] }]);
    expect(pm.redacted).toEqual([18, 30]);
  });

  it('holds no redacted text, and is the same whether built from an admin read or a viewer read', () => {
    const json = JSON.stringify(pm);
    expect(json).not.toContain('hunter2');
    expect(json).not.toContain('SECRET42');
    expect(json).not.toContain(SECRET_NOTE);
    expect(json).not.toContain(SECRET_FOLLOW_UP);
    const events = scriptedIncident();
    expect(buildPostmortem(timelineView(events, { role: 'viewer' }))).toEqual(pm);
    expect(buildPostmortem(timelineView(events, { role: 'admin' }))).toEqual(pm);
  });

  it('is plain JSON', () => {
    expect(JSON.parse(JSON.stringify(pm))).toEqual(pm);
  });
});

describe('buildPostmortem: other timelines', () => {
  it('starts the impact at the opening without alerts, and is open-ended before mitigation', () => {
    const pm = buildPostmortem(timeline([opened('card payments fail')]));
    expect(pm.impact).toEqual({ start: { at: at(0), basis: 'opened', seq: 1 } });
    expect(pm.keyTimes).toEqual({ opened: { seq: 1, at: at(0), afterOpening: { ms: 0, text: '0s' } }, acknowledged: { seq: 1, at: at(0), afterOpening: { ms: 0, text: '0s' } } });
    expect(pm).toMatchObject({ walks: [], alerts: [], feedback: [], followUps: { detect: [], prevent: [], correct: [] }, runbookVersions: [], summary: 'card payments fail' });
  });

  it('ends the window at the resolution when nothing marked a mitigation first', () => {
    const pm = buildPostmortem(timeline([opened(), [bob, 'status.changed', { from: 'investigating', to: 'resolved' }]]));
    // A jump straight to resolved counts as mitigated too (the fold's rule), at the same event.
    expect(pm.impact.until).toBe('mitigated');
    expect(pm.impact.duration).toEqual({ ms: 60_000, text: '1m 0s' });
    expect(pm.keyTimes.resolved).toEqual({ seq: 2, at: at(1), afterOpening: { ms: 60_000, text: '1m 0s' } });
  });

  it('drops a redacted summary, status reason, action note and feedback text, even from an admin read', () => {
    const events = timeline([
      opened('summary with SECRET-A'),
      [alice, 'walk.started', { runbookId: 'db', runbookTitle: 'DB', inputs: {} }],
      [alice, 'step.entered', { node: 'restart', nodeType: 'action', visit: 1 }],
      [bob, 'action.completed', { node: 'restart', next: 'done', mitigation: false, note: 'note with SECRET-B' }],
      [bob, 'runbook.feedback', { runbookId: 'db', node: 'restart', kind: 'other', text: 'feedback with SECRET-C' }],
      [bob, 'status.changed', { from: 'investigating', to: 'mitigated', reason: 'reason with SECRET-D' }],
      [alice, 'entry.redacted', { seq: 1 }],
      [alice, 'entry.redacted', { seq: 4 }],
      [alice, 'entry.redacted', { seq: 5 }],
      [alice, 'entry.redacted', { seq: 6 }],
    ]);
    const pm = buildPostmortem(events);
    expect(JSON.stringify(pm)).not.toContain('SECRET');
    expect(pm.summaryRedacted).toBe(true);
    expect(pm.summary).toBeUndefined();
    expect(pm.walks[0]?.steps[0]?.result).toEqual({ kind: 'action', seq: 4, at: at(3), actor: 'bob', done: true, mitigation: false, redacted: true, next: 'done' });
    expect(pm.actionsTaken[0]).toMatchObject({ node: 'restart', redacted: true });
    expect(pm.actionsTaken[0]).not.toHaveProperty('note');
    expect(pm.feedback[0]).toEqual({ seq: 5, at: at(4), actor: 'bob', runbookId: 'db', node: 'restart', kind: 'other', redacted: true });
    expect(pm.statusChanges[0]).toMatchObject({ seq: 6, redacted: true });
    expect(pm.statusChanges[0]).not.toHaveProperty('reason');
    expect(pm.redacted).toEqual([1, 4, 5, 6]);
    expect(pm.keyTimes.mitigated?.seq).toBe(6);
  });

  it('reads an older timeline (no pins, no hash): branches by number, no unit, version not recorded', () => {
    const pm = buildPostmortem(timeline([
      opened(),
      [alice, 'walk.started', { runbookId: 'db', runbookTitle: 'DB', inputs: { cluster: 'main' } }],
      [alice, 'step.entered', { node: 'latency', nodeType: 'check', visit: 1 }],
      [alice, 'check.evaluated', { node: 'latency', value: 0.7, series: [], branch: 1, next: 'ask', reduce: 'any' }],
      [alice, 'step.entered', { node: 'ask', nodeType: 'question', visit: 1 }],
    ]));
    expect(pm.walks[0]?.steps).toEqual([
      { seq: 3, at: at(2), node: 'latency', nodeType: 'check', visit: 1, result: { kind: 'check', seq: 4, at: at(3), actor: 'alice', value: 0.7, valueText: '0.7', branch: 1, condition: 'branch 2', next: 'ask' } },
      { seq: 5, at: at(4), node: 'ask', nodeType: 'question', visit: 1 },
    ]);
    expect(pm.walks[0]?.end).toBeUndefined();
    expect(pm.runbookVersions).toEqual([{ runbookId: 'db', walks: [2] }]);
  });

  it('observes a reopen: the resolution is the later one, and the change says reopened', () => {
    const pm = buildPostmortem(timeline([
      opened(),
      [bob, 'status.changed', { from: 'investigating', to: 'resolved' }],
      [bob, 'status.changed', { from: 'resolved', to: 'investigating', reopened: true }],
      [bob, 'status.changed', { from: 'investigating', to: 'resolved' }],
    ]));
    expect(pm.statusChanges.map((c) => [c.seq, c.to, c.reopened])).toEqual([[2, 'resolved', false], [3, 'investigating', true], [4, 'resolved', false]]);
    expect(pm.keyTimes.resolved).toEqual({ seq: 4, at: at(3), afterOpening: { ms: 180_000, text: '3m 0s' } });
    expect(pm.keyTimes.mitigated?.seq).toBe(2);
  });

  it('an alert-opened incident is acknowledged by the first thing a person records, even a note later redacted', () => {
    const events = timeline([
      [alertmanager, 'incident.opened', { title: 'Alert', severity: 'sev3' }],
      [bob, 'note.added', { text: 'looking, token abc SECRET-E' }],
      [alice, 'entry.redacted', { seq: 2 }],
    ]);
    for (const input of [events, timelineView(events, { role: 'viewer' })]) {
      const pm = buildPostmortem(input);
      expect(pm.keyTimes.acknowledged?.seq).toBe(2);
      expect(pm.notes).toEqual([{ seq: 2, at: at(1), author: 'bob', redacted: true }]);
      expect(JSON.stringify(pm)).not.toContain('SECRET');
    }
  });

  it('skips malformed #6 entries instead of failing', () => {
    const pm = buildPostmortem(timeline([
      opened(),
      [bob, 'followup.added', { kind: 'later', text: 'x' }],
      [bob, 'runbook.feedback', { runbookId: 'db' }],
      [bob, 'runbook.pinned', { runbookId: 'db', hash: 'h', text: 'not: [a runbook' }],
    ]));
    expect(pm.followUps).toEqual({ detect: [], prevent: [], correct: [] });
    expect(pm.feedback).toEqual([]);
    expect(pm.lastSeq).toBe(4);
  });
});
