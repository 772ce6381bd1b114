// The payload of every timeline event, by `type`. The store keeps `data` opaque; parseIncidentEvent
// checks an unknown payload against these shapes before anything trusts it.
import type { WalkEvent } from '../engine/walkEvent.js';
import type { AlertGrouping, AlertNotification } from './alerts/alertNotification.js';
import type { FeedbackKind } from './feedbackKind.js';
import type { FollowUpKind } from './followUpKind.js';
import type { Actor, TimelineEvent } from './timelineEvent.js';
import type { IncidentRole } from './incidentRole.js';
import type { IncidentStatus } from './incidentStatus.js';
import type { Severity } from './severity.js';

export interface RunbookRef {
  id: string;
  title: string;
}

/** One series of a check's trend: samples [unix seconds, value], oldest first; null for NaN and ±Inf. */
export interface CheckTrendSeries {
  labels: Record<string, string>;
  samples: [number, number | null][];
}

/**
 * How a check was run, added by the server's stepCheck (query as sent, source name and type,
 * milliseconds the source took, the metric's recent trend for display). Optional: the engine
 * alone does not know them, and events recorded before trends existed have none.
 */
export interface CheckMetaFields {
  query?: string;
  source?: string;
  sourceType?: string | null;
  durationMs?: number;
  trend?: CheckTrendSeries[];
}

type EngineData<T extends WalkEvent['type']> = Extract<WalkEvent, { type: T }>['data'];

/** JSON has no Infinity or NaN: a stored check value may come back as null. */
type StoredNumber = number | null;

export type CheckEvaluatedData = Omit<EngineData<'check.evaluated'>, 'value' | 'series'> &
  CheckMetaFields & {
    value: StoredNumber;
    series: { labels: Record<string, string>; value: StoredNumber; matched: boolean }[];
  };

export type CheckFailedData = EngineData<'check.failed'> & CheckMetaFields;

/** The engine's walk events as they sit on the timeline (check events may carry CheckMetaFields). */
export type WalkTimelineEvent =
  | Exclude<WalkEvent, { type: 'check.evaluated' | 'check.failed' }>
  | { type: 'check.evaluated'; data: CheckEvaluatedData }
  | { type: 'check.failed'; data: CheckFailedData };

export interface IncidentOpenedData {
  title: string;
  severity: Severity;
  summary?: string;
  /** The runbook walked from the start, when one was named. */
  runbook?: RunbookRef;
  /** The inputs as given (walk.started holds them resolved, defaults filled in). */
  inputs?: Record<string, string>;
}

export interface StatusChangedData {
  from: IncidentStatus;
  to: IncidentStatus;
  reason?: string;
  /** Set on a move from resolved/closed back to investigating. */
  reopened?: true;
}

export interface RoleAssignedData {
  role: IncidentRole;
  user: string;
  /** The holder this assignment replaces: a handoff. */
  previous?: string;
}

export interface NoteAddedData {
  text: string;
  /** When the author says it happened (ISO 8601, UTC): backdating. The event's `at` stays server time. */
  claimedAt?: string;
}

export interface WalkStartedData {
  runbookId: string;
  runbookTitle: string;
  /** Resolved inputs: defaults filled in, patterns checked. */
  inputs: Record<string, string>;
  /** Alert labels for `{{ labels.x }}` in queries. */
  labels?: Record<string, string>;
  /** The version walked (see runbook.pinned); absent on timelines recorded before pinning. */
  runbookHash?: string;
}

/**
 * The text of a runbook version this incident walks, recorded (once per version) just before the
 * walk.started that walks it: the walk keeps following it after the file is edited.
 */
export interface RunbookPinnedData {
  runbookId: string;
  /** sha256 (hex) of `text`. */
  hash: string;
  text: string;
  file?: string;
}

/** A responder's flag on a node of the runbook the incident walks, for the runbook's owners. */
export interface RunbookFeedbackData {
  runbookId: string;
  /** The version walked (walk.started's runbookHash), when it was pinned. */
  runbookHash?: string;
  node: string;
  kind: FeedbackKind;
  /** Typed by a person: redactable. */
  text: string;
}

/** An action item for after the incident, typed by what it is for. */
export interface FollowUpAddedData {
  kind: FollowUpKind;
  /** Typed by a person: redactable. */
  text: string;
  /** Who will do it (a person or a team, free text). */
  owner?: string;
}

/** A notification recorded on the incident (by an alert source): the alerts, and why it landed here. */
export type AlertReceivedData = AlertNotification & { grouping: AlertGrouping };

/** A resolved notification: recorded, but the incident stays as it is (people close incidents). */
export type AlertResolvedData = Omit<AlertNotification, 'status'> & {
  /** The fingerprints the notification resolves. */
  fingerprints: string[];
  grouping: AlertGrouping;
};

export type IncidentEvent =
  | { type: 'incident.opened'; data: IncidentOpenedData }
  | { type: 'status.changed'; data: StatusChangedData }
  | { type: 'severity.changed'; data: { from: Severity; to: Severity } }
  | { type: 'role.assigned'; data: RoleAssignedData }
  | { type: 'note.added'; data: NoteAddedData }
  | { type: 'entry.starred'; data: { seq: number; starred: boolean } }
  | { type: 'entry.redacted'; data: { seq: number; reason?: string } }
  | { type: 'walk.started'; data: WalkStartedData }
  | { type: 'runbook.pinned'; data: RunbookPinnedData }
  | { type: 'runbook.feedback'; data: RunbookFeedbackData }
  | { type: 'followup.added'; data: FollowUpAddedData }
  | { type: 'alert.received'; data: AlertReceivedData }
  | { type: 'alert.resolved'; data: AlertResolvedData }
  | WalkTimelineEvent;

export type IncidentEventType = IncidentEvent['type'];

export type IncidentEventOf<T extends IncidentEventType> = Extract<IncidentEvent, { type: T }>;

/** What a command produces: a typed payload and who caused it. Assignable to EventDraft. */
export type IncidentDraft = IncidentEvent & { actor: Actor };

/** A stored event whose payload was checked (see parseIncidentEvent). */
export type TypedTimelineEvent = Omit<TimelineEvent, 'type' | 'data'> & IncidentEvent;
