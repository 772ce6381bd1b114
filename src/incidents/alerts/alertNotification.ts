// An alert notification as the timeline records it: what an alert source (Alertmanager) said about
// one group of alerts, bounded so a noisy group cannot make the timeline heavy.

export type AlertStatus = 'firing' | 'resolved';

/** One alert of a notification. Its fingerprint identifies it across notifications (a hash of its labels). */
export interface ReceivedAlert {
  fingerprint: string;
  status: AlertStatus;
  labels: Record<string, string>;
  annotations: Record<string, string>;
  /** RFC 3339, as the source sent it. */
  startsAt: string;
  /** Absent while the source gives no end (Alertmanager's zero time). */
  endsAt?: string;
  generatorURL?: string;
}

export interface AlertNotification {
  /** The source's receiver (Alertmanager route) that sent it. */
  receiver: string;
  /** Identifies the alert group: every notification about the same group carries the same key. */
  groupKey: string;
  /** firing while any alert of the group fires; resolved when all have. */
  status: AlertStatus;
  /** The labels the group is formed by (Alertmanager's group_by). */
  groupLabels: Record<string, string>;
  /** At most ALERT_LIMITS.alerts of them. */
  alerts: ReceivedAlert[];
  /** Alerts of the group left out: beyond ALERT_LIMITS.alerts, or dropped by the source (max_alerts). */
  omittedAlerts?: number;
}

/** How a notification came to be recorded where it is: every grouping decision is on the timeline, with its reason. */
export interface AlertGrouping {
  decision: 'opened' | 'grouped';
  /** What it was grouped by (absent when it opened the incident). */
  by?: 'group_key' | 'fingerprint';
  /** In words, for the people reading the timeline. */
  reason: string;
}

/** Bounds of a recorded notification; the intake truncates to them, the core refuses beyond them. */
export const ALERT_LIMITS = {
  alerts: 100,
  /** Labels or annotations of one alert (and group labels). */
  entries: 64,
  key: 100,
  labelValue: 1024,
  annotationValue: 4000,
  /** groupKey, receiver, fingerprint, times, URLs. */
  text: 2000,
  reason: 2000,
} as const;
