import type { CheckNode } from '../api/apiTypes.js';

/**
 * The numbers a check's branches compare its value with, when a condition has one (`> 0.05`),
 * for threshold lines on its sparkline. Ranges and relative changes have no single line to draw.
 */
export function checkThresholds(node: CheckNode): number[] {
  const values = new Set<number>();
  for (const branch of node.branches) {
    const { op, value, change } = branch.when;
    if (change !== undefined || op === 'between' || op === 'outside') continue;
    if (typeof value === 'number' && Number.isFinite(value)) values.add(value);
  }
  return [...values];
}
