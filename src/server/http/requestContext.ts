import { randomUUID } from 'node:crypto';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from '../createLogger.js';
import type { User } from '../auth/user.js';
import type { ServerMetrics } from '../serverMetrics.js';

/** What the server knows about a request while answering it (kept in res.locals). */
export interface RequestContext {
  id: string;
  log: Logger;
  /** Set once authenticated. */
  user?: User;
  /** The error code answered, for the errors metric. */
  errorCode?: string;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

export function requestContext(res: Response): RequestContext {
  return (res.locals as { context: RequestContext }).context;
}

/** The route a request matched, as a metric label: its pattern, never the ids in it. */
function routeLabel(req: Request): string {
  const route: unknown = (req as { route?: unknown }).route;
  const pattern = typeof route === 'object' && route !== null ? (route as { path?: unknown }).path : undefined;
  if (typeof pattern !== 'string') return 'unmatched';
  return pattern === '/' && req.baseUrl !== '' ? req.baseUrl : `${req.baseUrl}${pattern}`;
}

/**
 * Gives every request an id (the client's X-Request-Id when it is a sane one, else a new one),
 * a logger carrying it, and on finish a log line and the request metrics. Logs never hold
 * headers, bodies or query strings: tokens and note text stay out.
 */
export function requestContextMiddleware(logger: Logger, metrics: ServerMetrics, clock: () => number) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const given = req.get('x-request-id');
    const id = given !== undefined && REQUEST_ID.test(given) ? given : randomUUID();
    const context: RequestContext = { id, log: logger.child({ reqId: id }) };
    (res.locals as { context: RequestContext }).context = context;
    res.setHeader('X-Request-Id', id);
    const started = clock();
    res.on('finish', () => {
      const seconds = Math.max(0, clock() - started) / 1000;
      const route = routeLabel(req);
      const labels = { method: req.method, route };
      const status = String(res.statusCode);
      metrics.httpRequests.inc({ ...labels, status });
      metrics.httpDuration.observe(labels, seconds);
      if (res.statusCode >= 400) metrics.httpErrors.inc({ ...labels, status, code: context.errorCode ?? 'unknown' });
      const line = { method: req.method, path: req.path, route, status: res.statusCode, ms: Math.round(seconds * 1e4) / 10, user: context.user?.name };
      if (res.statusCode >= 500) context.log.warn(line, 'request failed');
      else context.log.info(line, 'request');
    });
    next();
  };
}
