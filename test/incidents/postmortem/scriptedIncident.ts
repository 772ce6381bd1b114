// A whole incident as the server would store it, on a fixed clock: opened by an alert, acknowledged
// by a commander, a walk through a check, a question, a mitigation, a failed check and a second
// question to its end, notes (one with HTML, one redacted), a star, a handoff, alerts grouped and
// resolved, runbook feedback, follow-ups (one redacted) and the resolution.
import { createHash } from 'node:crypto';
import type { Actor, TimelineEvent } from '../../../src/incidents/timelineEvent.js';

export const T0 = Date.parse('2024-05-01T12:00:00.000Z');
export const SECRET_NOTE = 'the db password is hunter2';
export const SECRET_FOLLOW_UP = 'rotate the token tok_live_SECRET42';
export const HTML_NOTE = 'Replica lag is <img src=x onerror=alert(1)> 2s, see *dashboard*';

export const RUNBOOK_TEXT = `runpath: 1
id: db-latency
title: Database latency is high
inputs:
  cluster: { default: main }
sources:
  prom: { type: prometheus, url: "http://prometheus:9090" }
start: latency
nodes:
  latency:
    type: check
    title: Is p99 latency high?
    source: prom
    unit: seconds
    query: histogram_quantile(0.99, rate(db_query_seconds_bucket{cluster="{{ inputs.cluster }}"}[5m]))
    branches:
      - when: { op: gt, value: 0.5 }
        next: ask
        label: p99 above 500ms
    default: fine
    on_no_data: ask
    on_error: ask
  ask:
    type: question
    question: Was anything deployed in the last hour?
    answers:
      - { label: "Deploy", next: rollback }
      - { label: "Nothing", next: escalate }
  rollback:
    type: action
    title: Roll back the deploy
    instructions: Roll back with the deploy tool.
    mitigation: true
    next: verify
  verify:
    type: check
    title: Is latency back to normal?
    source: prom
    unit: seconds
    query: histogram_quantile(0.99, rate(db_query_seconds_bucket{cluster="{{ inputs.cluster }}"}[5m]))
    branches:
      - when: { op: lt, value: 0.1 }
        next: fine
    default: escalate
    on_no_data: confirm
    on_error: confirm
  confirm:
    type: question
    question: Does the dashboard show p99 below 100ms?
    answers:
      - { label: "Yes", next: fine }
      - { label: "No", next: escalate }
  fine:
    type: end
    outcome: resolved
  escalate:
    type: end
    outcome: escalate
    handoff: dba-oncall
`;

export const RUNBOOK_HASH = createHash('sha256').update(RUNBOOK_TEXT).digest('hex');

export const alertmanager: Actor = { kind: 'alert', source: 'alertmanager' };
export const alice: Actor = { kind: 'user', name: 'alice' };
export const bob: Actor = { kind: 'user', name: 'bob' };
export const carol: Actor = { kind: 'user', name: 'carol' };

const minutes = (m: number): number => m * 60_000;

const QUERY = 'histogram_quantile(0.99, rate(db_query_seconds_bucket{cluster="main"}[5m]))';

const firing = (fingerprint: string, startsAt: string, summary: string) => ({
  fingerprint,
  status: 'firing',
  labels: { alertname: 'DbLatencyHigh', cluster: 'main', instance: fingerprint === 'fp-1' ? 'db-1' : 'db-2' },
  annotations: { summary },
  startsAt,
});

