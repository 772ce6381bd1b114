import type { Express } from 'express';
import type { MetricSource } from '../metrics/metricSource.js';
import type { Runbook } from '../runbook/types.js';
import type { EventStore } from '../store/eventStore.js';
import { StoreFailedError } from '../store/storeErrors.js';
import { AuthFailureLimiter } from './auth/authFailureLimiter.js';
import { Authenticator } from './auth/authenticator.js';
import { SessionStore, type StoredSession } from './auth/sessionStore.js';
import type { UserDirectory } from './auth/userDirectory.js';
import type { Logger } from './createLogger.js';
import { createApp } from './http/createApp.js';
import type { ReadyCheck } from './http/routes/opsRoutes.js';
import { createIncidentService, type IncidentService } from './incidentService.js';
import type { RunbookCatalog } from './runbookCatalog.js';
import { createServerMetrics, observeIncidentBatch, type ServerMetrics } from './serverMetrics.js';

export interface AssembleOptions {
  store: EventStore;
  runbooks: RunbookCatalog | ReadonlyMap<string, Runbook>;
  sources: (runbook: Runbook) => ReadonlyMap<string, MetricSource>;
  users: UserDirectory;
  logger: Logger;
  /** Wall clock, epoch ms (default Date.now). */
  now?: () => number;
  /** Monotonic ms (default performance.now). */
  clock?: () => number;
  /** Failed authentications allowed per address and window (default 10 a minute). */
  authFailures?: { limit?: number; windowMs?: number };
  bodyLimit?: string;
  trustProxy?: boolean | string | number;
  /** Node process metrics on /metrics (default true). */
  processMetrics?: boolean;
  /** Browser sessions from an earlier run, and where to save them (default: in memory only). */
  sessions?: { initial: readonly StoredSession[]; save: (sessions: StoredSession[]) => Promise<void> };
  /** The bundled browser client to serve (see createApp). */
  webDir?: string;
}

/** Everything a server is made of, wired, before it listens: what `serve` runs and what tests drive. */
export interface AssembledServer {
  app: Express;
  service: IncidentService;
  auth: Authenticator;
  metrics: ServerMetrics;
  logger: Logger;
  /** Marks the server as stopping: /readyz answers 503 from now on. */
  stopping(): void;
}

export function assembleServer(options: AssembleOptions): AssembledServer {
  const now = options.now ?? Date.now;
  const clock = options.clock ?? (() => performance.now());
  const { logger, store } = options;
  const metrics = createServerMetrics({ processMetrics: options.processMetrics ?? true });
  let storeFailed = false;
  let stopping = false;
  const service = createIncidentService({
    store,
    runbooks: options.runbooks,
    sources: options.sources,
    now,
    clock,
    onAppend: ({ seconds }) => {
      metrics.appendDuration.observe(seconds);
    },
    onError: (error, what) => {
      if (error instanceof StoreFailedError) storeFailed = true;
      logger.error({ err: error }, what);
    },
  });
  metrics.countOpenIncidents = () => service.openIncidents();
  // Only batches stored from now on: a restart observes no old incident again.
  service.subscribe((events, incident) => {
    observeIncidentBatch(metrics, events, incident);
  });
  const sessions = new SessionStore({
    now,
    ...(options.sessions ?? {}),
    onSaveError: (error) => {
      logger.error({ err: error }, 'browser sessions could not be saved; they still work until the server restarts');
    },
  });
  const auth = new Authenticator(options.users, sessions, new AuthFailureLimiter({ now, ...options.authFailures }));
  const ready: ReadyCheck = async () => {
    if (stopping) return { ready: false, reason: 'the server is shutting down' };
    if (storeFailed) return { ready: false, reason: 'the event store failed to write; see the logs, fix the disk and restart' };
    try {
      await store.incidentIds();
      return { ready: true };
    } catch {
      return { ready: false, reason: 'the event store is closed' };
    }
  };
  const app = createApp({
    service,
    auth,
    metrics,
    logger,
    ready,
    clock,
    ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }),
    ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    ...(options.webDir === undefined ? {} : { webDir: options.webDir }),
  });
  return {
    app,
    service,
    auth,
    metrics,
    logger,
    stopping: () => {
      stopping = true;
    },
  };
}
