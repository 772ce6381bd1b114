import { oneLine } from './shortenText.js';

// Inside a DOT quoted string only `"` and `\` are syntax, but Graphviz also expands `\N`, `\G`…
// escapes and `&amp;`-style entities in labels, so both are neutralised to keep author text literal.

/** One line of plain text as the inside of a DOT `"…"` string. */
export function escapeDot(text: string): string {
  return oneLine(text).replace(/\\/gu, '\\\\').replace(/"/gu, '\\"').replace(/&/gu, '&amp;');
}

/** A DOT quoted string; label lines joined by Graphviz's `\n` (centred line break). */
export function dotString(lines: string | readonly string[]): string {
  return `"${(typeof lines === 'string' ? [lines] : lines).map(escapeDot).join('\\n')}"`;
}

/** A DOT quoted id: ids are never interpreted, so only `"` and `\` need escaping. */
export function dotId(id: string): string {
  return `"${id.replace(/\\/gu, '\\\\').replace(/"/gu, '\\"').replace(/[\r\n]/gu, ' ')}"`;
}
