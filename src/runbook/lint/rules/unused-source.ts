import type { LintRule } from '../lintContext.js';

/** A declared source no check reads is leftover configuration. */
export const unusedSource: LintRule = (ctx) => {
  const used = new Set(ctx.graph.ids.map((id) => ctx.graph.node(id)).flatMap((n) => (n?.type === 'check' ? [n.source] : [])));
  return Object.keys(ctx.runbook.sources)
    .filter((name) => !used.has(name))
    .map((name) => ctx.problem('unused-source', ctx.map.locate(['sources', name], 'key'),
      `source '${name}' is declared but no check reads it; remove it or set a check's \`source: ${name}\``));
};
