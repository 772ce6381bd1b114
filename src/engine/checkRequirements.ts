import type { CheckNode } from '../runbook/types.js';
import { parseDuration } from './parseDuration.js';

/** What a metric source must fetch for a check: a range long enough for `for`, and a baseline offset. */
export interface CheckRequirements {
  /** The longest `for` window among the branches; absent when an instant query suffices. */
  rangeSeconds?: number;
  /** How far back the `compare` baseline is; absent without `compare`. */
  baselineOffsetSeconds?: number;
}

export function checkRequirements(node: CheckNode): CheckRequirements {
  const requirements: CheckRequirements = {};
  for (const branch of node.branches) {
    if (branch.when.for === undefined) continue;
    const seconds = parseDuration(branch.when.for);
    requirements.rangeSeconds = Math.max(requirements.rangeSeconds ?? 0, seconds);
  }
  if (node.compare) requirements.baselineOffsetSeconds = parseDuration(node.compare.offset);
  return requirements;
}
