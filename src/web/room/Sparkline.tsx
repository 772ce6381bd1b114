import type { CheckTrendSeries } from '../../incidents/incidentEvent.js';
import { formatUtc } from '../format/formatTime.js';
import { formatCheckValue } from './formatCheckValue.js';
import { sparklineModel } from './sparklineModel.js';

const SIZE = { width: 240, height: 56, pad: 4 };
const MAX_SERIES_CLASSES = 5;

interface SparklineProps {
  trend: readonly CheckTrendSeries[];
  thresholds: readonly number[];
  unit?: string;
}

/** A check's metric over its window: one line per series, a dashed line per threshold. */
export function Sparkline({ trend, thresholds, unit }: SparklineProps) {
  const model = sparklineModel(trend, thresholds, SIZE);
  if (model.empty) return <p class="muted sparkline-empty">No trend to draw: the source gave no samples over the window.</p>;
  const minutes = Math.round((model.to - model.from) / 60);
  const description = `${trend.length} series over ${minutes} minutes, from ${formatCheckValue(model.min, unit)} to ${formatCheckValue(model.max, unit)}${
    thresholds.length > 0 ? `; threshold ${thresholds.map((t) => formatCheckValue(t, unit)).join(', ')}` : ''
  }`;
  return (
    <figure class="sparkline">
      <svg viewBox={`0 0 ${SIZE.width} ${SIZE.height}`} role="img" aria-label={`Trend: ${description}`} preserveAspectRatio="none">
        <title>{`${formatUtc(new Date(model.from * 1000).toISOString())} to ${formatUtc(new Date(model.to * 1000).toISOString())}`}</title>
        {model.thresholds.map((t) => (
          <line key={t.value} class="spark-threshold" x1="0" x2={SIZE.width} y1={t.y} y2={t.y} vector-effect="non-scaling-stroke" />
        ))}
        {model.series.map((s, index) => (
          <g key={s.key} class={`spark-series spark-series-${index % MAX_SERIES_CLASSES}`}>
            <title>{s.label}</title>
            {s.segments.map((points, i) => <polyline key={i} points={points} vector-effect="non-scaling-stroke" />)}
            {s.dots.map((d, i) => <circle key={`d${i}`} cx={d.x} cy={d.y} r="1.8" />)}
          </g>
        ))}
      </svg>
      <figcaption class="sparkline-caption">
        <span>last {minutes} min</span>
        <span>{formatCheckValue(model.min, unit, true)} – {formatCheckValue(model.max, unit, true)}</span>
        {thresholds.length > 0 ? <span class="spark-threshold-key">- - threshold {thresholds.map((t) => formatCheckValue(t, unit, true)).join(', ')}</span> : null}
      </figcaption>
    </figure>
  );
}
