import { startWalk as startEngineWalk } from '../../engine/walk.js';
import type { Runbook } from '../../runbook/types.js';
import type { IncidentDraft, WalkStartedData } from '../incidentEvent.js';
import type { Actor } from '../timelineEvent.js';
import { withWalkErrors } from './withWalkErrors.js';
import { walkDrafts } from './walkDrafts.js';

/** walk.started and the events of entering the runbook's start node (a bad input refuses with its engine code). */
export function beginWalk(runbook: Runbook, inputs: Readonly<Record<string, string>>, labels: Record<string, string> | undefined, actor: Actor): IncidentDraft[] {
  const transition = withWalkErrors(() => startEngineWalk(runbook, inputs));
  const data: WalkStartedData = { runbookId: runbook.id, runbookTitle: runbook.title, inputs: transition.state.inputs };
  if (labels !== undefined) data.labels = labels;
  return [{ type: 'walk.started', actor, data }, ...walkDrafts(transition.events, actor)];
}
