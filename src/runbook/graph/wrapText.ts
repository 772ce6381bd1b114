import { oneLine } from './shortenText.js';

const length = (s: string): number => Array.from(s).length;

/** Splits one line of text into lines of at most `width` characters, breaking between words. */
export function wrapText(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of oneLine(text).split(' ')) {
    if (word === '') continue;
    if (line === '') line = word;
    else if (length(line) + 1 + length(word) <= width) line = `${line} ${word}`;
    else {
      lines.push(line);
      line = word;
    }
  }
  if (line !== '' || lines.length === 0) lines.push(line);
  return lines;
}

/**
 * Alternatives (each already split into lines) joined by ` / `: a one-line alternative joins the
 * line before when it fits within `width`, otherwise each alternative starts on a new line.
 */
export function joinParts(parts: readonly (readonly string[])[], width: number): string[] {
  const lines: string[] = [];
  for (const part of parts) {
    const last = lines.pop();
    const [first] = part;
    if (last === undefined) {
      lines.push(...part);
    } else if (part.length === 1 && first !== undefined && length(`${last} / ${first}`) <= width) {
      lines.push(`${last} / ${first}`);
    } else {
      lines.push(`${last} /`, ...part);
    }
  }
  return lines;
}
