import type { QueryPlaceholder } from '../runbook/lint/queryPlaceholders.js';
import { queryPlaceholders } from '../runbook/lint/queryPlaceholders.js';
import type { Placeholder } from '../runbook/templatePlaceholders.js';
import { findPlaceholders } from '../runbook/templatePlaceholders.js';
import { WalkError } from './walkError.js';

/** What placeholders read: the walk's inputs and the labels of the alert it started from. */
export interface TemplateValues {
  inputs: Readonly<Record<string, string>>;
  labels: Readonly<Record<string, string>>;
}

// Prometheus durations as its lexer reads them: units largest first, each at most once.
const DURATION = /^(?=[0-9])([0-9]+y)?([0-9]+w)?([0-9]+d)?([0-9]+h)?([0-9]+m)?([0-9]+s)?([0-9]+ms)?$/;
const DURATION_PART = /^[0-9a-z]+$/;
const WORD_CHAR = /[A-Za-z0-9_]/;
// A lone UTF-16 surrogate cannot be sent (URL-encoding throws) nor read back; `u` mode matches only unpaired ones.
const LONE_SURROGATE = /\p{Cs}/u;

function valueOf(p: Placeholder, values: TemplateValues, where: string): string {
  if (p.scope === null) {
    const what = p.closed ? `\`${p.raw}\` is not a placeholder runpath knows` : 'a `{{` is never closed';
    throw new WalkError('template_error', `${what} in ${where}; write {{ inputs.NAME }} or {{ labels.NAME }} (runpath validate reports it as bad-placeholder)`);
  }
  const scope = values[p.scope];
  const value = Object.hasOwn(scope, p.name) ? scope[p.name] : undefined;
  if (value !== undefined) return value;
  if (p.scope === 'inputs') {
    throw new WalkError('template_error', `${where} uses input '${p.name}', which the walk has no value for; start the walk with it (runpath walk: --input ${p.name}=…) or declare it with a default`);
  }
  throw new WalkError('template_error', `${where} uses alert label '${p.name}', which the walk has no value for; start the walk from an alert that carries it, or give it (runpath walk: --label ${p.name}=…)`);
}

function describePlaceholder(p: Placeholder, value: string): string {
  const what = p.scope === 'labels' ? `label '${p.name}'` : `input '${p.name}'`;
  const shown = value.length > 60 ? `${value.slice(0, 60)}…` : value;
  return `\`${p.raw}\` (${what} is ${JSON.stringify(shown)})`;
}

/**
 * String content escaped for a PromQL string opened by `quote`. Escapes are the ones JSON and Go
 * share, so the value reads back exactly and can never close the string; control characters (and
 * the Unicode line separators) become \u escapes so the query stays on one line.
 */
export function escapePromqlString(value: string, quote: '"' | "'"): string {
  let out = '';
  for (const ch of value) {
    if (ch === '\\' || ch === quote) {
      out += `\\${ch}`;
      continue;
    }
    switch (ch) {
      case '\n':
        out += '\\n';
        continue;
      case '\r':
        out += '\\r';
        continue;
      case '\t':
        out += '\\t';
        continue;
    }
    const code = ch.codePointAt(0) ?? 0;
    if (code < 0x20 || (code >= 0x7f && code <= 0x9f) || code === 0x2028 || code === 0x2029) {
      out += `\\u${code.toString(16).padStart(4, '0')}`;
    } else {
      out += ch;
    }
  }
  return out;
}

// A runbook has a handful of distinct queries, rendered again on every check: lex each once.
const PLACEHOLDER_CACHE_SIZE = 1000;
const placeholderCache = new Map<string, readonly QueryPlaceholder[]>();

function placeholdersOf(query: string): readonly QueryPlaceholder[] {
  let found = placeholderCache.get(query);
  if (found === undefined) {
    found = queryPlaceholders(query);
    if (placeholderCache.size >= PLACEHOLDER_CACHE_SIZE) placeholderCache.clear();
    placeholderCache.set(query, found);
  }
  return found;
}

