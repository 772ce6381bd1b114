// The postmortem draft as data (JSON-safe): what buildPostmortem makes from a timeline and
// renderPostmortemMarkdown writes out. Every free text a person typed is absent when its entry was
// redacted (`redacted: true` says so); times are the events' server times, UTC ISO 8601.
import type { FeedbackKind } from '../feedbackKind.js';
import type { FollowUpKind } from '../followUpKind.js';
import type { Outcome } from '../../runbook/types.js';
import type { IncidentRole } from '../incidentRole.js';
import type { IncidentStatus } from '../incidentStatus.js';
import type { Severity } from '../severity.js';

/** A duration both ways: exact milliseconds for tools, and the same in words for people ("12m 30s"). */
export interface PostmortemDuration {
  ms: number;
  text: string;
}

/** One of the four moments the incident's figures are measured to. */
export interface KeyTime {
  /** The event that marks it. */
  seq: number;
  at: string;
  /** From the opening (the fold's figure). */
  afterOpening: PostmortemDuration;
}

export interface KeyTimes {
  opened: KeyTime;
  acknowledged?: KeyTime;
  mitigated?: KeyTime;
  resolved?: KeyTime;
}

/**
 * When users were affected, as far as the timeline knows: from the first alert's `startsAt` (the
 * alert fired before anyone opened anything) or else the opening, to the mitigation, and to the
 * resolution. `until` names which end bounds the window; absent while neither happened.
 */
export interface ImpactWindow {
  start: { at: string; basis: 'first_alert' | 'opened'; seq: number };
  mitigated?: { at: string; seq: number; afterStart: PostmortemDuration };
  resolved?: { at: string; seq: number; afterStart: PostmortemDuration };
  until?: 'mitigated' | 'resolved';
  /** From the start to `until`. */
  duration?: PostmortemDuration;
}

export interface SeverityChange {
  seq: number;
  at: string;
  actor: string;
  from: Severity;
  to: Severity;
}

export interface StatusChange {
  seq: number;
  at: string;
  actor: string;
  from: IncidentStatus;
  to: IncidentStatus;
  reopened: boolean;
  reason?: string;
  redacted: boolean;
}

/** A role given to someone; `previous` set makes it a handoff. */
export interface RoleAssignment {
  seq: number;
  at: string;
  actor: string;
  role: IncidentRole;
  user: string;
  previous?: string;
}

export interface RolesHeld {
  /** Who holds each role now. */
  current: Partial<Record<IncidentRole, string>>;
  /** Every assignment in order; handoffs are those with `previous`. */
  assignments: RoleAssignment[];
}

/** What happened at a check: the value read and the branch it took. */
export interface CheckStepResult {
  kind: 'check';
  seq: number;
  at: string;
  /** Who ran (or confirmed a preview of) the check. */
  actor: string;
  query?: string;
  source?: string;
  value: number | null;
  unit?: string;
  /** The value in its unit, as people read it. */
  valueText: string;
  branch: number | 'default';
  /** The branch in words: its label and condition from the walked version, or its number. */
  condition: string;
  next: string;
}

/** A check that could not read its metric, and where the runbook said to go then. */
export interface CheckFailedStepResult {
  kind: 'check_failed';
  seq: number;
  at: string;
  actor: string;
  query?: string;
  source?: string;
  status: 'no_data' | 'error' | 'timeout';
  reason: string;
  /** The outlet the walk followed: on_no_data or on_error. */
  fallback: 'on_no_data' | 'on_error';
  next: string;
}

export interface AnswerStepResult {
  kind: 'answer';
  seq: number;
  at: string;
  actor: string;
  /** The question as the walked version asked it, when known. */
  question?: string;
  answer: string;
  next: string;
}

export interface ActionStepResult {
  kind: 'action';
  seq: number;
  at: string;
  actor: string;
  done: boolean;
  mitigation: boolean;
  note?: string;
  /** The action's note was redacted. */
  redacted: boolean;
  next: string;
}

export type StepResult = CheckStepResult | CheckFailedStepResult | AnswerStepResult | ActionStepResult;

