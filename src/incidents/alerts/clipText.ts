/**
 * `text` cut to at most `max` UTF-16 code units, ending in `…` when cut; never splits a surrogate
 * pair. Alert sources send text of any length; the timeline keeps bounded text.
 */
export function clipText(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = Math.max(0, max - 1);
  const last = text.charCodeAt(end - 1);
  if (last >= 0xd800 && last <= 0xdbff) end -= 1;
  return `${text.slice(0, end)}…`;
}
