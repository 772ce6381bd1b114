import { describe, expect, it } from 'vitest';
import type { ReceivedAlert } from '../../../src/incidents/alerts/alertNotification.js';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { recordAlert, type RecordAlertCommand } from '../../../src/incidents/commands/recordAlert.js';
import { FakeTimeline, alertmanager, alice } from '../../fixtures/incidents/timeline.js';
import { firingAlert, notification } from '../alerts/alertFixtures.js';

const MINUTE = 60_000;
const WINDOW = 30 * MINUTE;

function command(alerts: ReceivedAlert[], groupLabels?: Record<string, string>, opening?: string): RecordAlertCommand {
  return { notification: notification(alerts, groupLabels), windowMs: WINDOW, ...(opening === undefined ? {} : { opening }) };
}

/** An incident opened by Alertmanager for the HighErrorRate group, and that notification recorded (seq 2). */
function opened(): FakeTimeline {
  const t = new FakeTimeline();
  t.run(openIncident, { title: 'Errors', severity: 'sev2' }, alertmanager);
  t.run(recordAlert, command([firingAlert('f1')], undefined, 'no open incident had it'), alertmanager);
  return t;
}

describe('recordAlert', () => {
  it('records the notification that opened the incident as opened, with the intake\'s reason', () => {
    const t = opened();
    expect(t.events[1]).toMatchObject({
      type: 'alert.received',
      actor: alertmanager,
      data: {
        receiver: 'runpath',
        groupKey: '{}:{alertname="HighErrorRate"}',
        status: 'firing',
        groupLabels: { alertname: 'HighErrorRate' },
        alerts: [firingAlert('f1')],
        grouping: { decision: 'opened', reason: 'no open incident had it' },
      },
    });
  });

  it('groups by groupKey, naming the seq of that group\'s last notification', () => {
    const t = opened();
    t.advance(MINUTE).run(recordAlert, command([firingAlert('f1'), firingAlert('f2')]), alertmanager);
    expect(t.events[2]?.data).toMatchObject({ grouping: { decision: 'grouped', by: 'group_key', reason: 'same groupKey as the notification at seq 2' } });
    t.advance(MINUTE).run(recordAlert, command([firingAlert('f2')]), alertmanager);
    expect(t.events[3]?.data).toMatchObject({ grouping: { reason: 'same groupKey as the notification at seq 3' } });
  });

  it('groups by a fingerprint seen here, saying how long ago against the window', () => {
    const t = opened();
    t.advance(2 * MINUTE).run(recordAlert, command([firingAlert('f1', { service: 'x' })], { service: 'x' }), alertmanager);
    expect(t.events[2]?.data).toMatchObject({
      groupKey: '{}:{service="x"}',
      grouping: { decision: 'grouped', by: 'fingerprint', reason: 'fingerprint f1 already seen here 2m ago (window 30m), under another groupKey' },
    });
  });

  it('records a resolved notification as alert.resolved and leaves the status alone', () => {
    const t = opened();
    const resolved = { ...firingAlert('f1'), status: 'resolved' as const, endsAt: '2024-05-01T12:05:00.000Z' };
    t.advance(5 * MINUTE).run(recordAlert, command([resolved]), alertmanager);
    expect(t.events[2]).toMatchObject({
      type: 'alert.resolved',
      data: { groupKey: '{}:{alertname="HighErrorRate"}', fingerprints: ['f1'], alerts: [resolved], grouping: { by: 'group_key' } },
    });
    expect(t.events[2]?.data).not.toHaveProperty('status');
    expect(t.incident?.status).toBe('investigating');
    expect(t.incident?.alerts?.firing).toEqual([]);
  });

  it('refuses a notification that belongs to no grouping here, once the incident has alerts or a person opened it', () => {
    const t = opened();
    const err = t.refuse(recordAlert, command([firingAlert('zz', { alertname: 'Other' })], { alertname: 'Other' }, 'new'), alertmanager);
    expect([err.code, err.status]).toEqual(['invalid_command', 422]);
    expect(err.message).toContain('has neither groupKey "{}:{alertname=\\"Other\\"}" nor any of the notification\'s fingerprints');
    const byPerson = new FakeTimeline();
    byPerson.run(openIncident, { title: 'Manual', severity: 'sev2' }, alice);
    expect(byPerson.refuse(recordAlert, command([firingAlert('f1')], undefined, 'new'), alertmanager).code).toBe('invalid_command');
  });

  it('is recorded only by an alert source', () => {
    const t = opened();
    const err = t.refuse(recordAlert, command([firingAlert('f1')]), alice);
    expect([err.code, err.status]).toEqual(['forbidden', 403]);
    expect(err.message).toContain('POST /api/alerts/alertmanager');
  });

  it('refuses a closed incident and malformed or oversized notifications', () => {
    const t = opened();
    expect(t.refuse(recordAlert, { ...command([firingAlert('f1')]), notification: { ...notification([firingAlert('f1')]), alerts: [] } }, alertmanager).message).toContain(
      'notification.alerts must list at least one alert',
    );
    const many = Array.from({ length: 101 }, (_, i) => firingAlert(`f${i}`));
    expect(t.refuse(recordAlert, command(many), alertmanager).message).toContain('has 101 alerts; at most 100');
    const long = firingAlert('f1', { service: 'x'.repeat(1025) });
    expect(t.refuse(recordAlert, command([long]), alertmanager).message).toContain('labels.service is 1025 characters long');
    expect(t.refuse(recordAlert, { ...command([firingAlert('f1')]), windowMs: -1 }, alertmanager).code).toBe('invalid_command');
    t.run(changeStatus, { to: 'closed' }, alice);
    expect(t.refuse(recordAlert, command([firingAlert('f1')]), alertmanager).code).toBe('incident_closed');
  });
});
