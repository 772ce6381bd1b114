import type { ReceivedAlert } from '../alerts/alertNotification.js';
import { typedEvent } from '../parseIncidentEvent.js';
import type { TimelineEvent } from '../timelineEvent.js';
import { actorLabel } from '../actorLabel.js';
import type { AlertEntry, AlertSummary } from './postmortem.js';

function alertSummary(alert: ReceivedAlert): AlertSummary {
  // Keys come from the alert source: read them as own keys only (a label named __proto__ stays a label).
  const own = (record: Record<string, string>, key: string): string | undefined => (Object.hasOwn(record, key) ? record[key] : undefined);
  const name = own(alert.labels, 'alertname');
  const summary = own(alert.annotations, 'summary') ?? own(alert.annotations, 'description');
  return {
    fingerprint: alert.fingerprint,
    status: alert.status,
    ...(name === undefined ? {} : { name }),
    labels: { ...alert.labels },
    ...(summary === undefined ? {} : { summary }),
    startsAt: alert.startsAt,
    ...(alert.endsAt === undefined ? {} : { endsAt: alert.endsAt }),
  };
}

/** Every alert notification recorded on the incident, with the grouping decision that put it here. */
export function alertEntries(events: readonly TimelineEvent[]): AlertEntry[] {
  const entries: AlertEntry[] = [];
  for (const event of events) {
    const typed = typedEvent(event);
    if (typed?.type !== 'alert.received' && typed?.type !== 'alert.resolved') continue;
    const { groupKey, alerts, omittedAlerts, grouping } = typed.data;
    entries.push({
      seq: event.seq,
      at: event.at,
      actor: actorLabel(event.actor),
      kind: typed.type === 'alert.received' ? 'received' : 'resolved',
      status: typed.type === 'alert.received' ? typed.data.status : 'resolved',
      groupKey,
      alerts: alerts.map(alertSummary),
      omittedAlerts: omittedAlerts ?? 0,
      ...(typed.type === 'alert.resolved' ? { resolves: [...typed.data.fingerprints] } : {}),
      grouping: { decision: grouping.decision, ...(grouping.by === undefined ? {} : { by: grouping.by }), reason: grouping.reason },
    });
  }
  return entries;
}