/** One node the walk entered, in order, and what was decided there (absent while it still waits). */
export interface PathStep {
  /** The step.entered event. */
  seq: number;
  at: string;
  node: string;
  nodeType: 'check' | 'question' | 'action' | 'end';
  visit: number;
  /** The node's title (an action's title, a question's text) in the walked version, when known. */
  title?: string;
  result?: StepResult;
}

export interface WalkEnd {
  seq: number;
  at: string;
  actor: string;
  node: string | null;
  outcome: Outcome;
  by: 'end' | 'max_visits';
  handoff?: string;
}

export interface WalkReport {
  runbookId: string;
  runbookTitle: string;
  /** sha256 of the runbook text walked (runbook.pinned / walk.started), when recorded. */
  runbookHash?: string;
  /** The walk.started event. */
  seq: number;
  at: string;
  actor: string;
  inputs: Record<string, string>;
  steps: PathStep[];
  end?: WalkEnd;
}

/** A completed action: the actions taken, mitigations first. */
export interface ActionTaken {
  seq: number;
  at: string;
  actor: string;
  runbookId: string;
  node: string;
  title?: string;
  mitigation: boolean;
  note?: string;
  redacted: boolean;
}

export interface StarredEntry {
  seq: number;
  at: string;
  actor: string;
  type: string;
  /** The entry in words, without any redacted text. */
  description: string;
  redacted: boolean;
}

export interface PostmortemNote {
  seq: number;
  at: string;
  /** When the author says it happened, if they said. */
  claimedAt?: string;
  author: string;
  text?: string;
  redacted: boolean;
}

export interface AlertSummary {
  fingerprint: string;
  status: 'firing' | 'resolved';
  /** The alertname label, when it has one. */
  name?: string;
  labels: Record<string, string>;
  /** The summary (or description) annotation. */
  summary?: string;
  startsAt: string;
  endsAt?: string;
}

export interface AlertEntry {
  seq: number;
  at: string;
  actor: string;
  kind: 'received' | 'resolved';
  status: 'firing' | 'resolved';
  groupKey: string;
  alerts: AlertSummary[];
  omittedAlerts: number;
  /** Fingerprints a resolved notification resolves. */
  resolves?: string[];
  grouping: { decision: 'opened' | 'grouped'; by?: 'group_key' | 'fingerprint'; reason: string };
}


export interface FeedbackEntry {
  seq: number;
  at: string;
  actor: string;
  runbookId: string;
  runbookHash?: string;
  node: string;
  kind: FeedbackKind;
  text?: string;
  redacted: boolean;
}


export interface FollowUp {
  seq: number;
  at: string;
  actor: string;
  kind: FollowUpKind;
  text?: string;
  owner?: string;
  redacted: boolean;
}

/** A runbook version walked in this incident. */
export interface RunbookVersion {
  runbookId: string;
  /** Absent for a walk recorded before versions were pinned. */
  hash?: string;
  /** The runbook.pinned event holding its text. */
  pinnedSeq?: number;
  file?: string;
  /** The walk.started events that walked it. */
  walks: number[];
}

export interface Postmortem {
  incidentId: string;
  title: string;
  severity: Severity;
  severityChanges: SeverityChange[];
  status: IncidentStatus;
  statusChanges: StatusChange[];
  /** Absent when none was given or it was redacted (`summaryRedacted`). */
  summary?: string;
  summaryRedacted: boolean;
  openedAt: string;
  openedBy: string;
  impact: ImpactWindow;
  keyTimes: KeyTimes;
  roles: RolesHeld;
  walks: WalkReport[];
  actionsTaken: ActionTaken[];
  starred: StarredEntry[];
  notes: PostmortemNote[];
  alerts: AlertEntry[];
  feedback: FeedbackEntry[];
  followUps: Record<FollowUpKind, FollowUp[]>;
  runbookVersions: RunbookVersion[];
  /** Seqs of the redacted entries: listed, never shown. */
  redacted: number[];
  /** The timeline it was built from: seq 1 to this. */
  lastSeq: number;
}
