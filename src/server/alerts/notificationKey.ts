import { payloadFingerprint } from '../payloadFingerprint.js';
import type { AlertmanagerPayload } from './alertmanagerPayload.js';

/**
 * The idempotency key of a notification: a hash of what makes it the same notification (groupKey,
 * status, and each alert's fingerprint, status, startsAt and endsAt). Alertmanager re-sends a
 * notification on errors and every repeat_interval; each content is recorded once.
 */
export function notificationKey(source: string, payload: AlertmanagerPayload): string {
  // Each alert as one JSON text, sorted: the order Alertmanager lists them in does not matter.
  const alerts = payload.alerts.map((a) => JSON.stringify([a.fingerprint, a.status, a.startsAt, a.endsAt ?? null])).sort();
  return `${source}:${payloadFingerprint({ groupKey: payload.groupKey, status: payload.status, alerts })}`;
}
