import { closestMatch } from '../../closestMatch.js';
import type { LintRule } from '../lintContext.js';

/** Suggestions cost an edit distance per node id: enough for people, bounded for hostile files. */
const MAX_SUGGESTIONS = 100;

/** `start`, `next`, `default`, `on_*` and answer targets must name a node. */
export const danglingTarget: LintRule = (ctx) =>
  ctx.graph.references
    .filter((ref) => !ctx.graph.has(ref.to))
    .map((ref, i) => {
      const hint = i < MAX_SUGGESTIONS ? closestMatch(ref.to, ctx.graph.ids) : undefined;
      const fix = hint === undefined ? `add a node '${ref.to}' under \`nodes\` or point \`${ref.key}\` at an existing one` : `did you mean '${hint}'?`;
      return ctx.problem('dangling-target', ctx.map.locate(ref.path), `\`${ref.key}\` names node '${ref.to}', which does not exist; ${fix}`);
    });
