import { Router } from 'express';
import { ApiError } from '../../apiError.js';
import { validateApiBody } from '../../apiSchemas.js';
import { SESSION_COOKIE, type Authenticator } from '../../auth/authenticator.js';
import { authenticate, clientAddress } from '../authenticate.js';
import { requestContext } from '../requestContext.js';
import { requireJsonBody } from '../requestInput.js';

/**
 * /api/session: a browser exchanges an API token for an httpOnly, SameSite=Strict cookie holding
 * a random session id (kept in memory), so page scripts never hold the token.
 */
export function sessionRoutes(auth: Authenticator): Router {
  const router = Router();

  router.post('/', requireJsonBody, async (req, res) => {
    const bearer = /^Bearer +(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
    const token = req.body === undefined && bearer !== undefined ? bearer : validateApiBody('session', req.body).token;
    const result = await auth.signIn(token, clientAddress(req));
    if (!result.ok) throw result.error;
    const { user, session } = result;
    requestContext(res).user = user;
    res.cookie(SESSION_COOKIE, session.id, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/', maxAge: auth.sessions.ttlMs });
    res.status(201).json({ user: { name: user.name, role: user.role }, expiresAt: new Date(session.expiresAt).toISOString() });
  });

  router.get('/', authenticate(auth), (_req, res) => {
    const user = requestContext(res).user;
    if (!user) throw new ApiError(401, 'unauthenticated', 'sign in first');
    res.json({ user: { name: user.name, role: user.role } });
  });

  router.delete('/', (req, res) => {
    auth.signOut(req.get('cookie'));
    res.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: req.secure, path: '/' });
    res.status(204).end();
  });

  return router;
}
