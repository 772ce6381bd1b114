import { findPlaceholders, type Placeholder } from '../templatePlaceholders.js';
import { lexPromql } from './promqlTokens.js';

/**
 * Where a placeholder sits in a PromQL query. Only `string` is safe for any value (the engine
 * escapes it); `duration`/`offset` are safe once the value is checked to be a duration.
 */
export type QueryContext = 'string' | 'raw-string' | 'comment' | 'duration' | 'offset' | 'expression';

export interface QueryPlaceholder extends Placeholder {
  context: QueryContext;
  /** The quote that opens the string a `string` placeholder sits in. */
  quote?: '"' | "'";
}

/** The placeholders of a PromQL query, each with the syntactic context it sits in. */
export function queryPlaceholders(query: string): QueryPlaceholder[] {
  const placeholders = findPlaceholders(query);
  if (placeholders.length === 0) return [];
  // Blank the placeholders out so their braces and quotes do not confuse the lexer.
  let masked = '';
  let from = 0;
  for (const p of placeholders) {
    masked += query.slice(from, p.start) + ' '.repeat(p.end - p.start);
    from = p.end;
  }
  masked += query.slice(from);
  const { tokens } = lexPromql(masked);
  return placeholders.map((p) => {
    const within = tokens.find((t) => t.start < p.start && p.start < t.end);
    if (within?.kind === 'string') {
      const open = masked[within.start];
      return open === '`' ? { ...p, context: 'raw-string' } : { ...p, context: 'string', quote: open === "'" ? "'" : '"' };
    }
    if (within?.kind === 'comment') return { ...p, context: 'comment' };
    const before = tokens.filter((t) => t.end <= p.start);
    const prev = before[before.length - 1];
    const prev2 = before[before.length - 2];
    const isOffset = (t: typeof prev): boolean => t?.text.toLowerCase() === 'offset';
    if (isOffset(prev) || (prev?.text === '-' && isOffset(prev2))) return { ...p, context: 'offset' };
    return { ...p, context: prev?.inside === '[' ? 'duration' : 'expression' };
  });
}
