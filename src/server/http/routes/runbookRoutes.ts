import { Router } from 'express';
import type { IncidentService } from '../../incidentService.js';
import { caller } from '../authenticate.js';
import { sendResult } from '../sendResult.js';

/** /api/runbooks: the runbooks this server walks. */
export function runbookRoutes(service: IncidentService): Router {
  const router = Router();
  router.get('/', async (_req, res) => {
    sendResult(res, await service.runbooks(caller(res).role));
  });
  router.get('/:id', async (req, res) => {
    sendResult(res, await service.runbook(req.params.id, caller(res).role));
  });
  router.get('/:id/feedback', async (req, res) => {
    sendResult(res, await service.runbookFeedback(req.params.id, caller(res).role));
  });
  return router;
}
