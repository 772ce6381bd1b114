import type { LintRule } from '../lintContext.js';
import { shortestCycle, stronglyConnected } from '../stronglyConnected.js';

/**
 * Loops are fine only with a visit limit. Nodes that have `max_visits` break every cycle through
 * them, so what is left after removing them, if cyclic, loops forever: each such strongly
 * connected component is reported once, with one concrete cycle, at its first node in the file.
 */
export const unboundedCycle: LintRule = (ctx) => {
  const { graph } = ctx;
  const unlimited = graph.ids.filter((id) => graph.node(id)?.max_visits === undefined);
  const keep = new Set(unlimited);
  const successors = (id: string): readonly string[] => graph.successors(id).filter((to) => keep.has(to));
  const order = new Map(graph.ids.map((id, i) => [id, i]));
  return stronglyConnected(unlimited, successors)
    .map((component) => component.sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0)))
    .filter((component) => component.length > 1 || component.some((id) => successors(id).includes(id)))
    .flatMap((component) => {
      const first = component[0];
      if (first === undefined) return [];
      const cycle = shortestCycle(first, new Set(component), successors) ?? [first, first];
      const nodes = [...new Set(cycle)].map((id) => `'${id}'`).join(', ');
      return [ctx.problem('unbounded-cycle', ctx.map.locate(['nodes', first], 'key'),
        `cycle without a visit limit: ${cycle.join(' → ')}; add \`max_visits\` to one of its nodes (${nodes}) so a walk cannot loop forever`)];
    })
    .sort((a, b) => a.line - b.line);
};
