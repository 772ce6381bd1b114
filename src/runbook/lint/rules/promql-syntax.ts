import { promqlSyntaxErrors } from '../../promqlSyntax.js';
import type { LintRule } from '../lintContext.js';
import { neutralizeQuery } from '../neutralizeQuery.js';
import { prometheusChecks } from '../prometheusChecks.js';

/** Queries of `prometheus` sources must parse, checked offline by the official grammar. */
export const promqlSyntax: LintRule = (ctx) => {
  const inputs = ctx.runbook.inputs ?? {};
  return prometheusChecks(ctx).flatMap(({ id, node }) => {
    const placeholders = ctx.queryPlaceholders(node.query);
    const neutral = neutralizeQuery(node.query, placeholders, (p) =>
      p.scope === 'inputs' && Object.hasOwn(inputs, p.name) ? inputs[p.name]?.default : undefined);
    return promqlSyntaxErrors(neutral.text).slice(0, 1).map((e) => {
      const range = neutral.toOriginal(e.start, e.end);
      // The message may quote a stand-in (same-length ones only fill strings): say which.
      const touched = neutral.standIns.filter((s) => s.start <= e.end && e.start <= s.end && s.text.length !== s.placeholder.raw.length);
      const note = touched.length === 0 ? '' : ` (checked with ${touched.map((s) => `\`${s.placeholder.raw}\` as \`${s.text}\``).join(', ')})`;
      return ctx.problem('promql-syntax', ctx.map.locateInScalar(['nodes', id, 'query'], range.start, range.end),
        `PromQL syntax error in the query of check '${id}': ${e.message}${note}`);
    });
  });
};