const REFUSED: Partial<Record<QueryPlaceholder['context'], string>> = {
  comment: 'sits in a PromQL comment, where a line break in a value would add to the query; take it out of the comment',
  expression: 'sits outside a quoted string, where its value would become PromQL itself; put it inside a label matcher\'s quotes, or compare numbers in the check\'s branches',
};

/**
 * Renders `{{ inputs.x }}` / `{{ labels.x }}` into a PromQL query so each value stays data where
 * it lands: escaped inside a quoted string, refused in a backtick string when it holds a
 * backtick, and required to be a duration in a range or after `offset`; anywhere else refused
 * (runpath validate reports those runbooks as placeholder-unsafe-context).
 * Throws WalkError `template_error` naming the placeholder and how to fix it.
 */
export function renderQuery(query: string, values: TemplateValues): string {
  const placeholders = placeholdersOf(query);
  if (placeholders.length === 0) return query;
  const durations: { start: number; end: number; p: QueryPlaceholder; value: string }[] = [];
  let out = '';
  let from = 0;
  for (const p of placeholders) {
    out += query.slice(from, p.start);
    from = p.end;
    const value = valueOf(p, values, 'the query');
    const refused = REFUSED[p.context];
    if (refused !== undefined) throw new WalkError('template_error', `${describePlaceholder(p, value)} ${refused}`);
    if (LONE_SURROGATE.test(value)) {
      throw new WalkError('template_error', `${describePlaceholder(p, value)} is not valid Unicode text (it holds a lone surrogate); give a well-formed value`);
    }
    switch (p.context) {
      case 'string': {
        out += escapePromqlString(value, p.quote ?? '"');
        break;
      }
      case 'raw-string':
        if (value.includes('`')) {
          throw new WalkError('template_error', `${describePlaceholder(p, value)} sits in a backtick string, which has no escapes, and the value holds a backtick that would end it; use double quotes around the placeholder`);
        }
        out += value;
        break;
      case 'duration':
      case 'offset':
        if (!DURATION_PART.test(value)) {
          const where = p.context === 'offset' ? 'after `offset`' : 'in a range `[…]`';
          throw new WalkError('template_error', `${describePlaceholder(p, value)} sits ${where}, where the value must be a duration such as 5m or 1h30m`);
        }
        durations.push({ start: out.length, end: out.length + value.length, p, value });
        out += value;
        break;
      default:
        break;
    }
  }
  out += query.slice(from);
  // Check each duration with the text it touches (`[{{ inputs.minutes }}m]` renders `[5m]`).
  for (const d of durations) {
    let start = d.start;
    let end = d.end;
    while (start > 0 && WORD_CHAR.test(out[start - 1] ?? '')) start--;
    while (end < out.length && WORD_CHAR.test(out[end] ?? '')) end++;
    const token = out.slice(start, end);
    if (!DURATION.test(token)) {
      const where = d.p.context === 'offset' ? 'after `offset`' : 'in a range `[…]`';
      throw new WalkError('template_error', `${describePlaceholder(d.p, d.value)} sits ${where} and renders \`${token}\`, which is not a duration; the value must be a duration such as 5m or 1h30m (whole numbers, units largest first)`);
    }
  }
  return out;
}

/**
 * Renders placeholders in text shown to people (titles, questions, instructions), verbatim.
 * Display is best effort: a placeholder the walk has no value for stays as written, so the
 * reader sees what is missing instead of losing the step.
 */
export function renderText(text: string, values: TemplateValues): string {
  const placeholders = findPlaceholders(text);
  if (placeholders.length === 0) return text;
  let out = '';
  let from = 0;
  for (const p of placeholders) {
    out += text.slice(from, p.start);
    from = p.end;
    const scope = p.scope === null ? undefined : values[p.scope];
    const value = scope !== undefined && Object.hasOwn(scope, p.name) ? scope[p.name] : undefined;
    out += value ?? p.raw;
  }
  return out + text.slice(from);
}
