const UNITS: [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
  ['s', 1000],
];

/** A duration as people read it in a reason: its two largest units, rounded down (`2m`, `1h30m`, `45s`, `0s`). */
export function formatAge(ms: number): string {
  let rest = Number.isFinite(ms) ? Math.max(0, Math.floor(ms)) : 0;
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || parts.length > 0) parts.push(`${amount}${unit}`);
    if (parts.length === 2) break;
  }
  const shown = parts.filter((part) => !part.startsWith('0'));
  return shown.length === 0 ? '0s' : shown.join('');
}
