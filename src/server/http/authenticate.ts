import type { NextFunction, Request, Response } from 'express';
import type { AccessRole } from '../../incidents/accessRole.js';
import type { Actor } from '../../incidents/timelineEvent.js';
import type { Authenticator } from '../auth/authenticator.js';
import { requestContext } from './requestContext.js';

/** The address auth failures are counted by (the socket's, unless trust proxy is set). */
export function clientAddress(req: Request): string {
  return req.ip ?? req.socket.remoteAddress ?? 'unknown';
}

/** Requires a bearer token or session cookie; 401/429 otherwise (thrown to the error handler). */
export function authenticate(auth: Authenticator) {
  return async (req: Request, res: Response, next: NextFunction): Promise<void> => {
    const result = await auth.authenticate({ authorization: req.get('authorization'), cookie: req.get('cookie') }, clientAddress(req));
    if (!result.ok) throw result.error;
    requestContext(res).user = result.user;
    next();
  };
}

/** Who sent an authenticated request: the actor its events record and the access role it acts with. */
export function caller(res: Response): { actor: Actor; role: AccessRole } {
  const user = requestContext(res).user;
  if (!user) throw new Error('caller() on a route without authenticate()');
  return { actor: { kind: 'user', name: user.name }, role: user.role };
}
