import type { InputSpec } from '../../types.js';
import type { LintContext, LintRule } from '../lintContext.js';

/** The engine's own compilation (src/engine/walk.ts resolveInputs): anchored, Unicode mode. */
const anchored = (pattern: string): RegExp => new RegExp(`^(?:${pattern})$`, 'u');

/** `Unterminated character class` out of V8's `Invalid regular expression: /…/u: Unterminated character class`. */
function reason(err: unknown): string {
  const message = err instanceof Error ? err.message : String(err);
  return /: ([^:]+)$/.exec(message)?.[1] ?? message;
}

function compiles(pattern: string, flags: string): boolean {
  try {
    new RegExp(pattern, flags);
    return true;
  } catch {
    return false;
  }
}

function patternProblem(name: string, pattern: string): string | undefined {
  const where = `the pattern of input '${name}'`;
  try {
    anchored(pattern);
  } catch (err) {
    // Unicode mode rejects what sloppy mode lets pass (`\-`, a lone `{`): say so, it is the usual surprise.
    const unicode = compiles(pattern, '') ? '; it would compile without the `u` flag, but runpath uses Unicode mode, where escaping ordinary characters (`\\-` outside a class) and lone braces (`\\{` is the literal) are errors' : '';
    return `${where} is not a valid regular expression: ${reason(err)} (runpath compiles it as /^(?:${pattern})$/u)${unicode}; fix the pattern so it compiles, or remove it`;
  }
  // Compiles only inside the engine's group: a stray `)` closes it early and defeats the anchors.
  if (!compiles(pattern, 'u')) {
    return `${where} closes a group it never opened, so inside runpath's anchors /^(?:${pattern})$/u part of it is no longer anchored and partial matches get through; balance its parentheses`;
  }
  return undefined;
}

function inputProblems(ctx: LintContext, name: string, spec: InputSpec) {
  if (spec.pattern === undefined) return [];
  const bad = patternProblem(name, spec.pattern);
  if (bad !== undefined) return [ctx.problem('bad-input-pattern', ctx.map.locate(['inputs', name, 'pattern']), bad)];
  if (spec.default === undefined || anchored(spec.pattern).test(spec.default)) return [];
  return [ctx.problem('bad-input-pattern', ctx.map.locate(['inputs', name, 'default']),
    `the default '${spec.default}' of input '${name}' does not match its pattern ${spec.pattern} (the whole value must match), so every walk started without a value for it fails; change the default or widen the pattern`)];
}

/**
 * An input pattern the engine cannot compile, or a default its own pattern rejects, fails every
 * walk that starts without that input given: find it before an incident does.
 */
export const badInputPattern: LintRule = (ctx) =>
  Object.entries(ctx.runbook.inputs ?? {}).flatMap(([name, spec]) => inputProblems(ctx, name, spec));
