import type { LintRule } from '../lintContext.js';

/**
 * Every walk must be able to finish: from `start`, and from every node a walk can get to, some
 * `end` must be reachable. Nodes with a dangling target count as able to finish (dangling-target
 * reports them), and of a trapped region only its entrances are reported, once each.
 */
export const noReachableEnd: LintRule = (ctx) => {
  const { graph, runbook } = ctx;
  if (!graph.has(runbook.start)) return [];
  const reached = graph.reachableFrom([runbook.start]);
  const canFinish = new Set<string>();
  const predecessors = new Map<string, string[]>();
  const dangling = new Set(graph.references.flatMap((r) => (r.from !== null && !graph.has(r.to) ? [r.from] : [])));
  for (const id of graph.ids) {
    for (const to of graph.successors(id)) {
      const list = predecessors.get(to);
      if (list) list.push(id);
      else predecessors.set(to, [id]);
    }
    if (graph.node(id)?.type === 'end' || dangling.has(id)) canFinish.add(id);
  }
  // Walk backwards from the finishing nodes.
  const todo = [...canFinish];
  for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
    for (const p of predecessors.get(id) ?? []) {
      if (!canFinish.has(p)) {
        canFinish.add(p);
        todo.push(p);
      }
    }
  }
  if (!canFinish.has(runbook.start)) {
    const hasEnd = graph.ids.some((id) => graph.node(id)?.type === 'end');
    const why = hasEnd ? 'none of the `end` nodes is reachable from it' : 'the runbook has no `end` node';
    return [ctx.problem('no-reachable-end', ctx.map.locate(['start']),
      `no walk from start '${runbook.start}' can finish: ${why}; add an \`end\` node (type: end, outcome: …) and lead the tree to it`)];
  }
  return graph.ids
    .filter((id) => reached.has(id) && !canFinish.has(id))
    .filter((id) => (predecessors.get(id) ?? []).some((p) => reached.has(p) && canFinish.has(p)))
    .map((id) => ctx.problem('no-reachable-end', ctx.map.locate(['nodes', id], 'key'),
      `a walk that gets to node '${id}' can never finish: no \`end\` node is reachable from it; give it (or a node after it) a way out to an \`end\` node`));
};
