import type { LintRule } from '../lintContext.js';
import { guaranteedCoverage, isPlain } from '../branchSets.js';
import { complement, describeSet, isEverything } from '../realSet.js';

/** A check with no `default` must match some branch for every value, or the walk has nowhere to go. */
export const checkMayMiss: LintRule = (ctx) =>
  ctx.graph.ids.flatMap((id) => {
    const node = ctx.graph.node(id);
    if (node?.type !== 'check' || node.default !== undefined) return [];
    const at = ctx.map.locate(['nodes', id], 'key');
    const covered = guaranteedCoverage(node);
    if (covered === undefined) {
      return [ctx.problem('check-may-miss', at,
        `check '${id}' has no \`default\`, and with \`reduce: all\` its branches all miss whenever the series disagree (one matches a branch, another does not); add \`default: <node>\``)];
    }
    if (isEverything(covered)) return [];
    const windowed = node.branches.some((b) => !isPlain(b)) ? ' (branches with `for` or `change` do not count: they can miss whatever the value)' : '';
    return [ctx.problem('check-may-miss', at,
      `check '${id}' has no \`default\`, and no branch surely matches values ${describeSet(complement(covered))}${windowed}; add \`default: <node>\` or a branch that covers them`)];
  });
