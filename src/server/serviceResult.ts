import { CommandError } from '../incidents/commandError.js';
import { ApiError, errorBody } from './apiError.js';

/** What the application layer answers: an HTTP status and a JSON body, shared by routes and socket acks. */
export interface ServiceResult {
  status: number;
  body: unknown;
}

/** The result a known refusal maps to (CommandError or ApiError); undefined for anything else. */
export function refusalResult(error: unknown): ServiceResult | undefined {
  if (error instanceof CommandError) return { status: error.status, body: errorBody(error.code, error.message, error.details) };
  if (error instanceof ApiError) return { status: error.status, body: errorBody(error.code, error.message, error.details) };
  return undefined;
}
