import type { Placeholder } from '../../templatePlaceholders.js';
import type { LintRule } from '../lintContext.js';

/** What the author probably meant, when it is clear (`{{ input.x }}`, `{{ x }}`). */
function guess(p: Placeholder): string | undefined {
  const m = /^\$?\.?(input|inputs|label|labels)?\s*[.:]?\s*([A-Za-z_][A-Za-z0-9_]*)$/.exec(p.name);
  if (!m) return undefined;
  const scope = m[1]?.startsWith('label') === true ? 'labels' : 'inputs';
  return `{{ ${scope}.${m[2] ?? ''} }}`;
}

/** Only `{{ inputs.NAME }}` and `{{ labels.NAME }}` exist; anything else would be shown verbatim. */
export const badPlaceholder: LintRule = (ctx) =>
  ctx.templated.flatMap((t) =>
    t.placeholders
      .filter((p) => p.scope === null)
      .map((p) => {
        const at = ctx.map.locateInScalar(t.path, p.start, p.end);
        if (!p.closed) return ctx.problem('bad-placeholder', at, 'this `{{` is never closed; close it with `}}` or remove it');
        const meant = guess(p);
        const hint = meant === undefined ? '' : ` (did you mean \`${meant}\`?)`;
        return ctx.problem('bad-placeholder', at,
          `\`${p.raw}\` is not a placeholder runpath knows${hint}; write \`{{ inputs.NAME }}\` or \`{{ labels.NAME }}\``);
      }));
