import type { LintRule } from '../lintContext.js';
import { conditionText } from '../branchSets.js';

/** A `change` condition compares with the `compare` baseline; without `compare` there is none and it never matches. */
export const changeWithoutCompare: LintRule = (ctx) =>
  ctx.graph.ids.flatMap((id) => {
    const node = ctx.graph.node(id);
    if (node?.type !== 'check' || node.compare !== undefined) return [];
    return node.branches.flatMap((branch, i) => (branch.when.change === undefined ? [] : [
      ctx.problem('change-without-compare', ctx.map.locate(['nodes', id, 'branches', i, 'when', 'change']),
        `branch ${i + 1} (${conditionText(branch.when)}) of check '${id}' can never match: \`change\` is relative to the \`compare\` baseline and the check has no \`compare\`; add \`compare: { offset: 1d }\` (or the offset of a known-good time) to the check, or compare the \`value\` instead`),
    ]));
  });
