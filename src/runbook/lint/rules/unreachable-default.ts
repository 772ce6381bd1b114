import type { LintRule } from '../lintContext.js';
import { guaranteedCoverage } from '../branchSets.js';
import { isEverything } from '../realSet.js';

/** A `default` after branches that match every value is dead, and suggests a mistaken branch. */
export const unreachableDefault: LintRule = (ctx) =>
  ctx.graph.ids.flatMap((id) => {
    const node = ctx.graph.node(id);
    if (node?.type !== 'check' || node.default === undefined) return [];
    const covered = guaranteedCoverage(node);
    if (covered === undefined || !isEverything(covered)) return [];
    return [ctx.problem('unreachable-default', ctx.map.locate(['nodes', id, 'default']),
      `the \`default\` of check '${id}' can never be taken: its branches match every value; remove \`default\`, or narrow a branch if some values should lead to '${node.default}'`)];
  });
