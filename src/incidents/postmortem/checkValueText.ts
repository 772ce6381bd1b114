/** A number without float noise: at most 4 significant digits after the point (0.1234567 → 0.1235, 1260 → 1260). */
function formatNumber(n: number): string {
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(4)));
}

/**
 * A check's value in its runbook unit, the way the incident room shows it: a ratio as a percentage
 * with the raw number the thresholds compare, seconds and bytes with their unit. A stored null
 * (NaN or ±Inf at the source) says so.
 */
export function checkValueText(value: number | null, unit?: string): string {
  if (value === null) return 'no number (NaN or infinite)';
  switch (unit) {
    case 'ratio':
      return `${formatNumber(value * 100)}% (${formatNumber(value)})`;
    case 'percent':
      return `${formatNumber(value)}%`;
    case 'seconds':
      return Math.abs(value) < 1 ? `${formatNumber(value * 1000)} ms (${formatNumber(value)} s)` : `${formatNumber(value)} s`;
    case 'bytes':
      return `${formatNumber(value)} B`;
    case undefined:
    case '':
      return formatNumber(value);
    default:
      return `${formatNumber(value)} ${unit}`;
  }
}
