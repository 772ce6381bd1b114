import type { CheckObservation, Sample } from '../../engine/walkInput.js';
import type { SourceSeries } from '../metricSource.js';
import type { InstantSeries, QueryData } from './queryResult.js';

/** The answers behind one check: the instant query, and the range and baseline queries when the check needs them. */
export interface CheckAnswers {
  instant: QueryData;
  range?: QueryData;
  /**
   * Where the `for` window's samples start: each series' `samples` are the range's from then on.
   * Absent: all of them. Null: none, the range is only there for the trend.
   */
  forStart?: number | null;
  /** Hand every sample of the range on as each series' `trend` (display only). */
  trend?: boolean;
  baseline?: QueryData;
}

/** Prometheus answers times in seconds with millisecond precision: compare to within half of one. */
const TIME_SLACK = 0.0005;

const labelKey = (labels: Record<string, string>): string => JSON.stringify(Object.entries(labels).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));

function instantSeries(data: QueryData, who: string, what: string): InstantSeries[] | { reason: string } {
  switch (data.resultType) {
    case 'vector':
      return data.series;
    case 'scalar':
      return [{ labels: {}, value: data.value }];
    case 'matrix':
      return { reason: `${who}: ${what} returns a range vector; wrap it in a function such as rate() or max_over_time()` };
    case 'string':
      return { reason: `${who}: ${what} returns a string; a check needs a number` };
  }
}

/**
 * One observation from a check's answers. The instant query decides which series exist; each
 * gets the samples of the range series and the baseline of the offset series with the identical
 * label set (none when absent: a series new since the baseline has no change to measure), and
 * with `trend`, the whole range as its trend.
 */
export function mergeObservation(answers: CheckAnswers, at: number, who: string): CheckObservation {
  const current = instantSeries(answers.instant, who, 'the query');
  if (!Array.isArray(current)) return { status: 'error', reason: current.reason };
  if (current.length === 0) return { status: 'no_data' };

  let ranged: Map<string, Sample[]> | undefined;
  const forStart = answers.forStart;
  if (answers.range) {
    if (answers.range.resultType === 'matrix') ranged = new Map(answers.range.series.map((s) => [labelKey(s.labels), s.samples]));
    // A range only for the trend is display: a wrong answer to it costs the trend, not the check.
    else if (forStart !== null) {
      return { status: 'error', reason: `${who} answered the range query for the check's \`for\` window with a ${answers.range.resultType}, not a matrix` };
    }
  }
  let baselines: Map<string, number> | undefined;
  if (answers.baseline) {
    const past = instantSeries(answers.baseline, who, 'the baseline query (at the compare offset)');
    if (!Array.isArray(past)) return { status: 'error', reason: past.reason };
    baselines = new Map(past.map((s) => [labelKey(s.labels), s.value]));
  }

  const series = current.map((s): SourceSeries => {
    const key = labelKey(s.labels);
    // Copies: cached answers are shared between callers and must stay as Prometheus sent them.
    const observed: SourceSeries = { labels: { ...s.labels }, value: s.value };
    const range = ranged?.get(key) ?? [];
    if (ranged && forStart !== null) {
      const from = forStart === undefined ? range : range.filter(([t]) => t >= forStart - TIME_SLACK);
      observed.samples = from.map(([t, v]): Sample => [t, v]);
    }
    if (ranged && answers.trend === true && range.length > 0) observed.trend = range.map(([t, v]): Sample => [t, v]);
    const baseline = baselines?.get(key);
    if (baseline !== undefined) observed.baseline = baseline;
    return observed;
  });
  return { status: 'ok', series, at };
}
