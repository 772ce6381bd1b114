import { CommandError } from '../commandError.js';
import { ALERT_LIMITS, type AlertNotification, type AlertStatus, type ReceivedAlert } from './alertNotification.js';

function invalid(message: string): never {
  throw new CommandError('invalid_command', `${message}; the alert intake (POST /api/alerts/alertmanager) builds notifications within these bounds`);
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

function text(value: unknown, field: string, max: number, required = true): string {
  if (typeof value !== 'string' || (required && value.length === 0)) invalid(`${field} must be a${required ? ' non-empty' : ''} string`);
  if (value.length > max) invalid(`${field} is ${value.length} characters long; at most ${max}`);
  return value;
}

function status(value: unknown, field: string): AlertStatus {
  if (value === 'firing' || value === 'resolved') return value;
  return invalid(`${field} must be firing or resolved`);
}

function strings(value: unknown, field: string, maxValue: number): Record<string, string> {
  if (!isRecord(value)) invalid(`${field} must be an object of strings`);
  const entries = Object.entries(value);
  if (entries.length > ALERT_LIMITS.entries) invalid(`${field} has ${entries.length} entries; at most ${ALERT_LIMITS.entries}`);
  for (const [key, item] of entries) {
    text(key, `a key of ${field}`, ALERT_LIMITS.key);
    text(item, `${field}.${key}`, maxValue, false);
  }
  return value as Record<string, string>;
}

function alert(value: unknown, at: string): ReceivedAlert {
  if (!isRecord(value)) invalid(`${at} must be an object`);
  const parsed: ReceivedAlert = {
    fingerprint: text(value.fingerprint, `${at}.fingerprint`, ALERT_LIMITS.text),
    status: status(value.status, `${at}.status`),
    labels: strings(value.labels, `${at}.labels`, ALERT_LIMITS.labelValue),
    annotations: strings(value.annotations, `${at}.annotations`, ALERT_LIMITS.annotationValue),
    startsAt: text(value.startsAt, `${at}.startsAt`, ALERT_LIMITS.text),
  };
  if (value.endsAt !== undefined) parsed.endsAt = text(value.endsAt, `${at}.endsAt`, ALERT_LIMITS.text);
  if (value.generatorURL !== undefined) parsed.generatorURL = text(value.generatorURL, `${at}.generatorURL`, ALERT_LIMITS.text, false);
  return parsed;
}

/** A notification checked field by field, within ALERT_LIMITS; `invalid_command` names what is wrong. */
export function requireAlertNotification(value: unknown): AlertNotification {
  if (!isRecord(value)) invalid('notification must be an object');
  if (!Array.isArray(value.alerts) || value.alerts.length === 0) invalid('notification.alerts must list at least one alert');
  if (value.alerts.length > ALERT_LIMITS.alerts) invalid(`notification.alerts has ${value.alerts.length} alerts; at most ${ALERT_LIMITS.alerts}`);
  const notification: AlertNotification = {
    receiver: text(value.receiver, 'notification.receiver', ALERT_LIMITS.text, false),
    groupKey: text(value.groupKey, 'notification.groupKey', ALERT_LIMITS.text),
    status: status(value.status, 'notification.status'),
    groupLabels: strings(value.groupLabels, 'notification.groupLabels', ALERT_LIMITS.labelValue),
    alerts: value.alerts.map((item, index) => alert(item, `notification.alerts[${index}]`)),
  };
  if (value.omittedAlerts !== undefined) {
    if (!Number.isSafeInteger(value.omittedAlerts) || (value.omittedAlerts as number) < 0) invalid('notification.omittedAlerts must be a count');
    notification.omittedAlerts = value.omittedAlerts as number;
  }
  return notification;
}
