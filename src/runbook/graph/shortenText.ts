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

/** Splits one line of text into lines of at most `width` characters, breaking between words. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of oneLine(text).split(' ')) {
    if (word === '') continue;
    if (line === '') line = word;
    else if (Array.from(line).length + 1 + Array.from(word).length <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/** Alternatives joined by ` / ` into lines of at most `width`, breaking between them before inside them. */
export function wrapParts(parts: readonly string[], width: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.pop();
    if (last === undefined) {
      lines.push(...wrapText(part, width));
    } else if (Array.from(`${last} / ${part}`).length <= width) {
      lines.push(`${last} / ${part}`);
    } else {
      lines.push(`${last} /`, ...wrapText(part, width));
    }
  }
  return lines;
}
