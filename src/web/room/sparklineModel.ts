import type { CheckTrendSeries } from '../../incidents/incidentEvent.js';

export interface SparklineSize {
  width: number;
  height: number;
  /** Space kept free inside the edges, so lines at the extremes stay visible. */
  pad: number;
}

export interface SparklineSeries {
  key: string;
  /** The series' labels as text, for its title. */
  label: string;
  /** Runs of consecutive numeric samples ("x,y x,y…"); a null sample (NaN, ±Inf) breaks the line. */
  segments: string[];
  /** Single samples between nulls: drawn as dots, since a one-point polyline shows nothing. */
  dots: { x: number; y: number }[];
}

export interface SparklineModel {
  series: SparklineSeries[];
  thresholds: { value: number; y: number }[];
  /** The value range drawn (thresholds included, so a line shows how far the value is from them). */
  min: number;
  max: number;
  /** The time range, unix seconds. */
  from: number;
  to: number;
  /** No numeric sample at all: nothing to draw. */
  empty: boolean;
}

const round = (n: number): number => Math.round(n * 10) / 10;

function labelText(labels: Record<string, string>): string {
  const pairs = Object.entries(labels).map(([k, v]) => `${k}="${v}"`);
  return `{${pairs.join(', ')}}`;
}

/**
 * Lays out a check's trend as polylines in a width×height box (y grows downward), with a
 * horizontal line per threshold. Pure: the Sparkline component only draws what this returns.
 */
export function sparklineModel(trend: readonly CheckTrendSeries[], thresholds: readonly number[], size: SparklineSize): SparklineModel {
  let min = Infinity;
  let max = -Infinity;
  let from = Infinity;
  let to = -Infinity;
  for (const s of trend) {
    for (const [t, v] of s.samples) {
      from = Math.min(from, t);
      to = Math.max(to, t);
      if (v === null) continue;
      min = Math.min(min, v);
      max = Math.max(max, v);
    }
  }
  if (min > max) return { series: [], thresholds: [], min: 0, max: 0, from: 0, to: 0, empty: true };
  for (const t of thresholds) {
    min = Math.min(min, t);
    max = Math.max(max, t);
  }
  if (min === max) {
    // A flat line: give it room above and below so it sits in the middle.
    const spread = min === 0 ? 1 : Math.abs(min) * 0.1;
    min -= spread;
    max += spread;
  }
  const { width, height, pad } = size;
  const x = (t: number): number => (to === from ? width / 2 : pad + ((t - from) / (to - from)) * (width - 2 * pad));
  const y = (v: number): number => pad + (1 - (v - min) / (max - min)) * (height - 2 * pad);

  const series = trend.map((s, index): SparklineSeries => {
    const segments: string[] = [];
    const dots: { x: number; y: number }[] = [];
    let run: string[] = [];
    const close = (): void => {
      if (run.length > 1) segments.push(run.join(' '));
      run = [];
    };
    let last: { x: number; y: number } | undefined;
    for (const [t, v] of s.samples) {
      if (v === null) {
        if (run.length === 1 && last) dots.push(last);
        close();
        continue;
      }
      last = { x: round(x(t)), y: round(y(v)) };
      run.push(`${last.x},${last.y}`);
    }
    if (run.length === 1 && last) dots.push(last);
    close();
    return { key: `${index}:${labelText(s.labels)}`, label: labelText(s.labels), segments, dots };
  });
  return { series, thresholds: thresholds.map((value) => ({ value, y: round(y(value)) })), min, max, from, to, empty: false };
}
