import { WalkError } from './walkError.js';

const UNIT_SECONDS: Record<string, number> = {
  y: 365 * 86400,
  w: 7 * 86400,
  d: 86400,
  h: 3600,
  m: 60,
  s: 1,
  ms: 0.001,
};

// Prometheus durations: integer amounts, units from largest to smallest, each at most once.
const DURATION = /^(?:(\d+)y)?(?:(\d+)w)?(?:(\d+)d)?(?:(\d+)h)?(?:(\d+)m)?(?:(\d+)s)?(?:(\d+)ms)?$/;
const UNITS = ['y', 'w', 'd', 'h', 'm', 's', 'ms'] as const;

/** Seconds in a Prometheus duration such as `30s`, `10m`, `1h30m`. Throws WalkError `bad_duration`. */
export function parseDuration(text: string): number {
  if (text === '0') return 0;
  const match = text === '' ? null : DURATION.exec(text);
  if (!match) {
    throw new WalkError(
      'bad_duration',
      `'${text}' is not a duration: write whole numbers with units from largest to smallest, e.g. 30s, 10m, 1h30m (units: ${UNITS.join(' ')})`,
    );
  }
  let seconds = 0;
  UNITS.forEach((unit, i) => {
    const amount = match[i + 1];
    if (amount !== undefined) seconds += Number(amount) * (UNIT_SECONDS[unit] ?? 0);
  });
  return seconds;
}
