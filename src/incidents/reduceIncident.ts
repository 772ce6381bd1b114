import { applyAlertEvent } from './alerts/applyAlertEvent.js';
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
    pins: {},
    notes: [],
    feedback: [],
    followUps: [],
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

/** A copy of the incident whose lists this fold may change in place (objects inside are replaced, never changed). */
function own(incident: Incident): Incident {
  return {
    ...incident,
    notes: [...incident.notes],
    feedback: [...incident.feedback],
    followUps: [...incident.followUps],
    starred: [...incident.starred],
    redacted: [...incident.redacted],
    redactable: [...incident.redactable],
    uninterpreted: [...incident.uninterpreted],
  };
}

function redact(draft: Incident, seq: number): void {
  if (draft.redacted.includes(seq)) return;
  draft.redacted = withSeq(draft.redacted, seq);
  if (seq === 1) delete draft.summary;
  hideText(draft.notes, seq);
  hideText(draft.feedback, seq);
  hideText(draft.followUps, seq);
}

/** Replaces the entry of `seq` in a list of typed entries by one without its text, marked redacted. */
function hideText(list: { seq: number; text?: string; redacted: boolean }[], seq: number): void {
  const index = list.findIndex((entry) => entry.seq === seq);
  const entry = list[index];
  if (!entry) return;
  const hidden = { ...entry, redacted: true };
  delete hidden.text;
  list[index] = hidden;
}

/**
 * Applies a checked event to a draft this fold owns (see own). Returns false, having changed
 * nothing, when the event cannot apply to this state (it stays uninterpreted).
 */
function applyTyped(draft: Incident, event: TimelineEvent, typed: TypedTimelineEvent): boolean {
  switch (typed.type) {
    case 'incident.opened':
      return false;
    case 'status.changed':
      draft.figures = statusFigures(draft, event, typed.data);
      draft.status = typed.data.to;
      return true;
    case 'severity.changed':
      draft.severity = typed.data.to;
      return true;
    case 'role.assigned':
      draft.roles = { ...draft.roles, [typed.data.role]: typed.data.user };
      return true;
    case 'note.added': {
      const note = { seq: event.seq, at: event.at, actor: event.actor, text: typed.data.text, redacted: false };
      draft.notes.push(typed.data.claimedAt === undefined ? note : { ...note, claimedAt: typed.data.claimedAt });
      return true;
    }
    case 'entry.starred': {
      const { seq, starred } = typed.data;
      if (seq >= event.seq) return false;
      draft.starred = starred ? withSeq(draft.starred, seq) : draft.starred.filter((s) => s !== seq);
      return true;
    }
    case 'entry.redacted':
      if (!draft.redactable.includes(typed.data.seq)) return false;
      redact(draft, typed.data.seq);
      return true;
    case 'walk.started': {
      const { runbookId, runbookTitle, inputs, labels, runbookHash } = typed.data;
      const state = { runbookId, current: null, path: [], visits: {}, inputs: { ...inputs } };
      draft.walk = {
        runbookId,
        runbookTitle,
        ...(runbookHash === undefined ? {} : { runbookHash }),
        startedSeq: event.seq,
        state,
        ...(labels === undefined ? {} : { labels: { ...labels } }),
      };
      return true;
    }
    case 'runbook.pinned': {
      const { hash, runbookId } = typed.data;
      // The first pin of a version holds its text; a repeat adds nothing.
      if (!Object.hasOwn(draft.pins, hash)) draft.pins = { ...draft.pins, [hash]: { runbookId, seq: event.seq } };
      return true;
    }
    case 'runbook.feedback': {
      const { runbookId, runbookHash, node, kind, text } = typed.data;
      draft.feedback.push({ seq: event.seq, at: event.at, actor: event.actor, runbookId, ...(runbookHash === undefined ? {} : { runbookHash }), node, kind, text, redacted: false });
      return true;
    }
    case 'followup.added': {
      const { kind, text, owner } = typed.data;
      draft.followUps.push({ seq: event.seq, at: event.at, actor: event.actor, kind, text, ...(owner === undefined ? {} : { owner }), redacted: false });
      return true;
    }
    case 'alert.received':
    case 'alert.resolved':
      // Recorded, never acted on: a resolved alert leaves the status alone (people close incidents).
      draft.alerts = applyAlertEvent(draft.alerts, typed, event.seq, event.at);
      return true;
    default: {
      const walk = draft.walk;
      if (!walk || walk.state.ended) return false;
      const moved = { ...walk, state: applyWalkEvent(walk.state, typed) };
      if (typed.type === 'walk.ended' && typed.data.handoff !== undefined) moved.handoff = typed.data.handoff;
      // The event carries the time (the store's clock): the fold itself reads none.
      if (typed.type === 'step.entered' || typed.type === 'walk.ended') moved.enteredAt = event.at;
      draft.walk = moved;
      if (typed.type === 'action.completed' && typed.data.mitigation && draft.figures.timeToMitigate === undefined) {
        draft.figures = { ...draft.figures, timeToMitigate: milestone(draft, event) };
      }
      return true;
    }
  }
}

/** Folds the next event into a draft this fold owns. Throws DamagedTimelineError when it is not the next seq. */
function fold(draft: Incident, event: TimelineEvent): void {
  if (event.incidentId !== draft.id) {
    throw new DamagedTimelineError(draft.id, `event seq ${event.seq} belongs to incident ${event.incidentId}`);
  }
  if (event.seq !== draft.lastSeq + 1) {
    throw new DamagedTimelineError(draft.id, `expected seq ${draft.lastSeq + 1} after ${draft.lastSeq}, got ${event.seq}`);
  }
  draft.lastSeq = event.seq;
  const typed = typedEvent(event);
  if (!typed || !applyTyped(draft, event, typed)) {
    draft.uninterpreted.push(event.seq);
    return;
  }
  if (hasRedactableText(event.type, event.data)) draft.redactable.push(event.seq);
  if (draft.figures.timeToAcknowledge === undefined && event.actor.kind === 'user') {
    draft.figures = { ...draft.figures, timeToAcknowledge: milestone(draft, event) };
  }
}

/**
 * Folds one more event into the incident (undefined before the first). Pure: the input is not
 * changed, so a state may be kept and extended as events arrive (same result as folding all at once).
 * Throws DamagedTimelineError when the event is not the next seq.
 */
export function applyEvent(incident: Incident | undefined, event: TimelineEvent): Incident {
  return reduceIncident([event], incident);
}

/**
 * The incident as its events say it is. `from` continues an earlier fold (the state after its
 * lastSeq) with the events after it, and is not changed. Linear in the number of events: the lists
 * are copied once per call, then grown in place. Throws on an empty timeline (no incident) and on damage.
 */
export function reduceIncident(events: readonly TimelineEvent[], from?: Incident): Incident {
  let draft = from && own(from);
  for (const event of events) {
    if (draft === undefined) draft = open(event);
    else fold(draft, event);
  }
  if (draft === undefined) throw new Error('reduceIncident needs at least the incident.opened event; an empty timeline is no incident');
  return draft;
}
