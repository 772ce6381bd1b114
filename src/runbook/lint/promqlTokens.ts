export type PromqlTokenKind = 'identifier' | 'number' | 'string' | 'comment' | 'punct';
export type OpenBracket = '(' | '[' | '{';

export interface PromqlToken {
  kind: PromqlTokenKind;
  start: number;
  end: number;
  text: string;
  /** Innermost bracket still open after this token, or null at the top level. */
  inside: OpenBracket | null;
}

/** A structural mistake the lexer can name more clearly than a parser can: quotes and brackets. */
export interface PromqlStructureIssue {
  start: number;
  end: number;
  /** Where the parser gives up because of it: the stray bracket, or the end of the query. */
  failsAt: number;
  message: string;
}

export interface PromqlLex {
  tokens: PromqlToken[];
  issues: PromqlStructureIssue[];
}

const CLOSER: Record<OpenBracket, string> = { '(': ')', '[': ']', '{': '}' };
const OPENER: Record<string, OpenBracket | undefined> = { ')': '(', ']': '[', '}': '{' };
const NUMBER = /(?:0[xX][0-9a-fA-F]+|[0-9]*\.?[0-9]+(?:[eE][+-]?[0-9]+)?)[A-Za-z0-9_]*/y;
const IDENTIFIER = /[A-Za-z_:][A-Za-z0-9_:]*/y;
const TWO_CHAR_OPS = new Set(['==', '!=', '>=', '<=', '=~', '!~']);

function stringEnd(query: string, start: number): number | undefined {
  const quote = query[start];
  for (let i = start + 1; i < query.length; i++) {
    const c = query[i];
    if (c === quote) return i + 1;
    // Raw (backtick) strings have no escapes.
    if (c === '\\' && quote !== '`') i++;
  }
  return undefined;
}

/** The text leading up to and including an opening bracket, to name which one is meant. */
function openedBy(query: string, at: number): string {
  const from = query.lastIndexOf('\n', at) + 1;
  return query.slice(Math.max(from, at - 15), at + 1).trimStart();
}

/**
 * Splits PromQL into tokens, tracking quotes and brackets. It is not a parser (the official grammar
 * is); it exists to say where strings and brackets are, for placeholder contexts and clearer
 * syntax messages (`this ( is never closed` beats `unexpected end of query`).
 */
export function lexPromql(query: string): PromqlLex {
  const tokens: PromqlToken[] = [];
  const issues: PromqlStructureIssue[] = [];
  const stack: { bracket: OpenBracket; at: number }[] = [];
  const top = (): OpenBracket | null => stack[stack.length - 1]?.bracket ?? null;
  const push = (kind: PromqlTokenKind, start: number, end: number): void => {
    tokens.push({ kind, start, end, text: query.slice(start, end), inside: top() });
  };
  let i = 0;
  while (i < query.length) {
    const c = query[i] ?? '';
    if (/\s/.test(c)) {
      i++;
    } else if (c === '#') {
      const nl = query.indexOf('\n', i);
      const end = nl === -1 ? query.length : nl;
      push('comment', i, end);
      i = end;
    } else if (c === '"' || c === "'" || c === '`') {
      const end = stringEnd(query, i);
      if (end === undefined) {
        issues.push({ start: i, end: i + 1, failsAt: query.length, message: `this ${c} starts a string that is never closed; add the closing ${c}` });
        push('string', i, query.length);
        i = query.length;
      } else {
        push('string', i, end);
        i = end;
      }
    } else if (/[0-9.]/.test(c) && (NUMBER.lastIndex = i, NUMBER.test(query))) {
      push('number', i, NUMBER.lastIndex);
      i = NUMBER.lastIndex;
    } else if ((IDENTIFIER.lastIndex = i, IDENTIFIER.test(query))) {
      push('identifier', i, IDENTIFIER.lastIndex);
      i = IDENTIFIER.lastIndex;
    } else if (c === '(' || c === '[' || c === '{') {
      stack.push({ bracket: c, at: i });
      push('punct', i, i + 1);
      i++;
    } else if (c === ')' || c === ']' || c === '}') {
      const want = OPENER[c];
      const open = stack[stack.length - 1];
      if (open === undefined) {
        issues.push({ start: i, end: i + 1, failsAt: i, message: `unexpected \`${c}\`: no \`${want ?? ''}\` is open here; remove it or add the opening \`${want ?? ''}\`` });
      } else if (open.bracket !== want) {
        issues.push({ start: i, end: i + 1, failsAt: i, message: `expected \`${CLOSER[open.bracket]}\` to close \`${openedBy(query, open.at)}\`, found \`${c}\`` });
        stack.pop();
      } else {
        stack.pop();
      }
      push('punct', i, i + 1);
      i++;
    } else {
      const two = query.slice(i, i + 2);
      const len = TWO_CHAR_OPS.has(two) ? 2 : 1;
      push('punct', i, i + len);
      i += len;
    }
  }
  for (const open of stack) {
    issues.push({ start: open.at, end: open.at + 1, failsAt: query.length, message: `this \`${open.bracket}\` is never closed; add the matching \`${CLOSER[open.bracket]}\`` });
  }
  return { tokens, issues };
}
