import type { Branch, CheckNode } from '../../types.js';
import type { LintContext, LintRule } from '../lintContext.js';
import { branchList, conditionText } from '../branchSets.js';
import { complement, conditionSet, isSubset, union, type RealSet } from '../realSet.js';

const UNIT_MS: Record<string, number> = { ms: 1, s: 1e3, m: 6e4, h: 3.6e6, d: 8.64e7, w: 6.048e8, y: 3.1536e10 };

/** `10m` and `600s` are the same window. */
function windowMs(duration: string | undefined): number | undefined {
  if (duration === undefined) return undefined;
  let ms = 0;
  for (const m of duration.matchAll(/(\d+)(ms|s|m|h|d|w|y)/g)) ms += Number(m[1]) * (UNIT_MS[m[2] ?? ''] ?? 0);
  return ms;
}

/**
 * Whether `earlier` competes with `later`: same kind (value or change) and the same `for` window, or
 * `earlier` has no window at all — a sustained condition also holds at the newest sample, which is
 * the value an instant condition sees, so an instant branch covering the set takes it first.
 */
function comparable(earlier: Branch, later: Branch): boolean {
  if ((earlier.when.change === undefined) !== (later.when.change === undefined)) return false;
  return earlier.when.for === undefined || windowMs(earlier.when.for) === windowMs(later.when.for);
}

function shadowProblem(ctx: LintContext, id: string, node: CheckNode, i: number, sets: readonly (RealSet | undefined)[]) {
  const branch = node.branches[i];
  const set = sets[i];
  if (branch === undefined || set === undefined) return [];
  // Position and wording only for problems: looking a position up costs more than checking a clean branch.
  const at = () => ctx.map.locate(['nodes', id, 'branches', i, 'when']);
  const name = () => `branch ${i + 1} (${conditionText(branch.when)}) of check '${id}'`;
  if (set.length === 0) {
    return [ctx.problem('shadowed-branch', at(), `${name()} can never match: no value satisfies it; for \`between\`/\`outside\` write the lower bound first`)];
  }
  const earlier: { index: number; set: RealSet }[] = [];
  for (let j = 0; j < i; j++) {
    const b = node.branches[j];
    const s = b !== undefined && comparable(b, branch) ? sets[j] : undefined;
    if (s !== undefined) earlier.push({ index: j, set: s });
  }
  const single = earlier.find((e) => isSubset(set, e.set));
  if (single) {
    const same = isSubset(single.set, set);
    const fix = same ? 'it repeats that condition; remove one of them' : 'put the stricter condition first';
    return [ctx.problem('shadowed-branch', at(), `${name()} can never match: branch ${branchList(node, [single.index])} matches every value it does; ${fix}`)];
  }
  // A union of earlier branches shadows only when one value decides (no `for` window, not `reduce: all`).
  if (branch.when.for !== undefined || node.reduce === 'all') return [];
  const overlapping = earlier.filter((e) => !isSubset(set, complement(e.set)));
  if (overlapping.length < 2 || !isSubset(set, union(...overlapping.map((e) => e.set)))) return [];
  return [ctx.problem('shadowed-branch', at(),
    `${name()} can never match: branches ${branchList(node, overlapping.map((e) => e.index))} together match every value it does; remove it or change the conditions`)];
}

/** First match wins, so a branch whose values earlier branches all take is dead. */
export const shadowedBranch: LintRule = (ctx) =>
  ctx.graph.ids.flatMap((id) => {
    const node = ctx.graph.node(id);
    if (node?.type !== 'check') return [];
    const sets = node.branches.map((b) => conditionSet(b.when));
    return node.branches.flatMap((_, i) => shadowProblem(ctx, id, node, i, sets));
  });
