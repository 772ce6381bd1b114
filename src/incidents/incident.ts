import type { WalkState } from '../engine/walkState.js';
import type { IncidentRole } from './incidentRole.js';
import type { IncidentStatus } from './incidentStatus.js';
import type { FeedbackKind } from './feedbackKind.js';
import type { FollowUpKind } from './followUpKind.js';
import type { RunbookRef } from './incidentEvent.js';
import type { Severity } from './severity.js';
import type { Actor } from './timelineEvent.js';

/** A note as the incident holds it. A redacted note keeps its place but not its text. */
export interface IncidentNote {
  seq: number;
  at: string;
  actor: Actor;
  text?: string;
  claimedAt?: string;
  redacted: boolean;
}

/** Runbook feedback as the incident holds it (runbook.feedback). A redacted one keeps its place but not its text. */
export interface IncidentFeedback {
  seq: number;
  at: string;
  actor: Actor;
  runbookId: string;
  runbookHash?: string;
  node: string;
  kind: FeedbackKind;
  text?: string;
  redacted: boolean;
}

/** A follow-up action item as the incident holds it (followup.added). A redacted one keeps its place but not its text. */
export interface IncidentFollowUp {
  seq: number;
  at: string;
  actor: Actor;
  kind: FollowUpKind;
  text?: string;
  owner?: string;
  redacted: boolean;
}

/** The runbook walk in progress (or the last one, ended). */
export interface IncidentWalk {
  runbookId: string;
  runbookTitle: string;
  /** The runbook version it follows (a key of Incident.pins); absent on walks recorded before pinning, which follow the server's current version. */
  runbookHash?: string;
  labels?: Record<string, string>;
  /** The seq of its walk.started event. */
  startedSeq: number;
  /** Rebuilt from the recorded walk events: the same state the engine reached, without re-running checks. */
  state: WalkState;
  /** Who the end node said to page next. */
  handoff?: string;
  /** The `at` of its last step.entered or walk.ended: since when it waits where it is (or has ended). */
  enteredAt?: string;
}

/** A runbook version this incident pinned: which runbook, and the seq of the runbook.pinned event that holds its text. */
export interface RunbookPin {
  runbookId: string;
  seq: number;
}

/** What alert notifications said on this incident: how the alert intake finds the incident for the next one. */
export interface IncidentAlerts {
  /** Every groupKey recorded here, first seen first. */
  groupKeys: string[];
  /** The seq of the latest notification of each groupKey. */
  groupKeySeqs: Record<string, number>;
  /** Each alert fingerprint seen here → the `at` of the latest notification naming it. */
  fingerprints: Record<string, string>;
  /** Fingerprints whose latest notification said firing, first seen first. */
  firing: string[];
}

/** A moment a figure is measured to: the event that marks it and how long after the opening it came. */
export interface Milestone {
  seq: number;
  at: string;
  /** Milliseconds from the opening event's `at` (0 if the server clock stepped back). */
  afterMs: number;
}

/**
 * Derived figures, each measured from the opening event.
 * - timeToAcknowledge: the first event a person caused (actor kind `user`), the opening included:
 *   an incident a person opens is acknowledged at once; one opened by an alert or the system is
 *   acknowledged by the first thing a person records on it (a note, a role, a status, a walk step…).
 * - timeToMitigate: the first `action.completed` with `mitigation: true`, or the first move to
 *   `mitigated` or a later status (a jump straight to resolved counts), whichever comes first. Never
 *   cleared, even by a reopen.
 * - timeToResolve: the move to `resolved` (or straight to `closed`) in effect: a reopen clears it, the
 *   next resolution sets it again.
 */
export interface IncidentFigures {
  timeToAcknowledge?: Milestone;
  timeToMitigate?: Milestone;
  timeToResolve?: Milestone;
}

/** An incident's current state: the fold of its events (reduceIncident). Plain JSON-safe data. */
export interface Incident {
  id: string;
  title: string;
  /** Absent when never given, or redacted. */
  summary?: string;
  severity: Severity;
  status: IncidentStatus;
  openedAt: string;
  openedBy: Actor;
  /** The runbook named when opening, if any. */
  runbook?: RunbookRef;
  /** The current holder (user name) of each role that has one. */
  roles: Partial<Record<IncidentRole, string>>;
  walk?: IncidentWalk;
  /** Runbook versions pinned here, by hash (the text stays in the runbook.pinned event, not in the fold). */
  pins: Record<string, RunbookPin>;
  /** Present once an alert notification was recorded (alert.received, alert.resolved). */
  alerts?: IncidentAlerts;
  notes: IncidentNote[];
  /** Runbook feedback given on this incident, in seq order. */
  feedback: IncidentFeedback[];
  /** Follow-up action items, in seq order. */
  followUps: IncidentFollowUp[];
  /** Seqs of starred entries, ascending. */
  starred: number[];
  /** Seqs of redacted entries, ascending. */
  redacted: number[];
  /** Seqs of entries holding free text a person typed (redactable), ascending; redacted ones included. */
  redactable: number[];
  lastSeq: number;
  figures: IncidentFigures;
  /** Seqs of events this fold could not use (unknown type, malformed data, impossible target); kept in the timeline. */
  uninterpreted: number[];
}
