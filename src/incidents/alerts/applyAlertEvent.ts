import type { IncidentAlerts } from '../incident.js';
import type { IncidentEventOf } from '../incidentEvent.js';

type AlertEvent = IncidentEventOf<'alert.received'> | IncidentEventOf<'alert.resolved'>;

/** The incident's alerts after one more notification (recorded at `seq`, `at`). Pure: `alerts` is not changed. */
export function applyAlertEvent(alerts: IncidentAlerts | undefined, event: AlertEvent, seq: number, at: string): IncidentAlerts {
  const { groupKey } = event.data;
  const groupKeys = alerts?.groupKeys.includes(groupKey) === true ? alerts.groupKeys : [...(alerts?.groupKeys ?? []), groupKey];
  // Maps, then Object.fromEntries: keys come from the alert source, and one named __proto__ must stay a plain key.
  const fingerprints = new Map(Object.entries(alerts?.fingerprints ?? {}));
  const firing = new Set(alerts?.firing);
  const resolved = event.type === 'alert.resolved' ? event.data.fingerprints : [];
  for (const fingerprint of resolved) {
    fingerprints.set(fingerprint, at);
    firing.delete(fingerprint);
  }
  for (const alert of event.data.alerts) {
    fingerprints.set(alert.fingerprint, at);
    if (alert.status === 'firing' && event.type === 'alert.received') firing.add(alert.fingerprint);
    else firing.delete(alert.fingerprint);
  }
  const groupKeySeqs = new Map(Object.entries(alerts?.groupKeySeqs ?? {})).set(groupKey, seq);
  return { groupKeys, groupKeySeqs: Object.fromEntries(groupKeySeqs), fingerprints: Object.fromEntries(fingerprints), firing: [...firing] };
}
