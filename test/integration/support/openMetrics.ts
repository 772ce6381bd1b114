// Deterministic metric data for a backfilled Prometheus: series as functions of time, written as
// the OpenMetrics text `promtool tsdb create-blocks-from openmetrics` reads.

/** One series' samples, [unix seconds, value], oldest first. */
export interface Series {
  name: string;
  labels: Record<string, string>;
  samples: [number, number][];
}

function times(fromSec: number, toSec: number, stepSec: number): number[] {
  if (!(stepSec > 0) || toSec < fromSec) throw new Error(`bad time range ${fromSec}..${toSec} step ${stepSec}`);
  const out: number[] = [];
  for (let t = fromSec; t <= toSec; t += stepSec) out.push(t);
  return out;
}

/** A gauge: `fn(t)` sampled every `stepSec` seconds from `fromSec` to `toSec`, both included. */
export function series(
  name: string,
  labels: Record<string, string>,
  fromSec: number,
  toSec: number,
  stepSec: number,
  fn: (t: number) => number,
): Series {
  return { name, labels, samples: times(fromSec, toSec, stepSec).map((t) => [t, fn(t)]) };
}

/**
 * A counter that grows at `perSecond(t)` per second (integrated step by step from `start`), so
 * `rate(name[5m])` at t reads back about `perSecond(t)`.
 */
export function counter(
  name: string,
  labels: Record<string, string>,
  fromSec: number,
  toSec: number,
  stepSec: number,
  perSecond: (t: number) => number,
  start = 0,
): Series {
  let total = start;
  const samples = times(fromSec, toSec, stepSec).map((t, i): [number, number] => {
    if (i > 0) total += perSecond(t) * stepSec;
    return [t, total];
  });
  return { name, labels, samples };
}

const NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;

function escapeLabelValue(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
}

function formatValue(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (v === Infinity) return '+Inf';
  if (v === -Infinity) return '-Inf';
  return String(v);
}

function seriesKey(s: Series): string {
  const labels = Object.keys(s.labels)
    .sort()
    .map((k) => `${k}="${escapeLabelValue(s.labels[k] ?? '')}"`)
    .join(',');
  return labels === '' ? s.name : `${s.name}{${labels}}`;
}

/**
 * OpenMetrics text of the given series: pieces of one series (same name and labels, e.g. today's
 * window and yesterday's) are merged in time order, families kept contiguous, every sample
 * timestamped in seconds, ending with `# EOF`. Throws on a duplicate timestamp (a data bug).
 */
export function toOpenMetrics(all: readonly Series[]): string {
  const merged = new Map<string, { name: string; samples: [number, number][] }>();
  for (const s of all) {
    if (!NAME.test(s.name)) throw new Error(`'${s.name}' is not a metric name`);
    for (const label of Object.keys(s.labels)) {
      if (!/^[a-zA-Z_][a-zA-Z0-9_]*$/.test(label)) throw new Error(`'${label}' is not a label name`);
    }
    const key = seriesKey(s);
    const entry = merged.get(key) ?? { name: s.name, samples: [] };
    entry.samples.push(...s.samples);
    merged.set(key, entry);
  }
  const byName = new Map<string, string[]>();
  for (const [key, { name, samples }] of merged) {
    samples.sort((a, b) => a[0] - b[0]);
    const lines = byName.get(name) ?? [];
    samples.forEach(([t, v], i) => {
      if (i > 0 && samples[i - 1]?.[0] === t) throw new Error(`${key} has two samples at ${t}`);
      lines.push(`${key} ${formatValue(v)} ${t}`);
    });
    byName.set(name, lines);
  }
  const out: string[] = [];
  for (const [name, lines] of byName) out.push(`# TYPE ${name} unknown`, ...lines);
  out.push('# EOF', '');
  return out.join('\n');
}
