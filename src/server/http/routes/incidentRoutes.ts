import { Router } from 'express';
import { parseApiCommand } from '../../apiCommand.js';
import type { IncidentService } from '../../incidentService.js';
import { caller } from '../authenticate.js';
import { afterSeq, idempotencyKey, requireJsonBody, tailSize } from '../requestInput.js';
import { sendResult } from '../sendResult.js';
import type { TimelineEvent } from '../../../incidents/timelineEvent.js';
import { timelineTail } from '../../timelineTail.js';

/** The :id route parameter (express types it loosely once a middleware precedes the handler). */
function incidentId(params: Record<string, string | string[] | undefined>): string {
  const id = params.id;
  return typeof id === 'string' ? id : '';
}

/** /api/incidents: open, list, read, and the timeline and walk commands (all through the incident service). */
export function incidentRoutes(service: IncidentService): Router {
  const router = Router();

  router.post('/', requireJsonBody, async (req, res) => {
    const { actor, role } = caller(res);
    const result = await service.open(actor, role, req.body, idempotencyKey(req));
    const id = (result.body as { id?: unknown }).id;
    if (result.status === 201 && typeof id === 'string') res.location(`/api/incidents/${encodeURIComponent(id)}`);
    sendResult(res, result);
  });

  router.get('/', async (_req, res) => {
    sendResult(res, await service.list(caller(res).role));
  });

  router.get('/:id', async (req, res) => {
    sendResult(res, await service.get(req.params.id, caller(res).role));
  });

  router.get('/:id/events', async (req, res) => {
    const after = afterSeq(req);
    const tail = tailSize(req);
    const result = await service.events(req.params.id, after, caller(res).role);
    if (result.status !== 200 || tail === undefined || after !== 0) {
      sendResult(res, result);
      return;
    }
    const { incidentId, events } = result.body as { incidentId: string; events: TimelineEvent[] };
    sendResult(res, { status: 200, body: { incidentId, ...timelineTail(events, tail) } });
  });

  router.get('/:id/runbook', async (req, res) => {
    sendResult(res, await service.walkRunbook(req.params.id, caller(res).role));
  });

  // Each route takes its own command types; the service checks the body again (sockets share it).
  router.post('/:id/events', requireJsonBody, async (req, res) => {
    const key = idempotencyKey(req);
    parseApiCommand(req.body, 'timeline');
    const { actor, role } = caller(res);
    sendResult(res, await service.command(incidentId(req.params), actor, role, req.body, key));
  });

  router.post('/:id/walk', requireJsonBody, async (req, res) => {
    const key = idempotencyKey(req);
    parseApiCommand(req.body, 'walk');
    const { actor, role } = caller(res);
    sendResult(res, await service.command(incidentId(req.params), actor, role, req.body, key));
  });

  // Runs the current check without recording it: nothing to repeat safely, so no Idempotency-Key is read.
  router.post('/:id/walk/preview', requireJsonBody, async (req, res) => {
    const { actor, role } = caller(res);
    sendResult(res, await service.preview(incidentId(req.params), actor, role, req.body));
  });

  return router;
}
