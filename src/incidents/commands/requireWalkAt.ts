import type { Runbook } from '../../runbook/types.js';
import { CommandError } from '../commandError.js';
import type { Incident, IncidentWalk } from '../incident.js';
import type { CommandContext } from './commandContext.js';
import { requireText } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';

export interface WalkAt {
  walk: IncidentWalk;
  runbook: Runbook;
  node: string;
}

/**
 * The runbook a walk follows: the version it pinned (from the server's parsed pins, or the loaded
 * runbook when that is still the same version), else, for a walk recorded before pinning, the
 * runbook the server has loaded under its id.
 */
export function walkRunbook(incident: Incident, walk: IncidentWalk, ctx: CommandContext): Runbook {
  const details = { lastSeq: incident.lastSeq, walk };
  const hash = walk.runbookHash;
  if (hash !== undefined) {
    const pinned = ctx.pinnedRunbooks?.get(hash) ?? (ctx.runbookVersion?.(walk.runbookId)?.hash === hash ? ctx.runbooks?.get(walk.runbookId) : undefined);
    if (pinned) return pinned;
    throw new CommandError(
      'runbook_unavailable',
      `the walk follows the version of runbook '${walk.runbookId}' it pinned (sha256 ${hash.slice(0, 12)}…), which the server could not load from the timeline; start another walk to use the current version`,
      details,
    );
  }
  const runbook = ctx.runbooks?.get(walk.runbookId);
  if (runbook) return runbook;
  throw new CommandError(
    'runbook_unavailable',
    `the walk follows runbook '${walk.runbookId}', which this server has not loaded; restore it in the runbooks folder (runpath validate checks it) or start another walk`,
    details,
  );
}

/**
 * The walk, waiting at `node`: the node the sender believes is current (timeline promise 3).
 * Refuses when there is no walk, when it ended, and with `stale_node` when it waits elsewhere;
 * each refusal carries the walk as it stands so the sender can catch up.
 */
export function requireWalkAt(incident: Incident, node: unknown, ctx: CommandContext): WalkAt {
  const named = requireText(node, 'node', { max: COMMAND_LIMITS.node, singleLine: true });
  const walk = incident.walk;
  if (!walk) {
    throw new CommandError('no_walk', `incident ${incident.id} has no runbook walk; start one first`, { lastSeq: incident.lastSeq });
  }
  const details = { lastSeq: incident.lastSeq, walk, current: walk.state.current };
  const { current, ended } = walk.state;
  if (current === null || ended) {
    const where = ended ? ` at '${ended.node ?? '?'}' (${ended.outcome})` : '';
    throw new CommandError('walk_ended', `the walk of '${walk.runbookId}' already ended${where}; start a new walk to go again`, details);
  }
  if (current !== named) {
    throw new CommandError(
      'stale_node',
      `the walk has moved on: it waits at '${current}', not '${named}'; reload the incident (events after seq ${incident.lastSeq}) and act on '${current}'`,
      details,
    );
  }
  return { walk, runbook: walkRunbook(incident, walk, ctx), node: current };
}
