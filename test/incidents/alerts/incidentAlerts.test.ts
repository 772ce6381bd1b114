import { describe, expect, it } from 'vitest';
import { alertGrouping, findAlertIncident } from '../../../src/incidents/alerts/alertGrouping.js';
import { addNote } from '../../../src/incidents/commands/addNote.js';
import { changeStatus } from '../../../src/incidents/commands/changeStatus.js';
import { openIncident } from '../../../src/incidents/commands/openIncident.js';
import { recordAlert } from '../../../src/incidents/commands/recordAlert.js';
import type { Incident } from '../../../src/incidents/incident.js';
import { FakeTimeline, T0, alertmanager, alice } from '../../fixtures/incidents/timeline.js';
import { firingAlert, notification } from './alertFixtures.js';

const MINUTE = 60_000;
const WINDOW = 30 * MINUTE;

/** An incident Alertmanager opened for `alerts` of one group, at `startMs` after T0. */
function alertIncident(id: string, alerts: Parameters<typeof notification>[0], groupLabels?: Record<string, string>, startMs = 0): FakeTimeline {
  const t = new FakeTimeline(id).advance(startMs);
  t.run(openIncident, { title: id, severity: 'sev3' }, alertmanager);
  t.run(recordAlert, { notification: notification(alerts, groupLabels), windowMs: WINDOW, opening: 'new' }, alertmanager);
  return t;
}

const incidentOf = (t: FakeTimeline): Incident => {
  const incident = t.incident;
  if (!incident) throw new Error('no incident');
  return incident;
};

describe('the fold of alert events', () => {
  it('keeps groupKeys, when each fingerprint was last seen, and what fires', () => {
    const t = alertIncident('inc-1', [firingAlert('f1'), firingAlert('f2')]);
    expect(t.incident?.alerts).toEqual({
      groupKeys: ['{}:{alertname="HighErrorRate"}'],
      groupKeySeqs: { '{}:{alertname="HighErrorRate"}': 2 },
      fingerprints: { f1: '2024-05-01T12:00:00.000Z', f2: '2024-05-01T12:00:00.000Z' },
      firing: ['f1', 'f2'],
    });
    t.advance(MINUTE).run(recordAlert, { notification: notification([firingAlert('f2', { zone: 'b' })], { zone: 'b' }), windowMs: WINDOW }, alertmanager);
    const resolved = { ...firingAlert('f1'), status: 'resolved' as const };
    t.advance(MINUTE).run(recordAlert, { notification: notification([resolved, firingAlert('f3')]), windowMs: WINDOW }, alertmanager);
    expect(t.incident?.alerts).toEqual({
      groupKeys: ['{}:{alertname="HighErrorRate"}', '{}:{zone="b"}'],
      groupKeySeqs: { '{}:{alertname="HighErrorRate"}': 4, '{}:{zone="b"}': 3 },
      fingerprints: { f1: '2024-05-01T12:02:00.000Z', f2: '2024-05-01T12:01:00.000Z', f3: '2024-05-01T12:02:00.000Z' },
      firing: ['f2', 'f3'],
    });
  });

  it('leaves an alert-opened incident unacknowledged until a person acts', () => {
    const t = alertIncident('inc-1', [firingAlert('f1')]);
    t.advance(MINUTE).run(recordAlert, { notification: notification([firingAlert('f1')]), windowMs: WINDOW }, alertmanager);
    expect(t.incident?.figures.timeToAcknowledge).toBeUndefined();
    t.advance(MINUTE).run(addNote, { text: 'looking' }, alice);
    expect(t.incident?.figures.timeToAcknowledge).toEqual({ seq: 4, at: '2024-05-01T12:02:00.000Z', afterMs: 2 * MINUTE });
  });

  it('keeps a fingerprint named __proto__ as a plain key', () => {
    const t = alertIncident('inc-1', [firingAlert('__proto__')], { alertname: '__proto__' });
    const alerts = t.incident?.alerts;
    expect(Object.keys(alerts?.fingerprints ?? {})).toEqual(['__proto__']);
    expect(Object.getPrototypeOf(alerts?.fingerprints)).toBe(Object.prototype);
    expect(alerts?.firing).toEqual(['__proto__']);
  });
});

describe('findAlertIncident and alertGrouping', () => {
  it('prefers the incident that has the groupKey over one that saw a fingerprint', () => {
    const sawFingerprint = alertIncident('inc-a', [firingAlert('f1', { zone: 'a' })], { zone: 'a' });
    const hasKey = alertIncident('inc-b', [firingAlert('f9')]);
    const n = notification([firingAlert('f1')]);
    expect(findAlertIncident([incidentOf(sawFingerprint), incidentOf(hasKey)], n, T0, WINDOW)?.id).toBe('inc-b');
    expect(alertGrouping(incidentOf(hasKey), n, T0, WINDOW)).toEqual({ decision: 'grouped', by: 'group_key', reason: 'same groupKey as the notification at seq 2' });
  });

  it('groups by fingerprint within the window, and not after it', () => {
    const t = alertIncident('inc-a', [firingAlert('3f2a1b2c3d4e5f60', { zone: 'a' })], { zone: 'a' });
    const n = notification([firingAlert('3f2a1b2c3d4e5f60')]);
    expect(findAlertIncident([incidentOf(t)], n, T0 + WINDOW, WINDOW)?.id).toBe('inc-a');
    expect(findAlertIncident([incidentOf(t)], n, T0 + WINDOW + 1, WINDOW)).toBeUndefined();
    expect(alertGrouping(incidentOf(t), n, T0 + 2 * MINUTE, WINDOW)?.reason).toBe(
      'fingerprint 3f2a1b2c… already seen here 2m ago (window 30m), under another groupKey',
    );
  });

  it('picks the incident that saw a fingerprint most recently', () => {
    const older = alertIncident('inc-old', [firingAlert('f1', { zone: 'a' })], { zone: 'a' });
    const newer = alertIncident('inc-new', [firingAlert('f1', { zone: 'b' })], { zone: 'b' }, 5 * MINUTE);
    const n = notification([firingAlert('f1')]);
    expect(findAlertIncident([incidentOf(newer), incidentOf(older)], n, T0 + 6 * MINUTE, WINDOW)?.id).toBe('inc-new');
  });

  it('only looks at incidents still being worked on, and ones with alerts', () => {
    const resolved = alertIncident('inc-r', [firingAlert('f1')]);
    resolved.run(changeStatus, { to: 'resolved' }, alice);
    const mitigated = alertIncident('inc-m', [firingAlert('f1')]);
    mitigated.run(changeStatus, { to: 'mitigated' }, alice);
    const n = notification([firingAlert('f1')]);
    expect(findAlertIncident([incidentOf(resolved)], n, T0, WINDOW)).toBeUndefined();
    expect(findAlertIncident([incidentOf(resolved), incidentOf(mitigated)], n, T0, WINDOW)?.id).toBe('inc-m');
    const manual = new FakeTimeline('inc-manual');
    manual.run(openIncident, { title: 'Manual', severity: 'sev1' }, alice);
    expect(findAlertIncident([incidentOf(manual)], n, T0, WINDOW)).toBeUndefined();
    expect(alertGrouping(incidentOf(manual), n, T0, WINDOW)).toBeUndefined();
  });
});
