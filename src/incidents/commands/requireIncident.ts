import { CommandError } from '../commandError.js';
import type { Incident } from '../incident.js';

/** The incident a command acts on; `not_found` when there is none. */
export function requireIncident(incident: Incident | undefined): Incident {
  if (incident) return incident;
  throw new CommandError('not_found', 'there is no incident with this id; list the incidents to find the right one');
}

/** An incident that is not closed; `incident_closed` otherwise (only a reopen, stars and redactions apply then). */
export function requireOpenIncident(incident: Incident | undefined, doing: string): Incident {
  const found = requireIncident(incident);
  if (found.status !== 'closed') return found;
  throw new CommandError('incident_closed', `incident ${found.id} is closed, so ${doing} is refused; reopen it first (status investigating)`, {
    lastSeq: found.lastSeq,
  });
}
