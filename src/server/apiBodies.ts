// Request bodies of the API as their JSON Schemas (schemas/api/) define them: what handlers see once validated.
import type { FeedbackKind } from '../incidents/feedbackKind.js';
import type { FollowUpKind } from '../incidents/followUpKind.js';
import type { IncidentRole } from '../incidents/incidentRole.js';
import type { IncidentStatus } from '../incidents/incidentStatus.js';
import type { Severity } from '../incidents/severity.js';
import type { OpenIncidentCommand } from '../incidents/commands/openIncident.js';

/** POST /api/incidents (open-incident.schema.json): exactly the core's open command. */
export type OpenIncidentBody = OpenIncidentCommand;

/** A command on the timeline (timeline-command.schema.json). */
export type TimelineCommandBody =
  | { type: 'note'; text: string; claimedAt?: string }
  | { type: 'star'; seq: number; starred?: boolean }
  | { type: 'redact'; seq: number; reason?: string }
  | { type: 'role'; role: IncidentRole; user: string }
  | { type: 'status'; to: IncidentStatus; reason?: string }
  | { type: 'severity'; to: Severity }
  | { type: 'feedback'; node: string; kind: FeedbackKind; text: string }
  | { type: 'follow_up'; kind: FollowUpKind; text: string; owner?: string };

/** A command on the runbook walk (walk-command.schema.json). */
export type WalkCommandBody =
  | { type: 'start'; runbook: string; inputs?: Record<string, string>; labels?: Record<string, string>; node?: string | null }
  | { type: 'run_check'; node: string; at?: number }
  | { type: 'answer'; node: string; label: string }
  | { type: 'complete_action'; node: string; result: 'done' | 'skipped'; note?: string };

/** POST /api/incidents/:id/walk/preview (walk-preview.schema.json): the check to run without recording it. */
export interface WalkPreviewBody {
  node: string;
  at?: number;
}

/** POST /api/session (session.schema.json). */
export interface SessionBody {
  token: string;
}

export interface ApiBodies {
  'open-incident': OpenIncidentBody;
  'timeline-command': TimelineCommandBody;
  'walk-command': WalkCommandBody;
  'walk-preview': WalkPreviewBody;
  session: SessionBody;
}
