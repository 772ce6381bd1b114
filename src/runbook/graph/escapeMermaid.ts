import { oneLine } from './shortenText.js';

// Mermaid decodes `#name;` and `#123;` entity codes in labels. Characters that could end a
// quoted label (`"`), start markdown (`` ` ``), HTML (`<`, `&`), an entity (`#`), a comment (`%`)
// or an edge label (`|`) are written as entities, so author text never becomes syntax. A colon
// directly followed by text is too: Mermaid's pre-pass rewrites `style…:…#…;` anywhere in a line.
const ENTITIES: Record<string, string> = {
  '#': '#35;',
  '"': '#quot;',
  '<': '#lt;',
  '>': '#gt;',
  '&': '#amp;',
  '|': '#124;',
  '`': '#96;',
  '%': '#37;',
};

/** One line of plain text as the inside of a Mermaid `"…"` label. */
export function escapeMermaid(text: string): string {
  return oneLine(text)
    .replace(/[#"<>&|`%]/gu, (c) => ENTITIES[c] ?? c)
    .replace(/:(?=\S)/gu, '#58;');
}

/** Label lines as a quoted Mermaid label, lines joined by `<br>`. */
export function mermaidLabel(lines: readonly string[]): string {
  return `"${lines.map(escapeMermaid).join('<br>')}"`;
}
