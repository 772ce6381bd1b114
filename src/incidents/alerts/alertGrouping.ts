import type { Incident, IncidentAlerts } from '../incident.js';
import type { IncidentStatus } from '../incidentStatus.js';
import type { AlertGrouping, AlertNotification } from './alertNotification.js';
import { formatAge } from './formatAge.js';

type Notification = Pick<AlertNotification, 'groupKey' | 'alerts'>;

/** Statuses a notification may be grouped onto: the incident is still being worked on. */
export const OPEN_FOR_ALERTS: readonly IncidentStatus[] = ['investigating', 'identified', 'mitigated'];

/** The notification's fingerprint this incident saw most recently, and when (epoch ms). */
function lastSeen(alerts: IncidentAlerts, notification: Notification): { fingerprint: string; atMs: number } | undefined {
  let best: { fingerprint: string; atMs: number } | undefined;
  for (const { fingerprint } of notification.alerts) {
    const at = Object.hasOwn(alerts.fingerprints, fingerprint) ? alerts.fingerprints[fingerprint] : undefined;
    const atMs = at === undefined ? Number.NaN : Date.parse(at);
    if (!Number.isNaN(atMs) && (best === undefined || atMs > best.atMs)) best = { fingerprint, atMs };
  }
  return best;
}

function groupKeySeq(alerts: IncidentAlerts, groupKey: string): number | undefined {
  return Object.hasOwn(alerts.groupKeySeqs, groupKey) ? alerts.groupKeySeqs[groupKey] : undefined;
}

/**
 * Why a notification belongs on this incident: it has the notification's groupKey, or else saw one of
 * its fingerprints (the reason says how long ago, against the window). Undefined when neither.
 * The window is the finder's to apply (findAlertIncident); here it is only named.
 */
export function alertGrouping(incident: Incident, notification: Notification, nowMs: number, windowMs: number): AlertGrouping | undefined {
  const alerts = incident.alerts;
  if (!alerts) return undefined;
  const seq = groupKeySeq(alerts, notification.groupKey);
  if (seq !== undefined) return { decision: 'grouped', by: 'group_key', reason: `same groupKey as the notification at seq ${seq}` };
  const seen = lastSeen(alerts, notification);
  if (!seen) return undefined;
  const short = seen.fingerprint.length > 8 ? `${seen.fingerprint.slice(0, 8)}…` : seen.fingerprint;
  return {
    decision: 'grouped',
    by: 'fingerprint',
    reason: `fingerprint ${short} already seen here ${formatAge(nowMs - seen.atMs)} ago (window ${formatAge(windowMs)}), under another groupKey`,
  };
}

/**
 * The open incident a notification belongs on: the newest one that has its groupKey, else the one
 * that saw one of its fingerprints most recently, within `windowMs` before `nowMs`.
 */
export function findAlertIncident(incidents: Iterable<Incident>, notification: Notification, nowMs: number, windowMs: number): Incident | undefined {
  let byKey: Incident | undefined;
  let byFingerprint: { incident: Incident; atMs: number } | undefined;
  for (const incident of incidents) {
    const alerts = incident.alerts;
    if (!alerts || !OPEN_FOR_ALERTS.includes(incident.status)) continue;
    if (groupKeySeq(alerts, notification.groupKey) !== undefined) {
      if (byKey === undefined || newer(incident, byKey)) byKey = incident;
      continue;
    }
    const seen = lastSeen(alerts, notification);
    if (seen && nowMs - seen.atMs <= windowMs && (byFingerprint === undefined || seen.atMs > byFingerprint.atMs)) {
      byFingerprint = { incident, atMs: seen.atMs };
    }
  }
  return byKey ?? byFingerprint?.incident;
}

function newer(a: Incident, b: Incident): boolean {
  return a.openedAt === b.openedAt ? a.id > b.id : a.openedAt > b.openedAt;
}
