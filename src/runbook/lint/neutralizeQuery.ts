import type { QueryPlaceholder } from './queryPlaceholders.js';

export interface NeutralQuery {
  /** The query with every placeholder replaced by a stand-in that parses where it sits. */
  text: string;
  /** What each placeholder was replaced with, in order. */
  standIns: { placeholder: QueryPlaceholder; text: string; start: number; end: number }[];
  /** Maps a range of `text` back to the original query; a range touching a stand-in covers its placeholder. */
  toOriginal(start: number, end: number): { start: number; end: number };
}

const DURATION = /^([0-9]+(ms|s|m|h|d|w|y))+$/;
const BARE_TOKEN = /^([A-Za-z_][A-Za-z0-9_:]*|[0-9]+(\.[0-9]+)?)$/;
const IDENTIFIER_CHAR = /[A-Za-z0-9_:]/;

function standIn(query: string, p: QueryPlaceholder, fallback: string | undefined): string {
  const before = query[p.start - 1] ?? '';
  const after = query[p.end] ?? '';
  switch (p.context) {
    case 'string':
    case 'raw-string':
    case 'comment':
      return 'x'.repeat(p.end - p.start);
    case 'duration':
    case 'offset':
      if (/[a-z]/i.test(after)) return '5';
      if (/[0-9]/.test(before)) return 'm';
      return fallback !== undefined && DURATION.test(fallback) ? fallback : '5m';
    case 'expression':
      if (IDENTIFIER_CHAR.test(before) || IDENTIFIER_CHAR.test(after)) return 'x';
      return fallback !== undefined && BARE_TOKEN.test(fallback) ? fallback : 'x';
  }
}

/**
 * Replaces placeholders so the grammar can check the rest of a query. Inside strings the stand-in
 * has the same length, so positions there stay exact; elsewhere an input's default is used when
 * it is a plain token, else a token the context accepts (`5m` in a duration, `x` in an expression).
 */
export function neutralizeQuery(query: string, placeholders: readonly QueryPlaceholder[], defaultOf: (p: QueryPlaceholder) => string | undefined): NeutralQuery {
  let text = '';
  let from = 0;
  const standIns: NeutralQuery['standIns'] = [];
  for (const p of placeholders) {
    text += query.slice(from, p.start);
    const s = standIn(query, p, defaultOf(p));
    standIns.push({ placeholder: p, text: s, start: text.length, end: text.length + s.length });
    text += s;
    from = p.end;
  }
  text += query.slice(from);

  const point = (offset: number, bias: 'start' | 'end'): number => {
    let shift = 0;
    for (const s of standIns) {
      if (offset < s.start || (bias === 'end' && offset === s.start)) break;
      if (offset < s.end || (bias === 'end' && offset === s.end)) return bias === 'start' ? s.placeholder.start : s.placeholder.end;
      shift = s.placeholder.end - s.end;
    }
    return offset + shift;
  };
  return { text, standIns, toOriginal: (start, end) => ({ start: point(start, 'start'), end: Math.max(point(start, 'start'), point(end, 'end')) }) };
}
