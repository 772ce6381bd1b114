/**
 * A timeline that cannot be folded: it does not start with incident.opened at seq 1, or its seqs
 * have a gap or a repeat. The store promises neither happens; if one does, the state would be
 * wrong, so folding stops instead of guessing.
 */
export class DamagedTimelineError extends Error {
  override readonly name = 'DamagedTimelineError';
  readonly code = 'damaged_timeline';

  constructor(
    readonly incidentId: string,
    message: string,
  ) {
    super(`incident ${incidentId}: ${message}; its stored events are damaged (restore the data file from a backup)`);
  }
}
