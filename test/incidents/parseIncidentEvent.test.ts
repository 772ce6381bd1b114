import { describe, expect, it } from 'vitest';
import { INCIDENT_EVENT_TYPES, isIncidentEventType, parseIncidentEvent, typedEvent } from '../../src/incidents/parseIncidentEvent.js';
import type { TimelineEvent } from '../../src/incidents/timelineEvent.js';

const HASH = 'a'.repeat(64);

/** One valid payload of every type. */
const VALID: Record<string, unknown> = {
  'incident.opened': { title: 'DB down', severity: 'sev1', summary: 's', runbook: { id: 'db', title: 'DB' }, inputs: { cluster: 'a' } },
  'status.changed': { from: 'resolved', to: 'investigating', reason: 'back', reopened: true },
  'severity.changed': { from: 'sev2', to: 'sev1' },
  'role.assigned': { role: 'scribe', user: 'carol', previous: 'dave' },
  'note.added': { text: 'hello', claimedAt: '2024-05-01T11:50:00.000Z' },
  'entry.starred': { seq: 3, starred: false },
  'entry.redacted': { seq: 3, reason: 'secret' },
  'walk.started': { runbookId: 'db', runbookTitle: 'DB', inputs: {}, labels: { zone: 'a' }, runbookHash: HASH },
  'runbook.pinned': { runbookId: 'db', hash: HASH, text: 'runpath: 1\nid: db\n', file: 'runbooks/db.yaml' },
  'runbook.feedback': { runbookId: 'db', runbookHash: HASH, node: 'a', kind: 'wrong_branch', text: 'should go to b' },
  'followup.added': { kind: 'detect', text: 'alert on the p99', owner: 'db-team' },
  'step.entered': { node: 'a', nodeType: 'question', visit: 2 },
  'check.evaluated': {
    node: 'a', value: null, series: [{ labels: { zone: 'a' }, value: 1.5, matched: true }], branch: 0, next: 'b', reduce: 'max',
    query: 'up', source: 'prom', sourceType: 'prometheus', durationMs: 12,
    trend: [{ labels: { zone: 'a' }, samples: [[1714564740, 1.2], [1714564770, null], [1714564800, 1.5]] }, { labels: {}, samples: [] }],
  },
  'check.failed': { node: 'a', status: 'timeout', reason: 'slow', next: 'c', sourceType: null },
  'question.answered': { node: 'a', label: 'Yes', next: 'b' },
  'action.completed': { node: 'a', next: 'b', mitigation: true, note: 'done' },
  'action.skipped': { node: 'a', next: 'b' },
  'walk.ended': { node: null, outcome: 'escalate', by: 'max_visits', handoff: 'dba' },
  'alert.received': {
    receiver: 'rp', groupKey: '{}:{alertname="X"}', status: 'firing', groupLabels: { alertname: 'X' }, omittedAlerts: 0,
    alerts: [{ fingerprint: 'f1', status: 'firing', labels: { alertname: 'X' }, annotations: {}, startsAt: '2024-05-01T11:59:00Z', generatorURL: 'http://prom' }],
    grouping: { decision: 'opened', reason: 'new group' },
  },
  'alert.resolved': {
    receiver: 'rp', groupKey: '{}:{alertname="X"}', groupLabels: {}, fingerprints: ['f1'],
    alerts: [{ fingerprint: 'f1', status: 'resolved', labels: {}, annotations: {}, startsAt: '2024-05-01T11:59:00Z', endsAt: '2024-05-01T12:09:00Z' }],
    grouping: { decision: 'grouped', by: 'group_key', reason: 'same groupKey as the notification at seq 4' },
  },
};

