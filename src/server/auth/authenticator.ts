import { ApiError } from '../apiError.js';
import type { AuthFailureLimiter } from './authFailureLimiter.js';
import { hashSessionId, type Session, type SessionStore } from './sessionStore.js';
import type { User } from './user.js';
import type { UserDirectory } from './userDirectory.js';

/** The browser session cookie (httpOnly, SameSite=Strict). */
export const SESSION_COOKIE = 'runpath_session';

/** What a request or socket handshake presents. */
export interface Credentials {
  /** The Authorization header: `Bearer <token>`. */
  authorization?: string | undefined;
  /** The Cookie header, for the session cookie. */
  cookie?: string | undefined;
  /** A bare token (e.g. a socket handshake's `auth.token`). */
  token?: string | undefined;
}

/** `session`: the hash of the session id, when the session cookie is what authenticated. */
export type AuthResult = { ok: true; user: User; session?: string } | { ok: false; error: ApiError };

const REALM = 'Bearer realm="runpath"';
const HOW = 'send Authorization: Bearer <token> (runpath user add prints a token) or sign in with POST /api/session';

/** The value of one cookie in a Cookie header. */
export function cookieValue(header: string | undefined, name: string): string | undefined {
  if (header === undefined) return undefined;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at !== -1 && part.slice(0, at).trim() === name) return part.slice(at + 1).trim();
  }
  return undefined;
}

type Bearer = { kind: 'none' } | { kind: 'token'; token: string } | { kind: 'malformed' };

/** The token of a `Bearer` Authorization header; `malformed` for any other scheme or shape. */
function bearerToken(header: string | undefined): Bearer {
  if (header === undefined || header === '') return { kind: 'none' };
  const token = /^Bearer +([A-Za-z0-9._~+/=-]{1,512})\s*$/i.exec(header)?.[1];
  return token === undefined ? { kind: 'malformed' } : { kind: 'token', token };
}

/**
 * Who is asking: a bearer token, a token from a socket handshake, or a session cookie. Every
 * failed token counts against the client address; past the limit everything from it gets 429.
 * 401 means no or bad credentials (with WWW-Authenticate); roles (403) are checked later.
 */
export class Authenticator {
  constructor(
    readonly users: UserDirectory,
    readonly sessions: SessionStore,
    readonly limiter: AuthFailureLimiter,
  ) {}

  async authenticate(credentials: Credentials, address: string): Promise<AuthResult> {
    const limited = this.#limited(address);
    if (limited) return limited;
    const bearer = bearerToken(credentials.authorization);
    if (bearer.kind === 'malformed') return this.#failed(address, 'the Authorization header must be "Bearer <token>"');
    const token = bearer.kind === 'token' ? bearer.token : credentials.token;
    if (token !== undefined) return this.#byToken(token, address);
    const sessionId = cookieValue(credentials.cookie, SESSION_COOKIE);
    if (sessionId !== undefined && sessionId !== '') {
      const session = this.sessions.get(sessionId);
      const user = session && (await this.users.byName(session.userName));
      if (user) return { ok: true, user, session: hashSessionId(sessionId) };
      // Not counted: an expired cookie is a browser left open overnight, not a guess (ids are 256 random bits).
      return { ok: false, error: new ApiError(401, 'session_expired', `your session has ended; sign in again (${HOW})`, undefined, { 'WWW-Authenticate': REALM }) };
    }
    return { ok: false, error: new ApiError(401, 'unauthenticated', `this needs credentials: ${HOW}`, undefined, { 'WWW-Authenticate': REALM }) };
  }

  /** Exchanges a token for a new session (POST /api/session). */
  async signIn(token: string, address: string): Promise<{ ok: true; user: User; session: Session } | { ok: false; error: ApiError }> {
    const limited = this.#limited(address);
    if (limited) return limited;
    const result = await this.#byToken(token, address);
    if (!result.ok) return result;
    const session = this.sessions.create(result.user.name);
    // The cookie goes out only once the session would survive a restart.
    await this.sessions.persisted();
    return { ok: true, user: result.user, session };
  }

  /** Ends the session a Cookie header names, if any (DELETE /api/session). */
  signOut(cookieHeader: string | undefined): void {
    const id = cookieValue(cookieHeader, SESSION_COOKIE);
    if (id !== undefined) this.sessions.delete(id);
  }

  async #byToken(token: string, address: string): Promise<AuthResult> {
    const user = await this.users.byToken(token);
    if (user) return { ok: true, user };
    return this.#failed(address, 'the token is not valid: it may be mistyped or replaced (runpath user add --replace); ask an admin for a new one');
  }

  #failed(address: string, why: string): AuthResult {
    this.limiter.recordFailure(address);
    return { ok: false, error: new ApiError(401, 'invalid_credentials', why, undefined, { 'WWW-Authenticate': `${REALM}, error="invalid_token"` }) };
  }

  #limited(address: string): { ok: false; error: ApiError } | undefined {
    const retry = this.limiter.retryAfter(address);
    if (retry === undefined) return undefined;
    return {
      ok: false,
      error: new ApiError(429, 'rate_limited', `too many failed sign-ins from your address; wait ${retry} seconds before trying again`, { retryAfterSeconds: retry }, { 'Retry-After': String(retry) }),
    };
  }
}
