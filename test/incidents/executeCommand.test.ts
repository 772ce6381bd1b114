import { describe, expect, it } from 'vitest';
import { COMMAND_NAMES } from '../../src/incidents/commandName.js';
import { executeCommand, type IncidentCommand } from '../../src/incidents/executeCommand.js';
import { reduceIncident } from '../../src/incidents/reduceIncident.js';
import { checkValue } from '../fixtures/incidents/checks.js';
import { runbooks } from '../fixtures/incidents/runbooks.js';
import { FakeTimeline, alertmanager, alice, commandError } from '../fixtures/incidents/timeline.js';

describe('executeCommand', () => {
  it('runs every named command, walking a runbook to its end', () => {
    const t = new FakeTimeline();
    const exec = (command: IncidentCommand): void => {
      t.append(executeCommand(t.incident, command, { actor: alice, runbooks, now: t.now }));
    };
    exec({ name: 'openIncident', title: 'DB', severity: 'sev2' });
    exec({ name: 'startWalk', runbook: 'db-latency' });
    exec({ name: 'recordCheck', ...checkValue(t.incident, 0.2) });
    exec({ name: 'answerQuestion', node: 'ask', label: 'Deploy' });
    exec({ name: 'completeAction', node: 'rollback', result: 'done' });
    exec({ name: 'recordCheck', ...checkValue(t.incident, 0.05) });
    exec({ name: 'addNote', text: 'done' });
    exec({ name: 'addFeedback', node: 'ask', kind: 'missing_step', text: 'ask about config changes too' });
    exec({ name: 'addFollowUp', kind: 'detect', text: 'alert on p99 latency', owner: 'db-team' });
    exec({ name: 'starEntry', seq: 8 });
    exec({ name: 'redactEntry', seq: 14 });
    exec({ name: 'redactEntry', seq: 15 });
    exec({ name: 'assignRole', role: 'scribe', user: 'carol' });
    exec({ name: 'changeSeverity', to: 'sev3' });
    exec({ name: 'changeStatus', to: 'resolved' });
    const incident = reduceIncident(t.events);
    expect(incident.walk?.state.ended).toEqual({ node: 'fine', outcome: 'resolved', by: 'end' });
    expect(incident).toMatchObject({ status: 'resolved', severity: 'sev3', roles: { scribe: 'carol' }, starred: [8], redacted: [14, 15] });
    expect(incident.feedback).toMatchObject([{ seq: 14, node: 'ask', kind: 'missing_step', redacted: true }]);
    expect(incident.followUps).toEqual([{ seq: 15, at: t.now, actor: alice, kind: 'detect', owner: 'db-team', redacted: true }]);
    expect(t.events.map((e) => e.type).slice(-11)).toEqual(['step.entered', 'walk.ended', 'note.added', 'runbook.feedback', 'followup.added', 'entry.starred', 'entry.redacted', 'entry.redacted', 'role.assigned', 'severity.changed', 'status.changed']);
    expect(COMMAND_NAMES).toHaveLength(14);
  });

  it('records an alert notification from an alert source', () => {
    const t = new FakeTimeline();
    const notification = {
      receiver: 'rp',
      groupKey: '{}:{alertname="DBSlow"}',
      status: 'firing' as const,
      groupLabels: { alertname: 'DBSlow' },
      alerts: [{ fingerprint: 'f1', status: 'firing' as const, labels: { alertname: 'DBSlow' }, annotations: {}, startsAt: '2024-05-01T11:59:00Z' }],
    };
    t.append(executeCommand(undefined, { name: 'openIncident', title: 'DBSlow', severity: 'sev3' }, { actor: alertmanager }));
    t.append(executeCommand(t.incident, { name: 'recordAlert', notification, windowMs: 1_800_000, opening: 'new group' }, { actor: alertmanager, now: t.now }));
    expect(t.events.map((e) => e.type)).toEqual(['incident.opened', 'alert.received']);
    expect(t.incident?.alerts?.groupKeys).toEqual(['{}:{alertname="DBSlow"}']);
  });

  it('passes refusals through', () => {
    expect(commandError(() => executeCommand(undefined, { name: 'addNote', text: 'x' }, { actor: alice })).code).toBe('not_found');
  });
});
