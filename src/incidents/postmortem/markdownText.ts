// User text inside the generated Markdown: it must read as the text it is wherever the draft is
// pasted (GitHub, GitLab, a wiki), never as markup. HTML-significant characters become entities
// (renderers that allow raw HTML still show `<img …>` as text), inline markup characters are
// backslash-escaped wherever they are, and block markers where a line starts with one, so no text can
// open a heading, list, quote, link, emphasis, code or table; the rest stays readable as typed.

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

// C0 and C1 controls and the bidirectional overrides, which can make text read other than it is.
// eslint-disable-next-line no-control-regex
const INVISIBLE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

function escapeLine(line: string): string {
  return line
    .replace(INVISIBLE, '')
    .replace(/\t/g, ' ')
    .replace(/[\\`*_[\]|~$]/g, '\\$&')
    .replace(/[&<>]/g, (c) => ENTITIES[c] ?? c)
    .replace(/^(?=#{1,6}(?:\s|$)|[-+](?:[\s-]|$)|=+\s*$)/, '\\')
    .replace(/^(\d{1,9})([.)])(?=\s|$)/, '$1\\$2');
}

/**
 * Text for a paragraph or list item: escaped, each line trimmed, blank lines dropped (they would
 * end the list item) and lines joined with hard breaks, so a multi-line note stays one entry.
 */
export function markdownText(text: string): string {
  return text
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map((line) => escapeLine(line.trim()))
    .filter((line) => line !== '')
    .join('\\\n  ');
}

/** Text as inline code: a backtick run longer than any inside it, on one line. */
export function markdownCode(text: string): string {
  const flat = text.replace(INVISIBLE, '').replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  const longest = Math.max(0, ...[...flat.matchAll(/`+/g)].map((m) => m[0].length));
  const fence = '`'.repeat(longest + 1);
  const padded = flat.startsWith('`') || flat.endsWith('`') || flat === '' ? ` ${flat} ` : flat;
  return `${fence}${padded}${fence}`;
}
