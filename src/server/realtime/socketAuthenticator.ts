import type { Authenticator } from '../auth/authenticator.js';
import type { RealtimeOptions } from './attachRealtime.js';

/**
 * The gateway's `authenticate` over the server's Authenticator: the same tokens, session cookies
 * and failure rate limit as HTTP. A refusal's code (`invalid_credentials`, `rate_limited`,
 * `session_expired`…) reaches the client as the connect_error's data.
 */
/**
 * Whether a connection's credentials still stand: its session is live, or its token is still the
 * user's, and the user still has the role the connection acts with. The gateway's sweep closes the
 * connections for which this turns false (an expired session, a replaced token, a changed role).
 */
export function socketCredentialsLive(auth: Authenticator): NonNullable<RealtimeOptions['stillValid']> {
  return async (user) => {
    if (user.session !== undefined && !auth.sessions.isLive(user.session)) return false;
    const current = await auth.users.byName(user.name);
    if (current?.role !== user.role) return false;
    return user.tokenHash === undefined || current.tokenHash === user.tokenHash;
  };
}

export function socketAuthenticator(auth: Authenticator): RealtimeOptions['authenticate'] {
  return async ({ token, authorization, cookieHeader, address }) => {
    const result = await auth.authenticate({ token, authorization, cookie: cookieHeader }, address);
    if (result.ok) {
      const { name, role, tokenHash } = result.user;
      return { name, role, ...(result.session === undefined ? { tokenHash } : { session: result.session }) };
    }
    const { code, message, details } = result.error;
    return { error: details === undefined ? { code, message } : { code, message, details } };
  };
}
