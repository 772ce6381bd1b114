import { MAX_TAIL } from '../timelineTail.js';
import type { NextFunction, Request, Response } from 'express';
import { ApiError } from '../apiError.js';

const KEY = /^[\x21-\x7e]{1,200}$/;

/** The Idempotency-Key header, if sent: 1 to 200 visible ASCII characters (a UUID is a good one). */
export function idempotencyKey(req: Request): string | undefined {
  const key = req.get('idempotency-key');
  if (key === undefined) return undefined;
  if (!KEY.test(key)) {
    throw new ApiError(400, 'invalid_idempotency_key', 'the Idempotency-Key header must be 1 to 200 visible ASCII characters, without spaces; a new UUID per request is a good key');
  }
  return key;
}

/** The `after` query parameter: the last seq the client holds (default 0, everything). */
export function afterSeq(req: Request): number {
  const value: unknown = req.query.after;
  if (value === undefined) return 0;
  if (typeof value === 'string' && /^\d{1,15}$/.test(value)) return Number(value);
  throw new ApiError(400, 'invalid_request', `after must be a whole number from 0 (the last seq you hold), given once, like ?after=12; not ${JSON.stringify(value).slice(0, 40)}`);
}

/** `?tail=N` (1 to MAX_TAIL): how many of the newest entries a first read takes; undefined when absent. */
export function tailSize(req: Request): number | undefined {
  const value: unknown = req.query.tail;
  if (value === undefined) return undefined;
  if (typeof value === 'string' && /^\d{1,4}$/.test(value) && Number(value) >= 1 && Number(value) <= MAX_TAIL) return Number(value);
  throw new ApiError(400, 'invalid_request', `tail must be a whole number from 1 to ${MAX_TAIL} (the newest entries to send, with the incident's state), like ?after=0&tail=200; not ${JSON.stringify(value).slice(0, 40)}`);
}

/** A body that is present must be JSON: anything else gets 415 instead of being silently ignored. */
export function requireJsonBody(req: Request, _res: Response, next: NextFunction): void {
  const hasBody = req.get('transfer-encoding') !== undefined || Number(req.get('content-length') ?? '0') > 0;
  if (hasBody && !req.is('application/json')) {
    throw new ApiError(415, 'unsupported_media_type', 'send the body as JSON, with Content-Type: application/json');
  }
  next();
}
