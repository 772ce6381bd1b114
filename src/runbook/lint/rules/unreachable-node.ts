import type { LintRule } from '../lintContext.js';

/** Nodes no walk can reach are dead text, usually a forgotten link. */
export const unreachableNode: LintRule = (ctx) => {
  const { graph, runbook } = ctx;
  // With a dangling start every node would be reported; dangling-target already says what is wrong.
  if (!graph.has(runbook.start)) return [];
  const reached = graph.reachableFrom([runbook.start]);
  return graph.ids
    .filter((id) => !reached.has(id))
    .map((id) => ctx.problem('unreachable-node', ctx.map.locate(['nodes', id], 'key'),
      `node '${id}' is never reached from start '${runbook.start}'; point a \`next\`, branch or answer at it, or delete it`));
};
