import express, { Router, type NextFunction, type Request, type Response } from 'express';
import { requireAuthorized } from '../../../incidents/authorize.js';
import { AlertIntake, type AlertIntakeService } from '../../alerts/alertIntake.js';
import { invalidAlertPayload } from '../../alerts/alertmanagerPayload.js';
import { alertWindowFromEnv } from '../../alerts/alertWindow.js';
import { ApiError } from '../../apiError.js';
import type { Authenticator } from '../../auth/authenticator.js';
import { authenticate, caller } from '../authenticate.js';
import { requireJsonBody } from '../requestInput.js';
import { sendResult } from '../sendResult.js';

export interface AlertRoutesOptions {
  /** The grouping window (default: RUNPATH_ALERT_GROUP_WINDOW, else 30 minutes). */
  windowMs?: number;
  /** Wall clock, epoch ms (default Date.now). */
  now?: () => number;
}

/**
 * Alertmanager sends every alert of a group unless its webhook_config sets max_alerts: a larger
 * limit than the API's 64 KB, so a big group is recorded (100 alerts kept) instead of refused.
 */
export const ALERT_BODY_LIMIT = '1mb';

/** A viewer is refused before its body is read. */
function requireAlertRole(_req: Request, res: Response, next: NextFunction): void {
  requireAuthorized(caller(res).role, 'recordAlert');
  next();
}

/** Body parser failures as this route words them (a webhook sender reads only the status and the message). */
function bodyErrors(error: unknown, _req: Request, _res: Response, next: NextFunction): void {
  const type = error instanceof Error ? (error as { type?: unknown }).type : undefined;
  if (type === 'entity.parse.failed') {
    next(invalidAlertPayload(`the body is not valid JSON (${(error as Error).message})`));
    return;
  }
  if (type === 'entity.too.large') {
    next(new ApiError(413, 'payload_too_large', `the notification is larger than ${ALERT_BODY_LIMIT}; set max_alerts in the webhook_config (runpath keeps 100 alerts of a notification)`));
    return;
  }
  next(error);
}

/**
 * /api/alerts: POST /alertmanager takes Alertmanager's webhook (payload version 4). Mounted ahead
 * of /api's own body parser, so it authenticates here (the same tokens and failure limit), checks
 * the role before reading the body, then parses the body with its own limit.
 */
export function alertRoutes(service: AlertIntakeService, auth: Authenticator, options: AlertRoutesOptions = {}): Router {
  const intake = new AlertIntake({ service, windowMs: options.windowMs ?? alertWindowFromEnv(process.env), ...(options.now ? { now: options.now } : {}) });
  const router = Router();
  const receive = async (req: Request, res: Response): Promise<void> => {
    sendResult(res, await intake.receive(caller(res).role, req.body));
  };
  router.post('/alertmanager', authenticate(auth), requireAlertRole, requireJsonBody, express.json({ limit: ALERT_BODY_LIMIT, strict: true }), bodyErrors, receive);
  return router;
}
