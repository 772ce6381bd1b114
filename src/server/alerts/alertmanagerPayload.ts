import { Ajv } from 'ajv';
import webhookSchema from '../../../schemas/api/alertmanager-webhook.schema.json' with { type: 'json' };
import { ApiError } from '../apiError.js';
import { describeSchemaError } from '../apiSchemas.js';

type AlertStatus = 'firing' | 'resolved';

/** An alert of an Alertmanager webhook notification (the fields runpath reads). */
export interface AlertmanagerAlert {
  status: AlertStatus;
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt: string;
  endsAt?: string;
  generatorURL?: string;
  fingerprint: string;
}

/** An Alertmanager webhook notification, payload version 4 (schemas/api/alertmanager-webhook.schema.json). */
export interface AlertmanagerPayload {
  version: '4';
  groupKey: string;
  truncatedAlerts?: number;
  status: AlertStatus;
  receiver: string;
  groupLabels?: Record<string, string>;
  commonLabels?: Record<string, string>;
  alerts: AlertmanagerAlert[];
}

const ajv = new Ajv({ allErrors: true, verbose: true, strict: true, strictRequired: false, allowUnionTypes: true });
const validate = ajv.compile(webhookSchema);

/** The refusal of a payload runpath cannot record: 400 `invalid_alert_payload`, saying why. */
export function invalidAlertPayload(reason: string, details?: Record<string, unknown>): ApiError {
  return new ApiError(400, 'invalid_alert_payload', `${reason}; nothing was recorded. Point an Alertmanager webhook_config at this URL (it sends payload version 4)`, details);
}

/** Checks a webhook body; throws invalid_alert_payload naming (up to five) problems. */
export function parseAlertmanagerPayload(body: unknown): AlertmanagerPayload {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidAlertPayload('the body must be one JSON object, an Alertmanager notification');
  const version = (body as { version?: unknown }).version;
  if (version !== '4') {
    const given = version === undefined ? 'has no version' : `has version ${JSON.stringify(version).slice(0, 40)}`;
    throw invalidAlertPayload(`the notification ${given}, and runpath reads webhook payload version "4"`);
  }
  if (validate(body)) return body as unknown as AlertmanagerPayload;
  const lines = [...new Set((validate.errors ?? []).map(describeSchemaError))];
  const more = lines.length > 5 ? ` (and ${lines.length - 5} more)` : '';
  throw invalidAlertPayload(`${lines.slice(0, 5).join('; ')}${more}`, { problems: lines.slice(0, 20) });
}
