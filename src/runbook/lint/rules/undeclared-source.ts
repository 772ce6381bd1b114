import { closestMatch } from '../../closestMatch.js';
import type { LintRule } from '../lintContext.js';

/** A check reads from a named source; the name must be declared under `sources`. */
export const undeclaredSource: LintRule = (ctx) => {
  const sources = Object.keys(ctx.runbook.sources);
  return ctx.graph.ids.flatMap((id) => {
    const node = ctx.graph.node(id);
    if (node?.type !== 'check' || sources.includes(node.source)) return [];
    const hint = closestMatch(node.source, sources);
    const fix = hint === undefined ? `declare it under \`sources:\` (e.g. \`${node.source}: { type: prometheus, url: "\${PROMETHEUS_URL}" }\`)` : `did you mean '${hint}'?`;
    return [ctx.problem('undeclared-source', ctx.map.locate(['nodes', id, 'source']),
      `check '${id}' reads source '${node.source}', which \`sources\` does not declare; ${fix}`)];
  });
};
