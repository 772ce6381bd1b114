import type { Authenticator } from '../auth/authenticator.js';
import type { RealtimeOptions } from './attachRealtime.js';

/**
 * The gateway's `authenticate` over the server's Authenticator: the same tokens, session cookies
 * and failure rate limit as HTTP. A refusal's code (`invalid_credentials`, `rate_limited`,
 * `session_expired`…) reaches the client as the connect_error's data.
 */
export function socketAuthenticator(auth: Authenticator): RealtimeOptions['authenticate'] {
  return async ({ token, authorization, cookieHeader, address }) => {
    const result = await auth.authenticate({ token, authorization, cookie: cookieHeader }, address);
    if (result.ok) return { name: result.user.name, role: result.user.role, ...(result.session === undefined ? {} : { session: result.session }) };
    const { code, message, details } = result.error;
    return { error: details === undefined ? { code, message } : { code, message, details } };
  };
}
