import { Router, type Response } from 'express';
import { buildPostmortem } from '../../../incidents/postmortem/buildPostmortem.js';
import type { Postmortem } from '../../../incidents/postmortem/postmortem.js';
import { renderPostmortemMarkdown } from '../../../incidents/postmortem/renderPostmortemMarkdown.js';
import type { TimelineEvent } from '../../../incidents/timelineEvent.js';
import type { IncidentService } from '../../incidentService.js';
import { caller } from '../authenticate.js';
import { sendResult } from '../sendResult.js';

/** A file name for a download: the id's safe characters only (ids are the server's, but the header must never break). */
const fileName = (incidentId: string, ext: string): string => `postmortem-${incidentId.replace(/[^A-Za-z0-9_-]/g, '_').slice(0, 100)}.${ext}`;

/**
 * /api/incidents/:id/postmortem.md and .json (viewer and up): a blameless draft built from the
 * whole timeline as the caller may read it, through the service (its authorization, 404 and
 * damage answers). The core drops redacted text whoever asks, admins included.
 */
export function postmortemRoutes(service: IncidentService): Router {
  const router = Router();

  async function postmortem(id: string, res: Response): Promise<Postmortem | undefined> {
    const result = await service.events(id, 0, caller(res).role);
    if (result.status !== 200) {
      sendResult(res, result);
      return undefined;
    }
    return buildPostmortem((result.body as { events: TimelineEvent[] }).events);
  }

  router.get('/:id/postmortem.md', async (req, res) => {
    const pm = await postmortem(req.params.id, res);
    if (!pm) return;
    res.setHeader('Content-Type', 'text/markdown; charset=utf-8');
    res.setHeader('Content-Disposition', `inline; filename="${fileName(pm.incidentId, 'md')}"`);
    res.send(renderPostmortemMarkdown(pm));
  });

  router.get('/:id/postmortem.json', async (req, res) => {
    const pm = await postmortem(req.params.id, res);
    if (!pm) return;
    res.setHeader('Content-Disposition', `inline; filename="${fileName(pm.incidentId, 'json')}"`);
    res.json(pm);
  });

  return router;
}
