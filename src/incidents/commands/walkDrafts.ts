import type { IncidentDraft, WalkTimelineEvent } from '../incidentEvent.js';
import type { Actor } from '../timelineEvent.js';

/** The engine's events as drafts caused by `actor`. */
export function walkDrafts(events: readonly WalkTimelineEvent[], actor: Actor): IncidentDraft[] {
  return events.map((event) => ({ ...event, actor }));
}
