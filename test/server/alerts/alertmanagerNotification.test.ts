import { describe, expect, it } from 'vitest';
import { alertmanagerNotification } from '../../../src/server/alerts/alertmanagerNotification.js';
import { parseAlertmanagerPayload } from '../../../src/server/alerts/alertmanagerPayload.js';
import { alertWindowFromEnv } from '../../../src/server/alerts/alertWindow.js';
import { notificationKey } from '../../../src/server/alerts/notificationKey.js';
import { amPayload } from './alertmanagerPayloads.js';

const parse = (payload: unknown) => parseAlertmanagerPayload(payload);

describe('alertmanagerNotification', () => {
  it('keeps firing alerts first, leaves out the zero endsAt, clips long values and bounds label sets', () => {
    const payload = parse(
      amPayload([
        { fingerprint: 'b', labels: { alertname: 'X', big: 'v'.repeat(2000) }, status: 'resolved', endsAt: '2024-05-01T12:00:00Z' },
        { fingerprint: 'a', labels: { alertname: 'X', ...Object.fromEntries(Array.from({ length: 70 }, (_, i) => [`l${i}`, 'x'])) }, annotations: { description: 'd'.repeat(5000) } },
      ]),
    );
    const n = alertmanagerNotification(payload);
    expect(n.alerts.map((a) => [a.fingerprint, a.status, a.endsAt])).toEqual([['a', 'firing', undefined], ['b', 'resolved', '2024-05-01T12:00:00Z']]);
    expect(Object.keys(n.alerts[0]?.labels ?? {})).toHaveLength(64);
    expect(n.alerts[0]?.annotations.description).toHaveLength(4000);
    expect(n.alerts[1]?.labels.big).toHaveLength(1024);
    expect(n.omittedAlerts).toBeUndefined();
  });

  it('counts the alerts it leaves out and those Alertmanager left out', () => {
    const payload = parse({ ...amPayload(Array.from({ length: 102 }, (_, i) => ({ fingerprint: `f${i}`, labels: { alertname: 'X' } }))), truncatedAlerts: 7 });
    const n = alertmanagerNotification(payload);
    expect(n.alerts).toHaveLength(100);
    expect(n.omittedAlerts).toBe(9);
  });
});

describe('notificationKey', () => {
  const alerts = [
    { fingerprint: 'a', labels: { alertname: 'X' }, annotations: { value: '1' } },
    { fingerprint: 'b', labels: { alertname: 'X' } },
  ];
  const key = notificationKey('alertmanager', parse(amPayload(alerts)));

  it('is the same for the same content, whatever the order and the annotations', () => {
    expect(key).toMatch(/^alertmanager:[\w-]{43}$/);
    expect(notificationKey('alertmanager', parse(amPayload([alerts[1], { ...alerts[0], annotations: { value: '2' } }] as typeof alerts)))).toBe(key);
  });

  it('changes with the status, startsAt or endsAt of an alert, or the groupKey', () => {
    expect(notificationKey('alertmanager', parse(amPayload([{ ...alerts[0], status: 'resolved' as const }, alerts[1]] as typeof alerts)))).not.toBe(key);
    expect(notificationKey('alertmanager', parse(amPayload([{ ...alerts[0], startsAt: '2024-05-01T13:00:00Z' }, alerts[1]] as typeof alerts)))).not.toBe(key);
    expect(notificationKey('alertmanager', parse(amPayload([{ ...alerts[0], endsAt: '2024-05-01T13:00:00Z' }, alerts[1]] as typeof alerts)))).not.toBe(key);
    expect(notificationKey('alertmanager', parse({ ...amPayload(alerts), groupKey: '{}:{other="1"}' }))).not.toBe(key);
  });
});

describe('alertWindowFromEnv', () => {
  it('reads RUNPATH_ALERT_GROUP_WINDOW as a duration, 30 minutes by default', () => {
    expect(alertWindowFromEnv({})).toBe(1_800_000);
    expect(alertWindowFromEnv({ RUNPATH_ALERT_GROUP_WINDOW: '1h30m' })).toBe(5_400_000);
    expect(() => alertWindowFromEnv({ RUNPATH_ALERT_GROUP_WINDOW: 'half an hour' })).toThrow(/RUNPATH_ALERT_GROUP_WINDOW: 'half an hour' is not a duration/);
  });
});
