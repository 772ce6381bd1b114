import type { DocPath } from '../../sourceMap.js';
import type { LintContext, LintRule } from '../lintContext.js';

/** A value that refers to a secret rather than being one: `${ENV}`, `{{ inputs.x }}`, `<token>`, `***`. */
const REFERENCE_START = /^(\$|\{\{|<|\*|%|\.\.\.|…)/;

/** Prose says "Bearer authentication"; a credential has digits or is long. */
const looksLikeToken = (v: string): boolean => v.length >= 8 && (/[0-9]/.test(v) || v.length >= 24);
const anyLiteral = (): boolean => true;

const SECRETS: { pattern: RegExp; what: string; accept: (value: string) => boolean }[] = [
  { pattern: /\bauthorization\s*:\s*(?:(?:bearer|basic|token|apikey)\s+)?([A-Za-z0-9\-._~+/]+=*)/gi, what: 'an `Authorization:` header', accept: looksLikeToken },
  { pattern: /\bbearer\s+([A-Za-z0-9\-._~+/]+=*)/gi, what: 'a `Bearer` token', accept: looksLikeToken },
  { pattern: /(?<![A-Za-z0-9_])(?:password|passwd|api[_-]?key|access[_-]?token|token)\s*=\s*([^\s&"'`;,)]+)/gi, what: 'a credential parameter', accept: anyLiteral },
];

/** Cheap first test: most strings mention none of these words. */
const MENTIONS_SECRET = /authorization|bearer|passw|api[_-]?key|token/i;

function suspectStrings(value: unknown, path: (string | number)[], out: { path: DocPath; text: string }[]): void {
  if (typeof value === 'string') {
    if (MENTIONS_SECRET.test(value)) out.push({ path: [...path], text: value });
  } else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Array.isArray(value) ? value.entries() : Object.entries(value)) {
      path.push(k);
      suspectStrings(v, path, out);
      path.pop();
    }
  }
}

function userinfoProblems(ctx: LintContext) {
  return Object.entries(ctx.runbook.sources).flatMap(([name, source]) => {
    const m = source.url === undefined ? null : /^[a-z][a-z0-9+.-]*:\/\/([^/?#@\s]*)@/i.exec(source.url);
    const userinfo = m?.[1];
    // `https://${USER}:${PASS}@host` takes credentials from the environment: not a literal secret.
    if (userinfo === undefined || userinfo.replace(/\$\{[A-Za-z_][A-Za-z0-9_]*\}/g, '').replace(/:/g, '') === '') return [];
    const start = (m?.index ?? 0) + (m?.[0].indexOf(userinfo) ?? 0);
    return [ctx.problem('secret-in-runbook', ctx.map.locateInScalar(['sources', name, 'url'], start, start + userinfo.length),
      `the url of source '${name}' carries credentials (\`…//<user:password>@…\`); remove them (and rotate them), and set \`url: \${PROMETHEUS_URL}\` or configure credentials in the server's source config`)];
  });
}

/** Credentials do not belong in a runbook: it is shared, reviewed, and shown to everyone on call. */
export const secretInRunbook: LintRule = (ctx) => {
  const found = userinfoProblems(ctx);
  const values: { path: DocPath; text: string }[] = [];
  suspectStrings(ctx.runbook, [], values);
  for (const { path, text } of values) {
    const starts = new Set<number>();
    for (const { pattern, what, accept } of SECRETS) {
      for (const m of text.matchAll(pattern)) {
        const secret = m[1] ?? '';
        const start = m.index + m[0].lastIndexOf(secret);
        // `Authorization: Bearer x` matches two patterns: one problem is enough.
        if (secret === '' || REFERENCE_START.test(secret) || !accept(secret) || starts.has(start)) continue;
        starts.add(start);
        found.push(ctx.problem('secret-in-runbook', ctx.map.locateInScalar(path, start, start + secret.length),
          `${what} with a literal value is written into the runbook; remove it (and rotate it), and reference \`\${ENV_VAR}\` or the server's source config instead`));
      }
    }
  }
  return found;
};
