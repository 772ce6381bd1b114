// The shapes the server's API sends, as the browser reads them. Types only: they come from the
// server and core modules that produce them, so a change there breaks the client's type check.
import type { AccessRole } from '../../incidents/accessRole.js';
import type { IncidentFigures, IncidentWalk } from '../../incidents/incident.js';
import type { IncidentRole } from '../../incidents/incidentRole.js';
import type { IncidentStatus } from '../../incidents/incidentStatus.js';
import type { RunbookRef } from '../../incidents/incidentEvent.js';
import type { Severity } from '../../incidents/severity.js';
import type { Actor } from '../../incidents/timelineEvent.js';
import type { Runbook } from '../../runbook/types.js';

export type { AccessRole } from '../../incidents/accessRole.js';
export type { Incident, IncidentFigures, Milestone } from '../../incidents/incident.js';
export type { IncidentRole } from '../../incidents/incidentRole.js';
export type { IncidentStatus } from '../../incidents/incidentStatus.js';
export type { Severity } from '../../incidents/severity.js';
export type { Actor } from '../../incidents/timelineEvent.js';
export type { TimelineEntry } from '../../incidents/timelineView.js';
export type { RunbookFeedbackItem } from '../../incidents/runbookFeedbackItem.js';
export type { Runbook, RunbookNode, CheckNode, QuestionNode, ActionNode, EndNode, InputSpec } from '../../runbook/types.js';

/** Who is signed in (GET/POST /api/session). */
export interface SessionUser {
  name: string;
  role: AccessRole;
}

/** One user looking at an incident (socket `presence`). */
export interface PresentUser {
  name: string;
  connections: number;
}

/** An incident as GET /api/incidents and the lobby's `incident` event give it (server/incidentSummary.ts). */
export interface IncidentSummary {
  id: string;
  title: string;
  severity: Severity;
  status: IncidentStatus;
  openedAt: string;
  openedBy: Actor;
  roles: Partial<Record<IncidentRole, string>>;
  lastSeq: number;
  figures: IncidentFigures;
  runbook?: RunbookRef;
  walk?: Pick<IncidentWalk, 'runbookId' | 'runbookTitle'> & {
    current: string | null;
    ended?: NonNullable<IncidentWalk['state']['ended']>;
    /** When the walk entered its current node (or ended). */
    since?: string;
  };
}

/** A validation problem, as `runpath validate --format json` gives it. */
export interface ApiProblem {
  file: string;
  line: number;
  column: number;
  severity: 'error' | 'warning' | 'info';
  rule: string;
  message: string;
}

/** A runbook as GET /api/runbooks lists it. */
export interface RunbookSummary {
  id: string;
  title: string;
  start: string;
  inputs: NonNullable<Runbook['inputs']>;
  summary?: string;
  tags?: string[];
  owners?: string[];
  match?: Runbook['match'];
  file?: string;
  problems?: ApiProblem[];
}

/** A runbook file the server left out because it has errors. */
export interface RejectedRunbook {
  file: string;
  id?: string;
  problems: ApiProblem[];
}

/** The `{ error }` body of every refusal. */
export interface ApiErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}
