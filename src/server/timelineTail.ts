import type { Incident } from '../incidents/incident.js';
import { reduceIncident } from '../incidents/reduceIncident.js';
import type { TimelineEvent } from '../incidents/timelineEvent.js';
import { incidentState } from './incidentSummary.js';

/** The most entries a tail read asks for. */
export const MAX_TAIL = 1000;

/** A timeline's newest entries and the state they lead to (the lists that grow left out but follow-ups and feedback). */
export interface TimelineTail {
  events: TimelineEvent[];
  incident?: Omit<Incident, 'notes' | 'redactable' | 'uninterpreted' | 'pins'> & Pick<Incident, 'followUps' | 'feedback'>;
}

/**
 * A whole timeline as a reader sees it, cut to its newest `tail` entries when it is longer, with
 * the state folded from all of it: what a browser needs to draw a long incident at once (it reads
 * the rest afterwards). A shorter timeline, or no tail asked, comes whole and without state.
 */
export function timelineTail(events: readonly TimelineEvent[], tail: number | undefined): TimelineTail {
  if (tail === undefined || events.length <= tail) return { events: [...events] };
  const incident = reduceIncident(events);
  return {
    events: events.slice(-tail),
    incident: { ...incidentState(incident), followUps: incident.followUps, feedback: incident.feedback },
  };
}
