import { describe, expect, it } from 'vitest';
import type { CheckRequest } from '../../../src/metrics/metricSource.js';
import type { ManualReading } from '../../../src/metrics/manual/manualSource.js';
import { ManualSource } from '../../../src/metrics/manual/manualSource.js';
import type { CheckNode } from '../../../src/runbook/types.js';

const node: CheckNode = { type: 'check', source: 'eyes', query: 'p99 on the latency dashboard', branches: [], default: 'a', on_no_data: 'a', on_error: 'a' };
const request: CheckRequest = { runbookId: 'rb', nodeId: 'latency', node, query: node.query, at: 5000, visit: 1 };

describe('ManualSource', () => {
  it('hands the request to the reader and turns a number into one series at the request time', async () => {
    const seen: CheckRequest[] = [];
    const source = new ManualSource('eyes', (r) => {
      seen.push(r);
      return Promise.resolve(0.42);
    });
    expect(source.type).toBe('manual');
    expect(source.name).toBe('eyes');
    expect(await source.observe(request)).toEqual({ status: 'ok', series: [{ labels: {}, value: 0.42 }], at: 5000 });
    expect(seen).toEqual([request]);
  });

  it.each<[ManualReading, unknown]>([
    ['no_data', { status: 'no_data' }],
    ['error', { status: 'error', reason: "the responder could not read a value for check 'latency'" }],
  ])('turns %s into a failed observation', async (reading, expected) => {
    expect(await new ManualSource('eyes', () => Promise.resolve(reading)).observe(request)).toEqual(expected);
  });

  it('turns a reader that throws (a closed prompt) into an error observation', async () => {
    const source = new ManualSource('eyes', () => Promise.reject(new Error('stdin closed')));
    expect(await source.observe(request)).toEqual({ status: 'error', reason: "no manual value for check 'latency': stdin closed" });
  });
});
