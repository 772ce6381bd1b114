import { describe, expect, it } from 'vitest';
import type { Runbook, TimelineEntry } from '../../src/web/api/apiTypes.js';
import { INCIDENT_EVENT_TYPES } from '../../src/incidents/parseIncidentEvent.js';
import { describeEntry } from '../../src/web/room/describeEntry.js';

let seq = 0;
function entry(type: string, data: unknown, extra: Partial<TimelineEntry> = {}): TimelineEntry {
  seq += 1;
  return {
    incidentId: 'inc-1',
    seq,
    id: `e${seq}`,
    at: '2025-11-21T14:03:27.000Z',
    type,
    actor: { kind: 'user', name: 'alice' },
    data,
    starred: false,
    ...extra,
  };
}

const runbook: Runbook = {
  runpath: 1,
  id: 'checkout-5xx',
  title: 'Checkout is returning 5xx errors',
  sources: { prom: { type: 'prometheus' } },
  start: 'error-rate',
  nodes: {
    'error-rate': {
      type: 'check',
      title: 'How many requests fail with 5xx?',
      source: 'prom',
      query: 'q',
      unit: 'ratio',
      branches: [
        { when: { op: 'gt', value: 0.05 }, next: 'recent-deploy', label: 'more than 5% of requests fail' },
        { when: { op: 'gt', value: 0.01, for: '10m' }, next: 'recent-deploy' },
      ],
      default: 'resolved',
      on_no_data: 'recent-deploy',
      on_error: 'recent-deploy',
    },
    'recent-deploy': { type: 'question', question: 'Was it deployed?', answers: [{ label: 'Yes', next: 'rollback' }] },
    rollback: { type: 'action', title: 'Roll back', instructions: 'x', mitigation: true, next: 'resolved' },
    resolved: { type: 'end', outcome: 'resolved' },
  },
};

/** One valid entry of every type the core knows, so a new type without a sentence fails here. */
const SAMPLES: Record<string, unknown> = {
  'incident.opened': { title: 'Checkout 5xx', severity: 'sev2', summary: 'customers see errors', runbook: { id: 'checkout-5xx', title: 'Checkout is returning 5xx errors' } },
  'status.changed': { from: 'investigating', to: 'mitigated', reason: 'rolled back' },
  'severity.changed': { from: 'sev3', to: 'sev1' },
  'role.assigned': { role: 'commander', user: 'bob', previous: 'alice' },
  'note.added': { text: 'looking at the dashboards' },
  'entry.starred': { seq: 4, starred: true },
  'entry.redacted': { seq: 4, reason: 'customer name' },
  'walk.started': { runbookId: 'checkout-5xx', runbookTitle: 'Checkout is returning 5xx errors', inputs: { service: 'checkout' } },
  'step.entered': { node: 'rollback', nodeType: 'action', visit: 2 },
  'check.evaluated': { node: 'error-rate', value: 0.12, series: [{ labels: {}, value: 0.12, matched: true }], branch: 0, next: 'recent-deploy', reduce: 'any' },
  'check.failed': { node: 'error-rate', status: 'no_data', reason: 'the query returned no series', next: 'recent-deploy' },
  'question.answered': { node: 'recent-deploy', label: 'Yes', next: 'rollback' },
  'action.completed': { node: 'rollback', next: 'resolved', mitigation: true, note: 'v41 back' },
  'action.skipped': { node: 'rollback', next: 'resolved', note: 'migration ran' },
  'walk.ended': { node: 'resolved', outcome: 'resolved', by: 'end', handoff: 'checkout-dev' },
  'runbook.pinned': { runbookId: 'checkout-5xx', hash: 'a'.repeat(64), text: 'runpath: 1\nid: checkout-5xx\n', file: 'runbooks/checkout-5xx.yaml' },
  'runbook.feedback': { runbookId: 'checkout-5xx', node: 'recent-deploy', kind: 'wrong_branch', text: 'a flag flip is a change too' },
  'followup.added': { kind: 'prevent', text: 'canary checkout deploys', owner: 'checkout-dev' },
  'alert.received': {
    status: 'firing', receiver: 'runpath', groupKey: '{}:{alertname="CheckoutHighErrorRate"}', groupLabels: { alertname: 'CheckoutHighErrorRate' },
    alerts: [
      { fingerprint: 'a1', status: 'firing', labels: { alertname: 'CheckoutHighErrorRate', pod: 'p1' }, annotations: {}, startsAt: '2025-11-21T14:00:00Z' },
      { fingerprint: 'a2', status: 'firing', labels: { alertname: 'CheckoutHighErrorRate', pod: 'p2' }, annotations: {}, startsAt: '2025-11-21T14:00:00Z' },
    ],
    grouping: { decision: 'grouped', by: 'group_key', reason: 'same alert group as the one that opened this incident' },
  },
  'alert.resolved': {
    fingerprints: ['a1'], receiver: 'runpath', groupKey: 'g', groupLabels: {},
    alerts: [{ fingerprint: 'a1', status: 'resolved', labels: { alertname: 'CheckoutHighErrorRate' }, annotations: {}, startsAt: '2025-11-21T14:00:00Z' }],
    grouping: { decision: 'grouped', by: 'fingerprint', reason: 'an alert of this incident' },
  },
};

