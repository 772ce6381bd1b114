import type { LintRule } from '../lintContext.js';

/**
 * A check that leads straight back to itself re-reads the same metric at once, most likely getting
 * the same value; a wait belongs in between (an action), so this is a warning even with `max_visits`.
 */
export const branchToSelf: LintRule = (ctx) =>
  ctx.graph.references
    .filter((ref) => ref.from !== null && ref.from === ref.to && ctx.graph.node(ref.from)?.type === 'check')
    .map((ref) => ctx.problem('branch-to-self', ctx.map.locate(ref.path),
      `check '${ref.to}' leads straight back to itself (\`${ref.key}\`), re-reading the metric at once; route it through an action (wait, then re-check) or a question`));
