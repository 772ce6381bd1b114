import type { Sample } from '../../engine/walkInput.js';
import { parseSampleValue } from './parseSampleValue.js';
import type { InstantSeries, QueryData, RangeSeries } from './queryResult.js';

/** The parsed data, or what is wrong with the body (a sentence fragment the caller prefixes with the source). */
export type ParsedData = { data: QueryData } | { problem: string };

class ShapeError extends Error {}

const NOT_A_RESULT = 'answered JSON that is not a Prometheus query result';

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function shape(condition: boolean, what: string): asserts condition {
  if (!condition) throw new ShapeError(`${NOT_A_RESULT} (${what}); is the URL a Prometheus API?`);
}

/** `{job="api", zone="a"}`, shortened: for messages only. */
export function describeLabels(labels: Record<string, string>): string {
  const text = `{${Object.entries(labels).map(([k, v]) => `${k}=${JSON.stringify(v)}`).join(', ')}}`;
  return text.length > 120 ? `${text.slice(0, 117)}...}` : text;
}

function labelsOf(metric: unknown): Record<string, string> {
  shape(isRecord(metric), 'a series has no "metric" object');
  const labels: Record<string, string> = {};
  for (const [name, value] of Object.entries(metric)) {
    shape(typeof value === 'string', `label ${name} is not a string`);
    labels[name] = value;
  }
  return labels;
}

function sampleOf(pair: unknown, labels: Record<string, string>): Sample {
  shape(Array.isArray(pair) && pair.length === 2 && typeof pair[0] === 'number', 'a sample is not [time, "value"]');
  const value = parseSampleValue(pair[1]);
  if (value === undefined) {
    const shown = JSON.stringify(pair[1]).slice(0, 40);
    throw new ShapeError(`answered a value that is not a number (${shown}) for ${describeLabels(labels)}; a check needs numbers`);
  }
  return [pair[0], value];
}

function noHistograms(item: Record<string, unknown>, labels: Record<string, string>): void {
  if ('histogram' in item || 'histograms' in item) {
    throw new ShapeError(
      `answered a native histogram for ${describeLabels(labels)}; a check needs numbers: wrap the query in histogram_quantile(), histogram_count() or histogram_sum()`,
    );
  }
}

function seriesList(result: unknown, maxSeries: number): Record<string, unknown>[] {
  shape(Array.isArray(result), 'its result is not a list');
  if (result.length > maxSeries) {
    throw new ShapeError(
      `answered ${result.length} series, more than the ${maxSeries} a check takes; aggregate the query (sum by (…), topk(…))`,
    );
  }
  return result.map((item: unknown) => {
    shape(isRecord(item), 'a series is not an object');
    return item;
  });
}

function vector(result: unknown, maxSeries: number): InstantSeries[] {
  return seriesList(result, maxSeries).map((item) => {
    const labels = labelsOf(item.metric);
    noHistograms(item, labels);
    const [, value] = sampleOf(item.value, labels);
    return { labels, value };
  });
}

function matrix(result: unknown, maxSeries: number): RangeSeries[] {
  return seriesList(result, maxSeries).map((item) => {
    const labels = labelsOf(item.metric);
    noHistograms(item, labels);
    const values = item.values ?? [];
    shape(Array.isArray(values), 'a series\' "values" is not a list');
    return { labels, samples: values.map((pair: unknown) => sampleOf(pair, labels)) };
  });
}

/** Checks and converts the `data` of a `status: "success"` body. Never throws. */
export function parseQueryData(data: unknown, maxSeries: number): ParsedData {
  try {
    shape(isRecord(data), 'no "data" object');
    const { resultType, result } = data;
    switch (resultType) {
      case 'vector':
        return { data: { resultType, series: vector(result, maxSeries) } };
      case 'matrix':
        return { data: { resultType, series: matrix(result, maxSeries) } };
      case 'scalar':
        return { data: { resultType, value: sampleOf(result, {})[1] } };
      case 'string': {
        shape(Array.isArray(result) && typeof result[1] === 'string', 'a string result is not [time, "text"]');
        return { data: { resultType, value: result[1] } };
      }
      default:
        shape(false, `unknown resultType ${typeof resultType === 'string' ? JSON.stringify(resultType.slice(0, 40)) : typeof resultType}`);
    }
  } catch (error) {
    if (error instanceof ShapeError) return { problem: error.message };
    throw error;
  }
}
