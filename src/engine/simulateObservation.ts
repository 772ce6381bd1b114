import type { SimulatedSeries, SimulatedVisit } from '../runbook/testFileTypes.js';
import { expandSeries } from './expandSeries.js';
import { SimulationError } from './simulationError.js';
import type { CheckObservation, ObservedSeries, Sample } from './walkInput.js';

/** Where simulated samples sit in time: spaced by `intervalSeconds`, the newest at `at`. */
export interface SimulationClock {
  intervalSeconds: number;
  at: number;
}

/** The fixed evaluation time of simulated checks (unix seconds); any fixed time would do. */
export const SIMULATION_TIME = 1_700_000_000;

function toNumber(v: number | string, field: string): number {
  if (typeof v === 'number') return v;
  if (v === 'NaN') return Number.NaN;
  if (v === '+Inf' || v === 'Inf') return Infinity;
  if (v === '-Inf') return -Infinity;
  throw new SimulationError(`${field} is '${v}'; write a number, NaN, +Inf or -Inf`);
}

const SERIES_FIELDS = ['labels', 'value', 'values', 'baseline'] as const;

/** One simulated series, or undefined when it has no sample at all (absent from the result). */
function simulateSeries(spec: SimulatedSeries, clock: SimulationClock): ObservedSeries | undefined {
  const labels = spec.labels ?? {};
  let samples: Sample[] | undefined;
  if (spec.values !== undefined) {
    const expanded = expandSeries(spec.values);
    const last = expanded.length - 1;
    samples = expanded.flatMap((v, i): Sample[] => (v === null ? [] : [[clock.at - (last - i) * clock.intervalSeconds, v]]));
  }
  const newest = samples?.at(-1);
  let value: number;
  if (spec.value !== undefined) value = toNumber(spec.value, 'value');
  else if (newest) value = newest[1];
  else if (samples) return undefined;
  else throw new SimulationError('a series needs value or values; e.g. { value: 0.02 } or { values: "0.02x10" }');
  const series: ObservedSeries = { labels, value };
  if (samples) series.samples = samples;
  if (spec.baseline !== undefined) series.baseline = toNumber(spec.baseline, 'baseline');
  return series;
}

/**
 * Turns what a test case says a check sees on one visit into the observation a metric source
 * would produce: a number is one unlabelled series; no_data/error/timeout are failures; an object
 * gives value, values (promtool notation), baseline, or several labelled `series`.
 */
export function simulateObservation(visit: SimulatedVisit, clock: SimulationClock): CheckObservation {
  if (typeof visit === 'number') return { status: 'ok', series: [{ labels: {}, value: visit }], at: clock.at };
  switch (visit) {
    case 'no_data':
      return { status: 'no_data' };
    case 'error':
      return { status: 'error', reason: 'simulated error' };
    case 'timeout':
      return { status: 'timeout', reason: 'simulated timeout' };
  }
  const topLevel = SERIES_FIELDS.filter((k) => visit[k] !== undefined);
  if (visit.series !== undefined && topLevel.length > 0) {
    throw new SimulationError(`give either series: [...] or ${topLevel.join('/')} at the top, not both; move them into an entry of series`);
  }
  const specs: SimulatedSeries[] = visit.series ?? [visit];
  const series = specs.flatMap((spec) => simulateSeries(spec, clock) ?? []);
  return { status: 'ok', series, at: clock.at };
}
