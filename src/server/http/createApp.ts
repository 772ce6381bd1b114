import express, { type Express } from 'express';
import { ApiError } from '../apiError.js';
import type { Authenticator } from '../auth/authenticator.js';
import type { Logger } from '../createLogger.js';
import type { IncidentService } from '../incidentService.js';
import type { ServerMetrics } from '../serverMetrics.js';
import { authenticate, clientAddress } from './authenticate.js';
import { errorHandler } from './errorHandler.js';
import { requestContextMiddleware } from './requestContext.js';
import { alertRoutes } from './routes/alertRoutes.js';
import { incidentRoutes } from './routes/incidentRoutes.js';
import { opsRoutes, type ReadyCheck } from './routes/opsRoutes.js';
import { postmortemRoutes } from './routes/postmortemRoutes.js';
import { runbookRoutes } from './routes/runbookRoutes.js';
import { sessionRoutes } from './routes/sessionRoutes.js';
import { webRoutes } from './webRoutes.js';

export interface AppOptions {
  service: IncidentService;
  auth: Authenticator;
  metrics: ServerMetrics;
  logger: Logger;
  ready: ReadyCheck;
  /** Largest request body (default 64kb): beyond it, 413 payload_too_large. */
  bodyLimit?: string;
  /** express's `trust proxy` (default false: auth failures are counted per socket address). */
  trustProxy?: boolean | string | number;
  /** Monotonic milliseconds, for request durations (default performance.now). */
  clock?: () => number;
  /** The bundled browser client (dist/web) to serve at /; none: API only. */
  webDir?: string;
}

export const DEFAULT_BODY_LIMIT = '64kb';

/** The HTTP API: ops endpoints without auth, the browser client's files, then /api behind a bearer token or session cookie. */
export function createApp(options: AppOptions): Express {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = express();
  app.disable('x-powered-by');
  app.set('trust proxy', options.trustProxy ?? false);
  app.use(requestContextMiddleware(options.logger, options.metrics, options.clock ?? (() => performance.now())));
  app.use((_req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('Cache-Control', 'no-store');
    next();
  });
  app.use(opsRoutes(options.metrics, options.ready));
  if (options.webDir !== undefined) {
    const auth = options.auth;
    app.use(webRoutes(options.webDir, async (req) => {
      if (req.get('cookie') === undefined) return undefined;
      const result = await auth.authenticate({ cookie: req.get('cookie') }, clientAddress(req));
      return result.ok ? { name: result.user.name, role: result.user.role } : undefined;
    }));
  }

  const json = express.json({ limit: bodyLimit, strict: true });
  app.use('/api/session', json, sessionRoutes(options.auth));
  app.use('/api/alerts', alertRoutes(options.service, options.auth));
  // Authenticate before reading a body: an unknown client gets 401 without the server parsing its payload.
  app.use('/api', authenticate(options.auth), json);
  app.use('/api/incidents', incidentRoutes(options.service));
  app.use('/api/incidents', postmortemRoutes(options.service));
  app.use('/api/runbooks', runbookRoutes(options.service));
  app.use((req) => {
    throw new ApiError(404, 'route_not_found', `there is no ${req.method} ${req.path}; the API is under /api (incidents, runbooks, session)`);
  });
  app.use(errorHandler(bodyLimit));
  return app;
}
