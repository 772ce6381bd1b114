import { ALERT_LIMITS, type AlertNotification, type ReceivedAlert } from '../../incidents/alerts/alertNotification.js';
import { clipText } from '../../incidents/alerts/clipText.js';
import type { AlertmanagerAlert, AlertmanagerPayload } from './alertmanagerPayload.js';

/** Alertmanager's zero time: the alert has no end yet. */
const NO_END = /^0001-01-01T/;

/** At most ALERT_LIMITS.entries entries, keys within bounds, values clipped: a label set as the timeline keeps it. */
function bounded(map: Readonly<Record<string, string>> | undefined, maxValue: number): Record<string, string> {
  const entries = Object.entries(map ?? {})
    .filter(([key]) => key.length > 0 && key.length <= ALERT_LIMITS.key)
    .slice(0, ALERT_LIMITS.entries)
    .map(([key, value]): [string, string] => [key, clipText(value, maxValue)]);
  return Object.fromEntries(entries);
}

function received(alert: AlertmanagerAlert): ReceivedAlert {
  const kept: ReceivedAlert = {
    fingerprint: alert.fingerprint,
    status: alert.status,
    labels: bounded(alert.labels, ALERT_LIMITS.labelValue),
    annotations: bounded(alert.annotations, ALERT_LIMITS.annotationValue),
    startsAt: alert.startsAt,
  };
  if (alert.endsAt !== undefined && alert.endsAt !== '' && !NO_END.test(alert.endsAt)) kept.endsAt = alert.endsAt;
  if (alert.generatorURL !== undefined && alert.generatorURL !== '') kept.generatorURL = clipText(alert.generatorURL, ALERT_LIMITS.text);
  return kept;
}

/** Firing first, then by fingerprint: the order the timeline keeps (and the alerts kept when there are too many). */
function byStatusThenFingerprint(a: AlertmanagerAlert, b: AlertmanagerAlert): number {
  if (a.status !== b.status) return a.status === 'firing' ? -1 : 1;
  return a.fingerprint < b.fingerprint ? -1 : a.fingerprint > b.fingerprint ? 1 : 0;
}

/**
 * A webhook notification as the timeline records it: at most ALERT_LIMITS.alerts alerts (firing
 * first), long values clipped, Alertmanager's zero endsAt left out; the alerts it leaves out, and
 * those Alertmanager left out (max_alerts), are counted in omittedAlerts.
 */
export function alertmanagerNotification(payload: AlertmanagerPayload): AlertNotification {
  const sorted = [...payload.alerts].sort(byStatusThenFingerprint);
  const kept = sorted.slice(0, ALERT_LIMITS.alerts);
  const omitted = sorted.length - kept.length + (payload.truncatedAlerts ?? 0);
  return {
    receiver: clipText(payload.receiver, ALERT_LIMITS.text),
    groupKey: payload.groupKey,
    status: payload.status,
    groupLabels: bounded(payload.groupLabels, ALERT_LIMITS.labelValue),
    alerts: kept.map(received),
    ...(omitted > 0 ? { omittedAlerts: omitted } : {}),
  };
}
