import { ApiError } from './apiError.js';

export interface RequestOptions {
  body?: unknown;
  /** Sent as Idempotency-Key: a retry with the same key never records twice. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

/** Listeners told when the server says the session is gone, so the app can show the sign-in page. */
const signedOutListeners = new Set<() => void>();

export function onSignedOut(listener: () => void): () => void {
  signedOutListeners.add(listener);
  return () => signedOutListeners.delete(listener);
}

/**
 * One call to the HTTP API with the session cookie. Resolves with the parsed body of a 2xx answer;
 * rejects with an ApiError carrying the server's code and message (status 0 when there was no answer).
 */
export async function apiRequest<T>(method: 'GET' | 'POST' | 'DELETE', path: string, options: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { Accept: 'application/json' };
  if (options.body !== undefined) headers['Content-Type'] = 'application/json';
  if (options.idempotencyKey !== undefined) headers['Idempotency-Key'] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'network_error', 'the server did not answer; check your connection, it will be retried');
  }
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) {
    const error = ApiError.fromBody(response.status, body);
    if (response.status === 401 && path !== '/api/session') for (const listener of signedOutListeners) listener();
    throw error;
  }
  return body as T;
}

/**
 * A fresh idempotency key for one user intent (kept across that intent's retries). Built from
 * getRandomValues because randomUUID exists only on https and localhost pages.
 */
export function newIdempotencyKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return `web-${Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('')}`;
}
