import type { CheckNode } from '../types.js';
import type { LintContext } from './lintContext.js';

/** Checks whose declared source is a Prometheus server: their queries are PromQL. */
export function prometheusChecks(ctx: LintContext): { id: string; node: CheckNode }[] {
  const sources = ctx.runbook.sources;
  return ctx.graph.ids.flatMap((id) => {
    const node = ctx.graph.node(id);
    if (node?.type !== 'check' || !Object.hasOwn(sources, node.source)) return [];
    return sources[node.source]?.type === 'prometheus' ? [{ id, node }] : [];
  });
}
