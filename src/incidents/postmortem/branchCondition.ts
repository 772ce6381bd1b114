import { conditionLabel } from '../../runbook/graph/conditionLabel.js';
import type { Runbook } from '../../runbook/types.js';

/**
 * The branch a check took, in words: the author's label and condition in the walked version
 * ("p99 above 500ms (> 0.5)"), its number when that version is unknown, or the default.
 */
export function branchCondition(runbook: Runbook | undefined, nodeId: string, branch: number | 'default'): string {
  if (branch === 'default') return 'no branch matched (default)';
  const node = runbook && Object.hasOwn(runbook.nodes, nodeId) ? runbook.nodes[nodeId] : undefined;
  const chosen = node?.type === 'check' ? node.branches[branch] : undefined;
  if (node?.type !== 'check' || chosen === undefined) return `branch ${branch + 1}`;
  const condition = conditionLabel(chosen.when, node.compare?.offset);
  return chosen.label === undefined || chosen.label.trim() === '' ? condition : `${chosen.label} (${condition})`;
}
