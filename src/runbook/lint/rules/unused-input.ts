import type { LintRule } from '../lintContext.js';

/**
 * An input nothing renders is asked for at every walk start for nothing. One with an explicit
 * `label` mapping is exempt: it records an alert label on the incident, a purpose of its own.
 */
export const unusedInput: LintRule = (ctx) => {
  const used = new Set(ctx.templated.flatMap((t) =>
    t.placeholders.filter((p) => p.scope === 'inputs').map((p) => p.name)));
  return Object.entries(ctx.runbook.inputs ?? {})
    .filter(([name, spec]) => !used.has(name) && spec.label === undefined)
    .map(([name]) => ctx.problem('unused-input', ctx.map.locate(['inputs', name], 'key'),
      `input '${name}' is never used: no \`{{ inputs.${name} }}\` in a query, title, question or instructions; use it or remove it`));
};
