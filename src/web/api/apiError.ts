import type { ApiErrorBody } from './apiTypes.js';

/** A refusal from the server (or no answer at all: status 0, code `network_error`). */
export class ApiError extends Error {
  override readonly name = 'ApiError';

  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }

  static fromBody(status: number, body: unknown): ApiError {
    const error = isErrorBody(body) ? body.error : undefined;
    if (error) return new ApiError(status, error.code, error.message, error.details);
    return new ApiError(status, 'unexpected_response', `the server answered ${status} without an error message; try again, and see its logs if it persists`);
  }
}

export function isErrorBody(body: unknown): body is ApiErrorBody {
  if (typeof body !== 'object' || body === null || !('error' in body)) return false;
  const { error } = body;
  return typeof error === 'object' && error !== null && 'code' in error && typeof error.code === 'string';
}
