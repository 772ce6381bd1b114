/** Stable codes callers (CLI, server) may branch on; the message says how to fix the problem. */
export type WalkErrorCode =
  | 'walk_ended'
  | 'wrong_input'
  | 'unknown_answer'
  | 'unknown_node'
  | 'wrong_runbook'
  | 'missing_input'
  | 'invalid_input'
  | 'bad_duration'
  | 'template_error';

export class WalkError extends Error {
  override readonly name = 'WalkError';

  constructor(
    readonly code: WalkErrorCode,
    message: string,
  ) {
    super(message);
  }
}