describe('describeEntry', () => {
  it('has a sentence for every event type of the core, never the generic one', () => {
    for (const type of INCIDENT_EVENT_TYPES) {
      expect(SAMPLES, `add a sample for ${type}`).toHaveProperty([type]);
      const text = describeEntry(entry(type, SAMPLES[type]), runbook).text;
      expect(text, type).not.toMatch(/^recorded /);
      expect(text.length, type).toBeGreaterThan(5);
    }
  });

  it('names the actor: a user, the server, an alert source', () => {
    expect(describeEntry(entry('note.added', { text: 'x' })).actor).toBe('alice');
    expect(describeEntry(entry('note.added', { text: 'x' }, { actor: { kind: 'system' } })).actor).toBe('runpath');
    expect(describeEntry(entry('note.added', { text: 'x' }, { actor: { kind: 'alert', source: 'alertmanager' } })).actor).toBe('alert (alertmanager)');
  });

  it('says a check value with its unit, the branch by its label and condition, and where it leads', () => {
    const d = describeEntry(entry('check.evaluated', SAMPLES['check.evaluated']), runbook);
    expect(d.text).toBe('ran check How many requests fail with 5xx? (error-rate): 12% (0.12), more than 5% of requests fail (> 0.05) → Was it deployed? (recent-deploy)');
    expect(d.decision).toBe(true);
  });

  it('falls back to node ids and branch numbers without the runbook', () => {
    const d = describeEntry(entry('check.evaluated', { ...(SAMPLES['check.evaluated'] as object), branch: 1 }));
    expect(d.text).toBe('ran check error-rate: 0.12, branch 2 → recent-deploy');
    const byDefault = describeEntry(entry('check.evaluated', { ...(SAMPLES['check.evaluated'] as object), branch: 'default', next: 'resolved' }), runbook);
    expect(byDefault.text).toContain('no branch matched (default) → resolved');
    expect(describeEntry(entry('check.evaluated', { ...(SAMPLES['check.evaluated'] as object), branch: 1 }), runbook).text).toContain('> 0.01 for 10m');
  });

  it('lists the series of a multi-series check', () => {
    const series = [1, 2, 3, 4, 5, 6].map((n) => ({ labels: { pod: `p${n}` }, value: n / 100, matched: n > 3 }));
    const d = describeEntry(entry('check.evaluated', { ...(SAMPLES['check.evaluated'] as object), series }), runbook);
    expect(d.detail).toBe('6 series: pod=p1: 1% (0.01); pod=p2: 2% (0.02); pod=p3: 3% (0.03); pod=p4: 4% (0.04) ✓; pod=p5: 5% (0.05) ✓; and 1 more');
  });

  it('says why a check failed and which fallback it took', () => {
    const noData = describeEntry(entry('check.failed', SAMPLES['check.failed']));
    expect(noData.text).toBe('ran check error-rate, which returned no data: on_no_data → recent-deploy');
    expect(noData.detail).toBe('the query returned no series');
    const timeout = describeEntry(entry('check.failed', { ...(SAMPLES['check.failed'] as object), status: 'timeout' }));
    expect(timeout.text).toContain('timed out: on_error →');
  });

  it('answers, actions done and skipped with their notes as typed text', () => {
    expect(describeEntry(entry('question.answered', SAMPLES['question.answered'])).text).toBe('answered “Yes” to recent-deploy → rollback');
    const done = describeEntry(entry('action.completed', SAMPLES['action.completed']));
    expect(done.text).toBe('did the mitigation rollback → resolved');
    expect(done.mitigation).toBe(true);
    expect(done.typed).toBe('v41 back');
    const skipped = describeEntry(entry('action.skipped', SAMPLES['action.skipped']));
    expect(skipped.text).toBe('skipped rollback → resolved');
    expect(skipped.typed).toBe('migration ran');
  });

  it('roles: taking one, assigning one, a handoff', () => {
    expect(describeEntry(entry('role.assigned', { role: 'commander', user: 'alice' })).text).toBe('took the commander role');
    expect(describeEntry(entry('role.assigned', SAMPLES['role.assigned'])).text).toBe('made bob commander, taking over from alice');
  });

  it('status, reopen and severity changes', () => {
    expect(describeEntry(entry('status.changed', SAMPLES['status.changed'])).text).toBe('changed the status from investigating to mitigated');
    expect(describeEntry(entry('status.changed', SAMPLES['status.changed'])).typed).toBe('rolled back');
    expect(describeEntry(entry('status.changed', { from: 'resolved', to: 'investigating', reopened: true })).text).toBe('reopened the incident (resolved → investigating)');
    expect(describeEntry(entry('severity.changed', { from: 'sev3', to: 'sev1' })).text).toBe('raised the severity from SEV3 to SEV1');
    expect(describeEntry(entry('severity.changed', { from: 'sev1', to: 'sev4' })).text).toBe('lowered the severity from SEV1 to SEV4');
  });

  it('notes keep their text apart, to be rendered as text', () => {
    const html = '<img src=x onerror=alert(1)>';
    const d = describeEntry(entry('note.added', { text: html }));
    expect(d.text).toBe('added a note');
    expect(d.typed).toBe(html);
    expect(d.redactable).toBe(true);
    expect(describeEntry(entry('note.added', { text: 'x', claimedAt: '2025-11-21T13:50:00Z' })).text).toBe('added a note about 2025-11-21 13:50:00 UTC');
  });

  it('a redacted note: the marker, and no text for readers whose copy lost it', () => {
    const redacted = { seq: 9, at: '2025-11-21T14:10:00.000Z', actor: { kind: 'user' as const, name: 'carol' }, reason: 'customer name' };
    const hidden = describeEntry(entry('note.added', {}, { redacted }));
    expect(hidden.text).toBe('added a note');
    expect(hidden.typed).toBeUndefined();
    expect(hidden.redaction).toBe('redacted by carol: customer name');
    const admin = describeEntry(entry('note.added', { text: 'Jane Doe, card 4242' }, { redacted: { seq: 9, at: redacted.at, actor: redacted.actor } }));
    expect(admin.typed).toBe('Jane Doe, card 4242');
    expect(admin.redaction).toBe('redacted by carol');
  });

  it('stars, redactions, the walk starting, moving and ending', () => {
    expect(describeEntry(entry('entry.starred', { seq: 4, starred: false })).text).toBe('unstarred entry #4');
    expect(describeEntry(entry('entry.redacted', SAMPLES['entry.redacted'])).detail).toBe('reason: customer name');
    const started = describeEntry(entry('walk.started', SAMPLES['walk.started']));
    expect(started.text).toBe('started the runbook “Checkout is returning 5xx errors”');
    expect(started.detail).toBe('inputs: service=checkout');
    expect(describeEntry(entry('step.entered', SAMPLES['step.entered']), runbook).text).toBe('the walk moved to action Roll back (rollback) (visit 2)');
    expect(describeEntry(entry('walk.ended', SAMPLES['walk.ended'])).text).toBe('the walk ended at resolved: resolved; page checkout-dev next');
    expect(describeEntry(entry('walk.ended', { node: 'rollback', outcome: 'escalate', by: 'max_visits' })).text)
      .toBe('the walk stopped: rollback was entered as often as its max_visits allows; outcome escalate');
  });

  it('runbook feedback and follow-ups keep their text apart, to be rendered as text', () => {
    const feedback = describeEntry(entry('runbook.feedback', SAMPLES['runbook.feedback']), runbook);
    expect(feedback.text).toBe('flagged Was it deployed? (recent-deploy) of the runbook checkout-5xx: it sent the walk the wrong way');
    expect(feedback.typed).toBe('a flag flip is a change too');
    expect(feedback.redactable).toBe(true);
    const followUp = describeEntry(entry('followup.added', SAMPLES['followup.added']));
    expect(followUp.text).toBe('added a follow-up to prevent, for checkout-dev');
    expect(followUp.typed).toBe('canary checkout deploys');
    expect(describeEntry(entry('followup.added', { kind: 'detect', text: 'x' })).text).toBe('added a follow-up to detect');
  });

  it('a pinned runbook version: its short hash, never its text', () => {
    const d = describeEntry(entry('runbook.pinned', SAMPLES['runbook.pinned']));
    expect(d.text).toBe('pinned version aaaaaaaa of the runbook checkout-5xx, which this walk follows even if the file changes');
    expect(d.detail).toBe('from runbooks/checkout-5xx.yaml');
    expect(JSON.stringify(d)).not.toContain('runpath: 1');
  });

  it('alert notifications: how many, which alerts, why they landed here', () => {
    const alert = { kind: 'alert' as const, source: 'alertmanager' };
    const received = describeEntry(entry('alert.received', SAMPLES['alert.received'], { actor: alert }));
    expect(`${received.actor} ${received.text}`).toBe('alert (alertmanager) sent 2 firing alerts: CheckoutHighErrorRate');
    expect(received.detail).toBe('same alert group as the one that opened this incident');
    expect(describeEntry(entry('alert.resolved', SAMPLES['alert.resolved'], { actor: alert })).text).toBe('resolved 1 alert: CheckoutHighErrorRate');
  });

  it('an unknown or malformed event is shown generically', () => {
    expect(describeEntry(entry('pager.escalated', { level: 2 })).text).toBe('recorded pager.escalated');
    expect(describeEntry(entry('note.added', { text: 42 })).text).toBe('recorded note.added');
    expect(describeEntry(entry('alert.received', {})).text).toBe('recorded alert.received');
    expect(describeEntry(entry('pager.escalated', {})).decision).toBe(false);
  });

  it('decisions: checks, answers, actions, walk start and end; not notes or steps', () => {
    const decisions = INCIDENT_EVENT_TYPES.filter((type) => describeEntry(entry(type, SAMPLES[type])).decision).sort();
    expect(decisions).toEqual(['action.completed', 'action.skipped', 'check.evaluated', 'check.failed', 'question.answered', 'walk.ended', 'walk.started']);
  });
});