/** [minutes after T0, actor, type, data], in seq order from 1. */
const SCRIPT: [number, Actor, string, unknown][] = [
  [0, alertmanager, 'incident.opened', { title: 'DbLatencyHigh on main', severity: 'sev3', summary: 'p99 query latency above 500ms on main', runbook: { id: 'db-latency', title: 'Database latency is high' } }], // 1
  [0, alertmanager, 'alert.received', {
    receiver: 'runpath', groupKey: '{}:{alertname="DbLatencyHigh"}', status: 'firing', groupLabels: { alertname: 'DbLatencyHigh' },
    alerts: [firing('fp-1', '2024-05-01T11:57:30.000Z', 'p99 above 500ms on db-1')],
    grouping: { decision: 'opened', reason: 'no open incident has this group; opened one with runbook db-latency' },
  }], // 2
  [0, alertmanager, 'runbook.pinned', { runbookId: 'db-latency', hash: RUNBOOK_HASH, text: RUNBOOK_TEXT, file: 'runbooks/db-latency.yaml' }], // 3
  [0, alertmanager, 'walk.started', { runbookId: 'db-latency', runbookTitle: 'Database latency is high', inputs: { cluster: 'main' }, runbookHash: RUNBOOK_HASH }], // 4
  [0, alertmanager, 'step.entered', { node: 'latency', nodeType: 'check', visit: 1 }], // 5
  [2.5, alice, 'role.assigned', { role: 'commander', user: 'alice' }], // 6: acknowledged
  [3, alice, 'severity.changed', { from: 'sev3', to: 'sev2' }], // 7
  [4, alice, 'check.evaluated', {
    node: 'latency', value: 0.92, series: [{ labels: {}, value: 0.92, matched: true }], branch: 0, next: 'ask', reduce: 'any',
    query: QUERY, source: 'prom', sourceType: 'prometheus', durationMs: 31,
  }], // 8
  [4, alice, 'step.entered', { node: 'ask', nodeType: 'question', visit: 1 }], // 9
  [5, bob, 'note.added', { text: HTML_NOTE }], // 10
  [6, bob, 'question.answered', { node: 'ask', label: 'Deploy', next: 'rollback' }], // 11
  [6, bob, 'step.entered', { node: 'rollback', nodeType: 'action', visit: 1 }], // 12
  [7, alertmanager, 'alert.received', {
    receiver: 'runpath', groupKey: '{}:{alertname="DbLatencyHigh"}', status: 'firing', groupLabels: { alertname: 'DbLatencyHigh' },
    alerts: [firing('fp-1', '2024-05-01T11:57:30.000Z', 'p99 above 500ms on db-1'), firing('fp-2', '2024-05-01T12:05:10.000Z', 'p99 above 500ms on db-2')],
    grouping: { decision: 'grouped', by: 'group_key', reason: 'this incident already has group {}:{alertname="DbLatencyHigh"}' },
  }], // 13
  [12.5, bob, 'action.completed', { node: 'rollback', next: 'verify', mitigation: true, note: 'rolled back build 4711' }], // 14: mitigated
  [12.5, bob, 'step.entered', { node: 'verify', nodeType: 'check', visit: 1 }], // 15
  [13, alice, 'check.failed', { node: 'verify', status: 'error', reason: "Prometheus 'prom' could not be queried (network error)", next: 'confirm', query: QUERY, source: 'prom', sourceType: 'prometheus', durationMs: 5 }], // 16
  [13, alice, 'step.entered', { node: 'confirm', nodeType: 'question', visit: 1 }], // 17
  [14, carol, 'note.added', { text: SECRET_NOTE }], // 18
  [15, alice, 'entry.redacted', { seq: 18, reason: 'credential' }], // 19
  [15, alice, 'entry.starred', { seq: 14, starred: true }], // 20
  [16, alice, 'role.assigned', { role: 'commander', user: 'bob', previous: 'alice' }], // 21: handoff
  [20, bob, 'question.answered', { node: 'confirm', label: 'Yes', next: 'fine' }], // 22
  [20, bob, 'step.entered', { node: 'fine', nodeType: 'end', visit: 1 }], // 23
  [20, bob, 'walk.ended', { node: 'fine', outcome: 'resolved', by: 'end' }], // 24
  [38, alertmanager, 'alert.resolved', {
    receiver: 'runpath', groupKey: '{}:{alertname="DbLatencyHigh"}', groupLabels: { alertname: 'DbLatencyHigh' }, fingerprints: ['fp-1', 'fp-2'],
    alerts: [], grouping: { decision: 'grouped', by: 'group_key', reason: 'this incident already has group {}:{alertname="DbLatencyHigh"}' },
  }], // 25
  [40, bob, 'status.changed', { from: 'investigating', to: 'resolved', reason: 'p99 normal for 20 minutes' }], // 26: resolved
  [41, bob, 'runbook.feedback', { runbookId: 'db-latency', runbookHash: RUNBOOK_HASH, node: 'verify', kind: 'missing_step', text: 'verify should fall back to the replica dashboard' }], // 27
  [42, alice, 'followup.added', { kind: 'detect', text: 'alert on replica lag above 1s', owner: 'carol' }], // 28
  [42, alice, 'followup.added', { kind: 'prevent', text: 'canary database driver upgrades' }], // 29
  [43, bob, 'followup.added', { kind: 'correct', text: SECRET_FOLLOW_UP, owner: 'bob' }], // 30
  [44, bob, 'entry.redacted', { seq: 30, reason: 'secret' }], // 31
];

/** The scripted incident's stored events (all text intact, as an admin reads them). */
export function scriptedIncident(incidentId = 'inc-42'): TimelineEvent[] {
  return SCRIPT.map(([after, actor, type, data], index) => ({
    incidentId,
    seq: index + 1,
    id: `${incidentId}-${index + 1}`,
    at: new Date(T0 + minutes(after)).toISOString(),
    type,
    actor,
    data,
  }));
}
