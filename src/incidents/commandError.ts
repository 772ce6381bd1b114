import type { WalkErrorCode } from '../engine/walkError.js';
import type { IncidentWalk } from './incident.js';

/** Stable codes a client may branch on, with the HTTP status each maps to. */
const STATUS = {
  /** No incident with that id. */
  not_found: 404,
  /** The timeline has no entry with that seq. */
  entry_not_found: 404,
  /** The access role does not allow the command. */
  forbidden: 403,
  /** An incident with that id already exists. */
  incident_exists: 409,
  /** The incident is closed: only a reopen, stars and redactions apply. */
  incident_closed: 409,
  /** The status cannot move that way. */
  invalid_transition: 409,
  /** The command asks for what already is (same status, severity, holder, star, redaction). */
  no_change: 409,
  /** No walk was started on the incident. */
  no_walk: 409,
  /** A walk is in progress and the command did not name its current node. */
  walk_in_progress: 409,
  /** The walk is not at the node the command names (timeline promise 3); details carry the current state. */
  stale_node: 409,
  /** The runbook the walk follows is not loaded on this server any more. */
  runbook_unavailable: 409,
  /** The payload is malformed or out of bounds. */
  invalid_command: 422,
  /** The payload names a runbook this server does not have. */
  unknown_runbook: 422,
  /** The entry holds no typed text to redact. */
  not_redactable: 422,
  /** Feedback names a node the runbook the incident walks does not have. */
  node_not_in_runbook: 422,
  // The engine's refusals, by the same codes (see WalkErrorCode).
  walk_ended: 409,
  wrong_input: 409,
  unknown_node: 409,
  wrong_runbook: 409,
  unknown_answer: 422,
  missing_input: 422,
  invalid_input: 422,
  bad_duration: 422,
  template_error: 422,
} as const satisfies Record<string, number> & Record<WalkErrorCode, number>;

export type CommandErrorCode = keyof typeof STATUS;

/** What a refusal knows about the incident now, so the sender can catch up without another read. */
export interface CommandErrorDetails {
  lastSeq?: number;
  /** The walk as it stands (stale_node, walk_ended, walk_in_progress). */
  walk?: IncidentWalk;
  /** Where the walk waits now; null once it ended. */
  current?: string | null;
  /** What would have been accepted (statuses a move may go to, answers a question has…). */
  allowed?: string[];
}

/** A command refused. `message` says how to fix it; `status` is the HTTP status for `code`. */
export class CommandError extends Error {
  override readonly name = 'CommandError';
  readonly status: number;

  constructor(
    readonly code: CommandErrorCode,
    message: string,
    readonly details?: CommandErrorDetails,
  ) {
    super(message);
    this.status = STATUS[code];
  }
}

export function commandErrorStatus(code: CommandErrorCode): number {
  return STATUS[code];
}
