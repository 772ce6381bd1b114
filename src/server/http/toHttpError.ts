import { CommandError } from '../../incidents/commandError.js';
import { ApiError } from '../apiError.js';

/** What an error answers over HTTP; `internal` when it is not one the client caused (logged, never shown). */
export interface HttpError {
  status: number;
  code: string;
  message: string;
  details?: unknown;
  headers?: Record<string, string>;
  internal: boolean;
}

interface BodyParserError {
  type: string;
  status: number;
  message: string;
}

function isBodyParserError(error: unknown): error is BodyParserError {
  return error instanceof Error && typeof (error as Partial<BodyParserError>).type === 'string' && typeof (error as Partial<BodyParserError>).status === 'number';
}

/** Maps anything thrown in a route to its answer; unknown errors become 500 internal_error without their message. */
export function toHttpError(error: unknown, bodyLimit: string, requestId: string): HttpError {
  if (error instanceof ApiError) {
    return { status: error.status, code: error.code, message: error.message, details: error.details, ...(error.headers ? { headers: error.headers } : {}), internal: false };
  }
  if (error instanceof CommandError) return { status: error.status, code: error.code, message: error.message, details: error.details, internal: false };
  if (isBodyParserError(error)) {
    switch (error.type) {
      case 'entity.too.large':
        return { status: 413, code: 'payload_too_large', message: `the body is larger than ${bodyLimit}; send less (a note holds at most 10,000 characters)`, internal: false };
      case 'entity.parse.failed':
        return { status: 400, code: 'malformed_json', message: `the body is not valid JSON (${error.message}); send one JSON object`, internal: false };
      case 'encoding.unsupported':
      case 'charset.unsupported':
        return { status: 415, code: 'unsupported_media_type', message: `${error.message}; send JSON in UTF-8 without a content encoding`, internal: false };
      case 'request.aborted':
      case 'request.size.invalid':
        return { status: 400, code: 'bad_request', message: 'the request body ended early or did not match its Content-Length; send it again', internal: false };
    }
  }
  // Other client errors from express and body-parser (a path that does not decode, a body that does not inflate).
  const status = error instanceof Error ? (error as { status?: unknown }).status : undefined;
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return { status, code: 'bad_request', message: `the request cannot be read (${error instanceof Error ? error.message : 'malformed'}); check its path, headers and body`, internal: false };
  }
  return { status: 500, code: 'internal_error', message: `something went wrong on the server; it is logged with request id ${requestId}`, internal: true };
}
