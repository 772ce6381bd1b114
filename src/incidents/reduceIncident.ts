import { applyWalkEvent } from './applyWalkEvent.js';
import { DamagedTimelineError } from './damagedTimelineError.js';
import type { Incident, IncidentFigures, Milestone } from './incident.js';
import type { IncidentEventOf, TypedTimelineEvent } from './incidentEvent.js';
import { INCIDENT_STATUSES, type IncidentStatus } from './incidentStatus.js';
import { typedEvent } from './parseIncidentEvent.js';
import { hasRedactableText } from './redactableText.js';
import type { TimelineEvent } from './timelineEvent.js';

const rank = (status: IncidentStatus): number => INCIDENT_STATUSES.indexOf(status);

/** Adds `seq` to an ascending list, keeping it ascending and free of repeats. Returns a new list. */
function withSeq(list: readonly number[], seq: number): number[] {
  if (list.includes(seq)) return [...list];
  const at = list.findIndex((s) => s > seq);
  return at === -1 ? [...list, seq] : [...list.slice(0, at), seq, ...list.slice(at)];
}

/** `at` is for people, never for order: figures are the one thing computed from it. */
function milestone(incident: Pick<Incident, 'openedAt'>, event: TimelineEvent): Milestone {
  const elapsed = Date.parse(event.at) - Date.parse(incident.openedAt);
  return { seq: event.seq, at: event.at, afterMs: Number.isFinite(elapsed) ? Math.max(0, elapsed) : 0 };
}

function open(event: TimelineEvent): Incident {
  const typed = typedEvent(event);
  if (typed?.type !== 'incident.opened') {
    throw new DamagedTimelineError(event.incidentId, `its first event is ${event.type} (seq ${event.seq}), not a valid incident.opened`);
  }
  if (event.seq !== 1) throw new DamagedTimelineError(event.incidentId, `it opens at seq ${event.seq}, not 1`);
  const { title, severity, summary, runbook } = typed.data;
  const incident: Incident = {
    id: event.incidentId,
    title,
    severity,
    status: 'investigating',
    openedAt: event.at,
    openedBy: event.actor,
    roles: {},
    notes: [],
    starred: [],
    redacted: [],
    redactable: hasRedactableText(event.type, event.data) ? [event.seq] : [],
    lastSeq: event.seq,
    figures: {},
    uninterpreted: [],
  };
  if (summary !== undefined) incident.summary = summary;
  if (runbook !== undefined) incident.runbook = { id: runbook.id, title: runbook.title };
  if (event.actor.kind === 'user') incident.figures = { timeToAcknowledge: milestone(incident, event) };
  return incident;
}

function statusFigures(incident: Incident, event: TimelineEvent, data: IncidentEventOf<'status.changed'>['data']): IncidentFigures {
  const figures = { ...incident.figures };
  if (data.reopened === true || rank(data.to) < rank('resolved')) delete figures.timeToResolve;
  if (figures.timeToMitigate === undefined && rank(data.to) >= rank('mitigated')) figures.timeToMitigate = milestone(incident, event);
  if (figures.timeToResolve === undefined && rank(data.to) >= rank('resolved')) figures.timeToResolve = milestone(incident, event);
  return figures;
}

function redact(incident: Incident, seq: number): Incident {
  if (incident.redacted.includes(seq)) return incident;
  const next: Incident = { ...incident, redacted: withSeq(incident.redacted, seq) };
  if (seq === 1) delete next.summary;
  next.notes = incident.notes.map((note) => {
    if (note.seq !== seq) return note;
    const hidden = { ...note, redacted: true };
    delete hidden.text;
    return hidden;
  });
  return next;
}

/** Applies a checked event; undefined when the event cannot apply to this state (it stays uninterpreted). */
function applyTyped(incident: Incident, event: TimelineEvent, typed: TypedTimelineEvent): Incident | undefined {
  switch (typed.type) {
    case 'incident.opened':
      return undefined;
    case 'status.changed':
      return { ...incident, status: typed.data.to, figures: statusFigures(incident, event, typed.data) };
    case 'severity.changed':
      return { ...incident, severity: typed.data.to };
    case 'role.assigned':
      return { ...incident, roles: { ...incident.roles, [typed.data.role]: typed.data.user } };
    case 'note.added': {
      const note = { seq: event.seq, at: event.at, actor: event.actor, text: typed.data.text, redacted: false };
      return { ...incident, notes: [...incident.notes, typed.data.claimedAt === undefined ? note : { ...note, claimedAt: typed.data.claimedAt }] };
    }
    case 'entry.starred': {
      const { seq, starred } = typed.data;
      if (seq >= event.seq) return undefined;
      return { ...incident, starred: starred ? withSeq(incident.starred, seq) : incident.starred.filter((s) => s !== seq) };
    }
    case 'entry.redacted':
      return incident.redactable.includes(typed.data.seq) ? redact(incident, typed.data.seq) : undefined;
    case 'walk.started': {
      const { runbookId, runbookTitle, inputs, labels } = typed.data;
      const state = { runbookId, current: null, path: [], visits: {}, inputs: { ...inputs } };
      return { ...incident, walk: { runbookId, runbookTitle, startedSeq: event.seq, state, ...(labels === undefined ? {} : { labels: { ...labels } }) } };
    }
    default: {
      const walk = incident.walk;
      if (!walk || walk.state.ended) return undefined;
      const moved = { ...walk, state: applyWalkEvent(walk.state, typed) };
      if (typed.type === 'walk.ended' && typed.data.handoff !== undefined) moved.handoff = typed.data.handoff;
      const next: Incident = { ...incident, walk: moved };
      if (typed.type === 'action.completed' && typed.data.mitigation && next.figures.timeToMitigate === undefined) {
        next.figures = { ...next.figures, timeToMitigate: milestone(incident, event) };
      }
      return next;
    }
  }
}

/**
 * Folds one more event into the incident (undefined before the first). Pure: the input is not
 * changed, so a state may be kept and extended as events arrive (same result as folding all at once).
 * Throws DamagedTimelineError when the event is not the next seq.
 */
export function applyEvent(incident: Incident | undefined, event: TimelineEvent): Incident {
  if (incident === undefined) return open(event);
  if (event.incidentId !== incident.id) {
    throw new DamagedTimelineError(incident.id, `event seq ${event.seq} belongs to incident ${event.incidentId}`);
  }
  if (event.seq !== incident.lastSeq + 1) {
    throw new DamagedTimelineError(incident.id, `expected seq ${incident.lastSeq + 1} after ${incident.lastSeq}, got ${event.seq}`);
  }
  const typed = typedEvent(event);
  const applied = typed && applyTyped(incident, event, typed);
  if (!applied) return { ...incident, lastSeq: event.seq, uninterpreted: [...incident.uninterpreted, event.seq] };
  const next: Incident = { ...applied, lastSeq: event.seq };
  if (hasRedactableText(event.type, event.data)) next.redactable = [...incident.redactable, event.seq];
  if (next.figures.timeToAcknowledge === undefined && event.actor.kind === 'user') {
    next.figures = { ...next.figures, timeToAcknowledge: milestone(incident, event) };
  }
  return next;
}

/**
 * The incident as its events say it is. `from` continues an earlier fold (the state after its
 * lastSeq) with the events after it. Throws on an empty timeline (no incident) and on damage.
 */
export function reduceIncident(events: readonly TimelineEvent[], from?: Incident): Incident {
  let incident = from;
  for (const event of events) incident = applyEvent(incident, event);
  if (incident === undefined) throw new Error('reduceIncident needs at least the incident.opened event; an empty timeline is no incident');
  return incident;
}
