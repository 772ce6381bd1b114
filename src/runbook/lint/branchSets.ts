import type { Branch, CheckNode, Condition } from '../types.js';
import { conditionSet, union, type RealSet } from './realSet.js';

/** `gt 0.05`, `between [0, 1]`, `change gt 0.5 for 10m` — a condition in the YAML's own words. */
export function conditionText(when: Condition): string {
  const operand = when.change ?? when.value;
  const shown = Array.isArray(operand) ? `[${operand.join(', ')}]` : String(operand);
  return `${when.change !== undefined ? 'change ' : ''}${when.op} ${shown}${when.for === undefined ? '' : ` for ${when.for}`}`;
}

/** A branch that matches whenever its value is in range: no `for` window, no baseline `change`. */
export function isPlain(branch: Branch): boolean {
  return branch.when.for === undefined && branch.when.change === undefined;
}

/**
 * The values for which some branch of the check surely matches, when branches can be combined:
 * with `reduce: all` a branch needs every series, so no union of branches is a guarantee.
 */
export function guaranteedCoverage(node: CheckNode): RealSet | undefined {
  if ((node.reduce ?? 'any') === 'all') return undefined;
  const sets = node.branches.filter(isPlain).map((b) => conditionSet(b.when) ?? []);
  return union(...sets);
}

/** `1 (gt 0.01)` / `1 (gt 0.01) and 2 (lt 0)`, numbering branches from 1 as people count. */
export function branchList(node: CheckNode, indexes: readonly number[]): string {
  const parts = indexes.map((i) => {
    const b = node.branches[i];
    return b === undefined ? String(i + 1) : `${i + 1} (${conditionText(b.when)})`;
  });
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1] ?? ''}`;
}
