import { SEVERITIES, isSeverity, type Severity } from '../severity.js';
import type { ReceivedAlert } from './alertNotification.js';

/** The `severity` label's usual values, by the severity they open an incident with (sevN passes through). */
const SEVERITY_OF_LABEL: Readonly<Record<string, Severity>> = {
  critical: 'sev1',
  high: 'sev2',
  error: 'sev2',
  major: 'sev2',
  warning: 'sev3',
  info: 'sev4',
  low: 'sev4',
};

/** Without a `severity` label runpath opens at sev3: someone looks, nobody is woken for an unrated alert. */
export const DEFAULT_ALERT_SEVERITY: Severity = 'sev3';

/** The severity a `severity` label value means (any case), or undefined for a value not in the map. */
export function severityOfLabel(value: string): Severity | undefined {
  const key = value.trim().toLowerCase();
  if (isSeverity(key)) return key;
  return Object.hasOwn(SEVERITY_OF_LABEL, key) ? SEVERITY_OF_LABEL[key] : undefined;
}

/** The most severe of the alerts' `severity` labels; DEFAULT_ALERT_SEVERITY when none has a known one. */
export function alertSeverity(alerts: readonly Pick<ReceivedAlert, 'labels'>[]): Severity {
  let rank = SEVERITIES.indexOf(DEFAULT_ALERT_SEVERITY);
  let found = false;
  for (const { labels } of alerts) {
    const label = Object.hasOwn(labels, 'severity') ? labels.severity : undefined;
    const severity = label === undefined ? undefined : severityOfLabel(label);
    if (severity === undefined) continue;
    const r = SEVERITIES.indexOf(severity);
    if (!found || r < rank) rank = r;
    found = true;
  }
  return SEVERITIES[rank] ?? DEFAULT_ALERT_SEVERITY;
}
