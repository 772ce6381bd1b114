import { formatLocalTime, formatUtc } from '../format/formatTime.js';

/** A time in the viewer's zone, with UTC on hover. */
export function LocalTime({ iso }: { iso: string }) {
  return <time dateTime={iso} title={formatUtc(iso)}>{formatLocalTime(iso)}</time>;
}
