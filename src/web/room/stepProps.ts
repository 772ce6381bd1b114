import type { RunbookNode } from '../api/apiTypes.js';

/** What every step panel gets: the node the walk waits at, and where to report refusals that outlive it. */
export interface StepProps<N extends RunbookNode> {
  nodeId: string;
  node: N;
  /** A 409 stale_node (someone moved the walk first): shown by the Current step panel, which outlives this step. */
  onStale: (error: unknown) => void;
}
