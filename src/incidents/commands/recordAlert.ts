import { alertGrouping } from '../alerts/alertGrouping.js';
import { ALERT_LIMITS, type AlertGrouping, type AlertNotification } from '../alerts/alertNotification.js';
import { clipText } from '../alerts/clipText.js';
import { requireAlertNotification } from '../alerts/requireAlertNotification.js';
import { CommandError } from '../commandError.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft } from '../incidentEvent.js';
import type { CommandContext } from './commandContext.js';
import { requireOpenIncident } from './requireIncident.js';

export interface RecordAlertCommand {
  notification: AlertNotification;
  /** The grouping window in milliseconds, named in the reason of a grouping by fingerprint. */
  windowMs: number;
  /** Why the intake opened this incident for the notification: the reason if it is the incident's first. */
  opening?: string;
}

/** The incident was opened for this very notification: opened by this alert source, no notification on it yet. */
function openedFor(incident: Incident, ctx: CommandContext, opening: unknown): AlertGrouping | undefined {
  const by = incident.openedBy;
  if (incident.alerts !== undefined || by.kind !== 'alert' || ctx.actor.kind !== 'alert' || by.source !== ctx.actor.source) return undefined;
  const reason = typeof opening === 'string' && opening.trim() !== '' ? opening : 'opened for this notification';
  return { decision: 'opened', reason: clipText(reason, ALERT_LIMITS.reason) };
}

/**
 * alert.received (or alert.resolved for a resolved notification) with its grouping decision: by
 * groupKey, by a fingerprint this incident saw, or `opened` when the incident was opened for it.
 * Only an alert source records alerts; a resolved notification changes no status (people close incidents).
 */
export function recordAlert(incident: Incident | undefined, command: RecordAlertCommand, ctx: CommandContext): IncidentDraft[] {
  if (ctx.actor.kind !== 'alert') {
    throw new CommandError('forbidden', 'alert notifications are recorded by an alert source (POST /api/alerts/alertmanager with an integration token); people add notes instead');
  }
  const found = requireOpenIncident(incident, 'recording an alert');
  const notification = requireAlertNotification(command.notification);
  if (typeof command.windowMs !== 'number' || !Number.isFinite(command.windowMs) || command.windowMs < 0) {
    throw new CommandError('invalid_command', 'windowMs must be the grouping window in milliseconds (a number from 0)');
  }
  const nowMs = ctx.now === undefined ? Number.NaN : Date.parse(ctx.now);
  const grouping = alertGrouping(found, notification, nowMs, command.windowMs) ?? openedFor(found, ctx, command.opening);
  if (!grouping) {
    throw new CommandError(
      'invalid_command',
      `incident ${found.id} has neither groupKey ${JSON.stringify(clipText(notification.groupKey, 200))} nor any of the notification's fingerprints, and was not opened for it; record it on the incident it belongs to`,
      { lastSeq: found.lastSeq },
    );
  }
  const { status, ...rest } = notification;
  if (status === 'resolved') {
    return [{ type: 'alert.resolved', actor: ctx.actor, data: { ...rest, fingerprints: notification.alerts.map((a) => a.fingerprint), grouping } }];
  }
  return [{ type: 'alert.received', actor: ctx.actor, data: { ...notification, grouping } }];
}
