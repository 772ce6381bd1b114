import type { LintRule } from '../lintContext.js';

/** The `compare` baseline is only read by `change` conditions; without one it is an extra query for nothing. */
export const unusedCompare: LintRule = (ctx) =>
  ctx.graph.ids.flatMap((id) => {
    const node = ctx.graph.node(id);
    if (node?.type !== 'check' || node.compare === undefined) return [];
    if (node.branches.some((b) => b.when.change !== undefined)) return [];
    return [ctx.problem('unused-compare', ctx.map.locate(['nodes', id, 'compare'], 'key'),
      `check '${id}' has \`compare\` but no branch uses \`change\`, so every evaluation fetches a baseline (offset ${node.compare.offset}) that nothing reads; remove \`compare\`, or add a branch on \`change\``)];
  });
