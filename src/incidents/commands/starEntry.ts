import { CommandError } from '../commandError.js';
import type { Incident } from '../incident.js';
import type { IncidentDraft } from '../incidentEvent.js';
import type { CommandContext } from './commandContext.js';
import { optionalFlag, requireEntrySeq } from './commandInput.js';
import { requireIncident } from './requireIncident.js';

export interface StarEntryCommand {
  seq: number;
  /** false removes the star; default true. */
  starred?: boolean;
}

/** entry.starred. Allowed on a closed incident too: reviews star the moments that mattered. */
export function starEntry(incident: Incident | undefined, command: StarEntryCommand, ctx: CommandContext): IncidentDraft[] {
  const found = requireIncident(incident);
  const seq = requireEntrySeq(command.seq, found.lastSeq);
  const starred = optionalFlag(command.starred, 'starred') ?? true;
  if (found.starred.includes(seq) === starred) {
    throw new CommandError('no_change', `entry ${seq} is ${starred ? 'already' : 'not'} starred; nothing to change`, { lastSeq: found.lastSeq });
  }
  return [{ type: 'entry.starred', actor: ctx.actor, data: { seq, starred } }];
}
