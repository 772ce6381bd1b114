import type { ServiceResult } from './realtimeService.js';

/** Stable codes of the gateway's own refusals (the service's results pass through unchanged). */
export type SocketErrorCode =
  | 'invalid_message'
  | 'unknown_event'
  | 'join_in_progress'
  | 'join_cancelled'
  | 'watch_in_progress'
  | 'watch_cancelled'
  | 'too_many_incidents'
  | 'internal_error';

const STATUS: Record<SocketErrorCode, number> = {
  invalid_message: 400,
  unknown_event: 400,
  join_in_progress: 409,
  join_cancelled: 409,
  watch_in_progress: 409,
  watch_cancelled: 409,
  too_many_incidents: 429,
  internal_error: 500,
};

/** An error ack shaped like an HTTP error response: `{ status, body: { error: { code, message } } }`. */
export function socketError(code: SocketErrorCode, message: string): ServiceResult {
  return { status: STATUS[code], body: { error: { code, message } } };
}
