import type { LintRule } from '../lintContext.js';
import { prometheusChecks } from '../prometheusChecks.js';
import type { QueryPlaceholder } from '../queryPlaceholders.js';

function why(p: QueryPlaceholder): string | undefined {
  switch (p.context) {
    case 'string':
    case 'duration':
    case 'offset':
      return undefined;
    case 'raw-string':
      return `sits in a backtick string, which has no escapes, so a value containing \` could end the string; use double quotes instead`;
    case 'comment':
      return `sits in a PromQL comment, where a value with a line break would add to the query; take it out of the comment`;
    case 'expression':
      return `sits outside a quoted string, where a value would be spliced into the PromQL itself; the engine can only escape string contents, so move it inside a label matcher's quotes (\`label="${p.raw}"\`), or compare a threshold in the check's branches instead`;
  }
}

/** A value rendered into PromQL must stay data: inside a quoted string (escaped), or a checked duration. */
export const placeholderUnsafeContext: LintRule = (ctx) =>
  prometheusChecks(ctx).flatMap(({ id, node }) =>
    ctx.queryPlaceholders(node.query).flatMap((p) => {
      const reason = p.scope === null ? undefined : why(p);
      if (reason === undefined) return [];
      return [ctx.problem('placeholder-unsafe-context', ctx.map.locateInScalar(['nodes', id, 'query'], p.start, p.end),
        `\`${p.raw}\` in the query of check '${id}' ${reason}`)];
    }));
