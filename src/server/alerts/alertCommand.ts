import type { RecordAlertCommand } from '../../incidents/commands/recordAlert.js';
import { ApiError } from '../apiError.js';

/** The command body the alert intake sends through IncidentService.command. */
export const ALERT_COMMAND_TYPE = 'alert';

export type AlertCommandBody = { type: typeof ALERT_COMMAND_TYPE } & RecordAlertCommand;

const FIELDS = new Set(['type', 'notification', 'windowMs', 'opening']);

/**
 * Maps an `alert` command body to the core's recordAlert. Only its outline is checked here: the core
 * checks the notification field by field, and refuses every sender that is not an alert source
 * (a person sending this over a socket gets 403).
 */
export function parseAlertCommand(body: unknown): { name: 'recordAlert' } & RecordAlertCommand {
  const fields = typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Record<string, unknown>) : {};
  const unknown = Object.keys(fields).find((key) => !FIELDS.has(key));
  const { notification, windowMs, opening } = fields;
  if (unknown !== undefined || typeof notification !== 'object' || notification === null || typeof windowMs !== 'number' || (opening !== undefined && typeof opening !== 'string')) {
    throw new ApiError(400, 'invalid_request', 'an alert command is {type: "alert", notification, windowMs, opening?}; alerts are recorded through POST /api/alerts/alertmanager');
  }
  return { name: 'recordAlert', notification: notification as RecordAlertCommand['notification'], windowMs, ...(opening === undefined ? {} : { opening }) };
}