describe('parseIncidentEvent', () => {
  it('knows every type of the timeline contract that runpath records', () => {
    expect([...INCIDENT_EVENT_TYPES].sort()).toEqual(Object.keys(VALID).sort());
  });

  it.each(Object.entries(VALID))('accepts a valid %s', (type, data) => {
    const parsed = parseIncidentEvent(type, data);
    expect(parsed).toEqual({ ok: true, event: { type, data } });
  });

  it.each([
    ['incident.opened', { title: '', severity: 'sev1' }, 'incident.opened: data.title must be a non-empty string'],
    ['incident.opened', { title: 'x', severity: 'sev5' }, 'data.severity must be one of sev1, sev2, sev3, sev4'],
    ['incident.opened', { title: 'x', severity: 'sev1', runbook: { id: 'a' } }, 'data.runbook must be an object {id, title}'],
    ['incident.opened', { title: 'x', severity: 'sev1', inputs: { a: 1 } }, 'data.inputs must be an object of strings'],
    ['status.changed', { from: 'open', to: 'closed' }, 'data.from must be a status'],
    ['status.changed', { from: 'closed', to: 'investigating', reopened: false }, 'data.reopened must be true'],
    ['role.assigned', { role: 'boss', user: 'a' }, 'data.role must be one of commander, communications, operations, scribe'],
    ['role.assigned', { role: 'scribe' }, 'role.assigned: data.user is missing; it must be a user name'],
    ['note.added', { text: 'x', claimedAt: 'yesterday' }, 'data.claimedAt must be an ISO 8601 time'],
    ['entry.starred', { seq: 0, starred: true }, 'data.seq must be a seq (integer from 1)'],
    ['entry.starred', { seq: 1.5, starred: true }, 'data.seq must be a seq (integer from 1)'],
    ['entry.redacted', { seq: '3' }, 'data.seq must be a seq (integer from 1)'],
    ['step.entered', { node: 'a', nodeType: 'wait', visit: 1 }, 'data.nodeType must be a node type'],
    ['check.evaluated', { node: 'a', value: 1, series: [{ labels: {}, value: 1 }], branch: 0, next: 'b', reduce: 'any' }, 'data.series must be a list of {labels, value, matched}'],
    ['check.evaluated', { node: 'a', value: 1, series: [], branch: -1, next: 'b', reduce: 'any' }, "data.branch must be a branch index or 'default'"],
    ['check.failed', { node: 'a', status: 'error', reason: 'x', next: 'b', durationMs: -1 }, 'data.durationMs must be a number of milliseconds'],
    ['check.failed', { node: 'a', status: 'error', reason: 'x', next: 'b', trend: {} }, 'data.trend must be a list of {labels, samples'],
    ['check.failed', { node: 'a', status: 'error', reason: 'x', next: 'b', trend: [{ labels: { a: 1 }, samples: [] }] }, 'data.trend must be a list'],
    ['check.evaluated', { node: 'a', value: 1, series: [], branch: 0, next: 'b', reduce: 'any', trend: [{ labels: {}, samples: [[1, 2, 3]] }] }, 'data.trend must be a list'],
    ['check.evaluated', { node: 'a', value: 1, series: [], branch: 0, next: 'b', reduce: 'any', trend: [{ labels: {}, samples: [[null, 2]] }] }, 'data.trend must be a list'],
    ['check.evaluated', { node: 'a', value: 1, series: [], branch: 0, next: 'b', reduce: 'any', trend: [{ labels: {}, samples: [[1, '2']] }] }, 'data.trend must be a list'],
    ['check.evaluated', { node: 'a', value: 1, series: [], branch: 0, next: 'b', reduce: 'any', trend: [{ labels: {} }] }, 'data.trend must be a list'],
    ['action.completed', { node: 'a', next: 'b' }, 'data.mitigation is missing; it must be a boolean'],
    ['walk.ended', { node: 'a', outcome: 'done', by: 'end' }, 'data.outcome must be an end outcome'],
    ['alert.received', { ...VALID['alert.received'] as object, status: 'pending' }, 'data.status must be firing or resolved'],
    ['alert.received', { ...VALID['alert.received'] as object, alerts: [{ fingerprint: '', status: 'firing', labels: {}, annotations: {}, startsAt: 'x' }] }, 'data.alerts must be a list'],
    ['alert.received', { ...VALID['alert.received'] as object, grouping: { decision: 'grouped', by: 'labels', reason: 'x' } }, 'data.grouping must be an object'],
    ['alert.resolved', { ...VALID['alert.resolved'] as object, fingerprints: [1] }, 'data.fingerprints must be a list of fingerprints'],
    ['walk.started', { runbookId: 'db', runbookTitle: 'DB', inputs: {}, runbookHash: 'ABC' }, 'data.runbookHash must be a sha256 in lowercase hex'],
    ['runbook.pinned', { runbookId: 'db', hash: 'A'.repeat(64), text: 'x' }, 'data.hash must be a sha256 in lowercase hex'],
    ['runbook.pinned', { runbookId: 'db', hash: HASH }, 'runbook.pinned: data.text is missing; it must be a string'],
    ['runbook.feedback', { runbookId: 'db', node: 'a', kind: 'typo', text: 'x' }, 'data.kind must be one of wrong_branch, missing_step, other'],
    ['runbook.feedback', { runbookId: 'db', kind: 'other', text: 'x' }, 'runbook.feedback: data.node is missing; it must be a node id'],
    ['followup.added', { kind: 'fix', text: 'x' }, 'data.kind must be one of detect, prevent, correct'],
    ['followup.added', { kind: 'detect', text: 'x', owner: 7 }, 'data.owner must be a string'],
  ])('refuses a malformed %s', (type, data, message) => {
    const parsed = parseIncidentEvent(type, data);
    expect(parsed.ok).toBe(false);
    expect(parsed.ok ? '' : parsed.message).toContain(message);
  });

  it('refuses an unknown type and data that is not an object', () => {
    expect(parseIncidentEvent('alert.silenced', {})).toEqual({ ok: false, message: "unknown event type 'alert.silenced'" });
    expect(parseIncidentEvent('constructor', {})).toEqual({ ok: false, message: "unknown event type 'constructor'" });
    expect(parseIncidentEvent('note.added', ['x'])).toEqual({ ok: false, message: 'note.added: data must be an object' });
    expect(parseIncidentEvent('note.added', null)).toEqual({ ok: false, message: 'note.added: data must be an object' });
  });

  it('accepts check events recorded before trends existed (no trend field)', () => {
    expect(parseIncidentEvent('check.evaluated', { node: 'a', value: 1, series: [], branch: 'default', next: 'b', reduce: 'any', query: 'up' }).ok).toBe(true);
    expect(parseIncidentEvent('check.failed', { node: 'a', status: 'no_data', reason: 'none', next: 'b' }).ok).toBe(true);
  });

  it('allows fields a newer writer added', () => {
    expect(parseIncidentEvent('note.added', { text: 'x', mood: 'calm' }).ok).toBe(true);
  });

  it('tells event types apart', () => {
    expect(isIncidentEventType('walk.ended')).toBe(true);
    expect(isIncidentEventType('walk.paused')).toBe(false);
    expect(isIncidentEventType(3)).toBe(false);
  });
});

describe('typedEvent', () => {
  const envelope = { incidentId: 'i', seq: 2, id: 'e2', at: '2024-05-01T12:00:00.000Z', actor: { kind: 'system' as const } };

  it('keeps the envelope and types the payload', () => {
    const event: TimelineEvent = { ...envelope, type: 'note.added', data: { text: 'x' }, key: 'k1' };
    expect(typedEvent(event)).toEqual(event);
  });

  it('is undefined for a malformed event', () => {
    expect(typedEvent({ ...envelope, type: 'note.added', data: {} })).toBeUndefined();
  });
});
