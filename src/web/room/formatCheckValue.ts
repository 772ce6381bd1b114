import { formatDuration } from '../format/formatTime.js';

/** A number without float noise and at most 4 significant digits: 0.1234567 → 0.1235, 1260 → 1260. */
export function formatNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n)) return String(n);
  return String(Number(n.toPrecision(4)));
}

const BYTE_UNITS = ['B', 'KiB', 'MiB', 'GiB', 'TiB', 'PiB'];

function formatBytes(n: number): string {
  let value = Math.abs(n);
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  const sign = n < 0 ? '-' : '';
  return `${sign}${formatNumber(value)} ${BYTE_UNITS[unit] ?? 'B'}`;
}

function formatSeconds(n: number): string {
  const sign = n < 0 ? '-' : '';
  const abs = Math.abs(n);
  if (abs < 1) return `${sign}${formatNumber(abs * 1000)} ms`;
  if (abs < 60) return `${sign}${formatNumber(abs)} s`;
  return `${sign}${formatDuration(abs * 1000)}`;
}

/**
 * A check's value as people read it, in its runbook unit: a ratio as a percentage (with the raw
 * number, which the thresholds use), seconds as a duration, bytes in binary units. A stored null
 * (NaN or ±Inf at the source) says so. `short` leaves out the raw number (for captions).
 */
export function formatCheckValue(value: number | null, unit?: string, short = false): string {
  if (value === null) return short ? 'NaN' : 'no number (NaN or infinite)';
  switch (unit) {
    case 'ratio':
      return short ? `${formatNumber(value * 100)}%` : `${formatNumber(value * 100)}% (${formatNumber(value)})`;
    case 'percent':
      return `${formatNumber(value)}%`;
    case 'seconds':
      return short || (Math.abs(value) >= 1 && Math.abs(value) < 60) ? formatSeconds(value) : `${formatSeconds(value)} (${formatNumber(value)} s)`;
    case 'bytes':
      return short || Math.abs(value) < 1024 ? formatBytes(value) : `${formatBytes(value)} (${formatNumber(value)} B)`;
    case undefined:
    case '':
      return formatNumber(value);
    default:
      return `${formatNumber(value)} ${unit}`;
  }
}
