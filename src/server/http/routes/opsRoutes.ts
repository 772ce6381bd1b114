import { Router } from 'express';
import type { ServerMetrics } from '../../serverMetrics.js';

/** Whether the server can take requests now, and if not why (for /readyz). */
export type ReadyCheck = () => Promise<{ ready: true } | { ready: false; reason: string }>;

/** /healthz (the process answers), /readyz (the store is open and the server not shutting down), /metrics. No auth. */
export function opsRoutes(metrics: ServerMetrics, ready: ReadyCheck): Router {
  const router = Router();
  router.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  router.get('/readyz', async (_req, res) => {
    const state = await ready();
    if (state.ready) res.json({ status: 'ready' });
    else res.status(503).json({ status: 'not_ready', reason: state.reason });
  });
  router.get('/metrics', async (_req, res) => {
    res.setHeader('Content-Type', metrics.registry.contentType);
    res.send(await metrics.registry.metrics());
  });
  return router;
}
