/** Where a placeholder reads its value: walk inputs, alert labels, or nothing runpath knows (`null`). */
export type PlaceholderScope = 'inputs' | 'labels';

export interface Placeholder {
  /** Offsets into the scanned string: `raw` is `text.slice(start, end)`. */
  start: number;
  end: number;
  scope: PlaceholderScope | null;
  /** The name after `inputs.`/`labels.`; for an unknown placeholder, its trimmed inner text. */
  name: string;
  raw: string;
  /** False for a `{{` that no `}}` closes (then `raw` is just `{{`). */
  closed: boolean;
}

const KNOWN = /^\s*(inputs|labels)\.([A-Za-z_][A-Za-z0-9_]*)\s*$/;

/**
 * Finds `{{ inputs.NAME }}` and `{{ labels.NAME }}` in a template, whitespace inside the braces
 * optional. Anything else between `{{` and `}}`, and a `{{` never closed, comes back with
 * `scope: null` so callers can refuse it rather than render it literally.
 */
export function findPlaceholders(text: string): Placeholder[] {
  const found: Placeholder[] = [];
  let from = 0;
  for (;;) {
    const start = text.indexOf('{{', from);
    if (start === -1) return found;
    const close = text.indexOf('}}', start + 2);
    const nextOpen = text.indexOf('{{', start + 2);
    // A second `{{` before the `}}` means this one is never closed (`{{ inputs.a {{ inputs.b }}`).
    if (close === -1 || (nextOpen !== -1 && nextOpen < close)) {
      found.push({ start, end: start + 2, scope: null, name: '', raw: '{{', closed: false });
      from = start + 2;
      continue;
    }
    const end = close + 2;
    const inner = text.slice(start + 2, close);
    const m = KNOWN.exec(inner);
    const raw = text.slice(start, end);
    if (m?.[1] === 'inputs' || m?.[1] === 'labels') found.push({ start, end, scope: m[1], name: m[2] ?? '', raw, closed: true });
    else found.push({ start, end, scope: null, name: inner.trim(), raw, closed: true });
    from = end;
  }
}
