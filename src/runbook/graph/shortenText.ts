// Titles and labels come from authors and may be long or hold line breaks; pictures want short lines.

/** Collapses whitespace and control characters to single spaces and trims. */
export function oneLine(text: string): string {
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return text.replace(/[\s\u0000-\u001f\u007f-\u009f]+/gu, ' ').trim();
}

/** `text` on one line, cut at a word boundary to at most `max` characters, with `…` when cut. */
export function shortenText(text: string, max: number): string {
  const flat = oneLine(text);
  const chars = Array.from(flat);
  if (chars.length <= max) return flat;
  const head = chars.slice(0, max - 1).join('');
  const space = head.lastIndexOf(' ');
  // Cut at the last word boundary unless that throws away most of the text.
  const cut = space >= head.length / 2 ? head.slice(0, space) : head;
  return `${cut.replace(/[\s,;:.-]+$/u, '')}…`;
}
