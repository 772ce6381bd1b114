import { closestMatch } from '../../closestMatch.js';
import type { LintRule } from '../lintContext.js';

/** `{{ inputs.x }}` must name a declared input, or the walk would render an empty value. */
export const undefinedInput: LintRule = (ctx) => {
  const inputs = Object.keys(ctx.runbook.inputs ?? {});
  return ctx.templated.flatMap((t) =>
    t.placeholders
      .filter((p) => p.scope === 'inputs' && !inputs.includes(p.name))
      .map((p) => {
        const hint = closestMatch(p.name, inputs);
        const fix = hint === undefined ? `declare it under \`inputs:\`` : `did you mean '${hint}'? Fix the name or declare '${p.name}' under \`inputs:\``;
        return ctx.problem('undefined-input', ctx.map.locateInScalar(t.path, p.start, p.end),
          `\`${p.raw}\` uses input '${p.name}', which \`inputs\` does not declare; ${fix}`);
      }));
};
