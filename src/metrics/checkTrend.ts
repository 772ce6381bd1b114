import type { CheckObservation, ObservedSeries, Sample } from '../engine/walkInput.js';
import type { SourceSeries } from './metricSource.js';

/** A trend keeps this many series at most: enough for a sparkline per zone, little enough to store with every check. */
export const TREND_MAX_SERIES = 10;
/** And this many samples per series: about one per pixel column of a sparkline. */
export const TREND_MAX_SAMPLES = 60;

/** [unix seconds, value]; null for NaN and ±Inf, which JSON cannot hold. */
export type TrendSample = [timestampSeconds: number, value: number | null];

/** One series of a check's trend, as recorded with the check. */
export interface TrendSeries {
  labels: Record<string, string>;
  samples: TrendSample[];
}

/** `{a="x", b="y"}` with keys sorted: one text per label set, to order and match series by. */
export function labelText(labels: Readonly<Record<string, string>>): string {
  const keys = Object.keys(labels).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return `{${keys.map((k) => `${k}=${JSON.stringify(labels[k])}`).join(', ')}}`;
}

function isSourceSeries(series: ObservedSeries): series is SourceSeries {
  return !('trend' in series) || Array.isArray(series.trend);
}

/** What to draw for a series: the source's trend when it gave one, else its samples. */
function displayed(series: ObservedSeries): readonly Sample[] {
  return (isSourceSeries(series) ? series.trend : undefined) ?? series.samples ?? [];
}

/** At most `max` samples spread evenly over the series, the oldest and the newest kept. */
export function downsample<T>(samples: readonly T[], max: number): T[] {
  if (samples.length <= max) return [...samples];
  if (max <= 1) return samples.slice(-1);
  const last = samples.length - 1;
  return Array.from({ length: max }, (_, i) => samples[Math.round((i * last) / (max - 1))] as T);
}

/**
 * The trend a check records: the samples its source read for display, at most TREND_MAX_SERIES
 * series (those in `matched` first, then by label text) of at most TREND_MAX_SAMPLES each.
 * Undefined when no series has a sample (a failed check, an instant-only fixture value).
 */
export function checkTrend(observation: CheckObservation, matched: ReadonlySet<string> = new Set()): TrendSeries[] | undefined {
  if (observation.status !== 'ok') return undefined;
  const drawn = observation.series
    .map((series) => ({ series, text: labelText(series.labels), samples: displayed(series) }))
    .filter((s) => s.samples.length > 0);
  if (drawn.length === 0) return undefined;
  drawn.sort((a, b) => Number(matched.has(b.text)) - Number(matched.has(a.text)) || (a.text < b.text ? -1 : a.text > b.text ? 1 : 0));
  return drawn.slice(0, TREND_MAX_SERIES).map(({ series, samples }) => ({
    labels: { ...series.labels },
    samples: downsample(samples, TREND_MAX_SAMPLES).map(([t, v]): TrendSample => [t, Number.isFinite(v) ? v : null]),
  }));
}
