import { COMMAND_LIMITS } from '../commands/commandLimits.js';
import type { AlertNotification } from './alertNotification.js';
import { clipText } from './clipText.js';

/** Group labels shown after the alert name when no annotation gives a title. */
const KEY_LABELS_SHOWN = 3;

/** An annotation the alerts agree on, else the first alert's that has it. */
export function pickAnnotation(notification: Pick<AlertNotification, 'alerts'>, common: Readonly<Record<string, string>>, name: string): string | undefined {
  const value = Object.hasOwn(common, name) ? common[name] : notification.alerts.find((a) => Object.hasOwn(a.annotations, name))?.annotations[name];
  return value === undefined || value.trim() === '' ? undefined : value;
}

function oneLine(text: string): string {
  return clipText(text.replace(/\s+/gu, ' ').trim(), COMMAND_LIMITS.title);
}

/**
 * The title of an incident opened for a notification: the `summary` annotation, else `title`,
 * else the alert name and the labels the group is formed by (`HighErrorRate (service=checkout)`).
 */
export function alertTitle(
  notification: Pick<AlertNotification, 'alerts' | 'groupLabels' | 'receiver'>,
  common: { labels: Readonly<Record<string, string>>; annotations: Readonly<Record<string, string>> },
): string {
  const annotated = pickAnnotation(notification, common.annotations, 'summary') ?? pickAnnotation(notification, common.annotations, 'title');
  if (annotated !== undefined && oneLine(annotated) !== '') return oneLine(annotated);
  const name = Object.hasOwn(common.labels, 'alertname') ? common.labels.alertname : undefined;
  const keys = Object.entries(notification.groupLabels)
    .filter(([key]) => key !== 'alertname')
    .slice(0, KEY_LABELS_SHOWN)
    .map(([key, value]) => `${key}=${value}`);
  const keyText = keys.length === 0 ? '' : ` (${keys.join(', ')})`;
  const title = name === undefined || name.trim() === '' ? `Alert from ${notification.receiver || 'Alertmanager'}${keyText}` : `${name}${keyText}`;
  return oneLine(title) || 'Alert';
}
