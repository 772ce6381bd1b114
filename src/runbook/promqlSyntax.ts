import { parser } from '@prometheus-io/lezer-promql';
import { closestMatch } from './closestMatch.js';
import { PROMQL_FUNCTION_NAMES } from './lint/promqlFunctionNames.js';
import { lexPromql, type PromqlToken } from './lint/promqlTokens.js';

export interface PromqlSyntaxError {
  /** Offsets into the query of the text to point at. */
  start: number;
  end: number;
  /** What is wrong there, and what the grammar wanted when that is clear. */
  message: string;
}

const BINARY_OPERATORS = new Set(['+', '-', '*', '/', '%', '^', '==', '!=', '>', '<', '>=', '<=', 'and', 'or', 'unless', 'atan2']);
const MATCH_OPERATORS = new Set(['=', '!=', '=~', '!~']);
const GROUPING = new Set(['by', 'without', 'on', 'ignoring', 'group_left', 'group_right']);
const KEYWORDS = new Set([...GROUPING, 'offset', 'bool', 'and', 'or', 'unless', 'atan2']);
const DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;

function endsExpression(t: PromqlToken): boolean {
  if (t.kind === 'identifier') return !KEYWORDS.has(t.text.toLowerCase());
  return t.kind === 'number' || t.kind === 'string' || t.text === ')' || t.text === ']' || t.text === '}';
}

function describe(query: string, errorFrom: number, tokens: PromqlToken[]): PromqlSyntaxError {
  const code = tokens.filter((t) => t.kind !== 'comment');
  const at = code.find((t) => t.end > errorFrom);
  const prev = [...code].reverse().find((t) => t.end <= errorFrom && t !== at);
  const point = at ?? prev;
  const range = point ? { start: point.start, end: point.end } : { start: errorFrom, end: errorFrom };
  const found = at ? `found \`${at.text}\`` : 'found the end of the query';

  if (prev && at?.text === '(' && prev.kind === 'identifier' && prev.end === at.start && !KEYWORDS.has(prev.text.toLowerCase())) {
    const hint = closestMatch(prev.text, PROMQL_FUNCTION_NAMES);
    return { start: prev.start, end: prev.end, message: `\`${prev.text}\` is not a PromQL function${hint === undefined ? '; check its spelling' : `; did you mean \`${hint}\`?`}` };
  }
  if (at?.kind === 'number' && /[a-zA-Z]/.test(at.text) && !/^0[xX]/.test(at.text) && !DURATION.test(at.text) && !/[eE]/.test(at.text.replace(/[a-zA-Z]+$/, ''))) {
    return { ...range, message: `\`${at.text}\` is not a valid duration: use a number and a unit (ms, s, m, h, d, w or y), such as \`5m\` or \`1h30m\`` };
  }
  const a = at?.text.toLowerCase();
  if (a === 'by' || a === 'without') {
    return { ...range, message: `unexpected \`${at?.text ?? ''}\`: a grouping clause goes right before or after an aggregation's parentheses, as in \`sum ${a} (code) (…)\` or \`sum(…) ${a} (code)\`` };
  }
  if (prev) {
    const p = prev.text.toLowerCase();
    if (MATCH_OPERATORS.has(prev.text) && prev.inside === '{') {
      return { ...range, message: `expected a quoted label value after \`${prev.text}\` (such as \`"api"\`), ${found}` };
    }
    if (BINARY_OPERATORS.has(p)) return { ...range, message: `expected an expression after \`${prev.text}\`, ${found}` };
    if (p === 'offset') return { ...range, message: `expected a duration after \`offset\` (such as \`offset 1h\`), ${found}` };
    if (GROUPING.has(p)) return { ...range, message: `expected a label list in parentheses after \`${prev.text}\` (such as \`${prev.text} (job)\`), ${found}` };
    if (at && endsExpression(prev)) {
      return { ...range, message: `unexpected \`${at.text}\` after \`${prev.text}\`: an operator or \`,\` is missing between them` };
    }
  }
  return { ...range, message: at ? `unexpected \`${at.text}\`` : 'unexpected end of the query' };
}

/**
 * Syntax errors of a PromQL expression, by the official Prometheus grammar, offline. Returns the
 * first error only: after one mistake an error-recovering parser reports mostly echoes of it.
 * The query must be free of `{{ }}` placeholders (substitute stand-ins first).
 */
export function promqlSyntaxErrors(query: string): PromqlSyntaxError[] {
  let errorFrom: number | undefined;
  parser.parse(query).iterate({
    enter(node) {
      if (errorFrom !== undefined) return false;
      if (node.type.isError) errorFrom = node.from;
      return undefined;
    },
  });
  if (errorFrom === undefined) return [];
  const lex = lexPromql(query);
  const rest = query.slice(errorFrom).trim();
  const issue = lex.issues.find((i) => i.failsAt === errorFrom || (i.failsAt === query.length && rest === ''));
  if (issue) return [{ start: issue.start, end: issue.end, message: issue.message }];
  return [describe(query, errorFrom, lex.tokens)];
}
