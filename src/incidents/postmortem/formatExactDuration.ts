import type { PostmortemDuration } from './postmortem.js';

const UNITS: readonly [string, number][] = [
  ['d', 86_400_000],
  ['h', 3_600_000],
  ['m', 60_000],
];

/**
 * A duration exactly, in every unit from the largest that is not zero down to seconds: "0s",
 * "45s", "12m 30s", "1h 0m 5s", "2d 3h 0m 0s"; milliseconds as a fraction of the second when there
 * are any ("1m 2.25s"). A review compares these, so nothing is rounded.
 */
export function formatExactDuration(ms: number): string {
  let rest = Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0;
  const parts: string[] = [];
  for (const [unit, size] of UNITS) {
    const amount = Math.floor(rest / size);
    rest -= amount * size;
    if (amount > 0 || parts.length > 0) parts.push(`${amount}${unit}`);
  }
  const seconds = Math.floor(rest / 1000);
  const millis = rest % 1000;
  const fraction = millis === 0 ? '' : `.${String(millis).padStart(3, '0').replace(/0+$/, '')}`;
  parts.push(`${seconds}${fraction}s`);
  return parts.join(' ');
}

export function duration(ms: number): PostmortemDuration {
  const exact = Number.isFinite(ms) ? Math.max(0, Math.round(ms)) : 0;
  return { ms: exact, text: formatExactDuration(exact) };
}
