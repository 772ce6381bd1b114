import { commonEntries } from '../../incidents/alerts/commonEntries.js';
import type { TimelineEntry } from '../api/apiTypes.js';

/**
 * The labels the incident's newest alert notification shares across its alerts (Alertmanager's
 * commonLabels), to suggest a runbook by its `match:`; undefined when no alert was received.
 */
export function latestAlertLabels(entries: readonly TimelineEntry[]): Record<string, string> | undefined {
  for (let i = entries.length - 1; i >= 0; i--) {
    const entry = entries[i];
    if (entry?.type !== 'alert.received') continue;
    const alerts = (entry.data as { alerts?: unknown }).alerts;
    if (!Array.isArray(alerts)) return undefined;
    const labels = alerts
      .map((alert) => (alert as { labels?: unknown }).labels)
      .filter((l): l is Record<string, string> => typeof l === 'object' && l !== null && Object.values(l).every((v) => typeof v === 'string'));
    return labels.length > 0 ? commonEntries(labels) : undefined;
  }
  return undefined;
}
