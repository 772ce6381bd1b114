import { startWalk as startEngineWalk } from '../../engine/walk.js';
import type { Runbook } from '../../runbook/types.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft, RunbookPinnedData, WalkStartedData } from '../incidentEvent.js';
import type { CommandContext } from './commandContext.js';
import { withWalkErrors } from './withWalkErrors.js';
import { walkDrafts } from './walkDrafts.js';

/**
 * walk.started and the events of entering the runbook's start node (a bad input refuses with its
 * engine code). When the server says which version of the runbook this is, walk.started names it
 * and, unless the incident already holds it, runbook.pinned records its text just before.
 */
export function beginWalk(
  incident: Incident | undefined,
  runbook: Runbook,
  inputs: Readonly<Record<string, string>>,
  labels: Record<string, string> | undefined,
  ctx: CommandContext,
): IncidentDraft[] {
  const { actor } = ctx;
  const transition = withWalkErrors(() => startEngineWalk(runbook, inputs));
  const version = ctx.runbookVersion?.(runbook.id);
  const data: WalkStartedData = { runbookId: runbook.id, runbookTitle: runbook.title, inputs: transition.state.inputs };
  if (labels !== undefined) data.labels = labels;
  const drafts: IncidentDraft[] = [];
  if (version !== undefined) {
    data.runbookHash = version.hash;
    if (!incident || !Object.hasOwn(incident.pins, version.hash)) {
      const pinned: RunbookPinnedData = { runbookId: runbook.id, hash: version.hash, text: version.text };
      if (version.file !== undefined) pinned.file = version.file;
      drafts.push({ type: 'runbook.pinned', actor, data: pinned });
    }
  }
  return [...drafts, { type: 'walk.started', actor, data }, ...walkDrafts(transition.events, actor)];
}
