// Types for benchData.js, for the tests in test/bench/.
import type { Runbook } from '../../src/runbook/types.js';

export const SERVICES: string[];
export const ZONES: string[];
export const HOURS: number;
export const STEP_SECONDS: number;
export const QUERY_TEMPLATE: string;
export function renderedQuery(service: string): string;
export function benchSeries(
  counter: (name: string, labels: Record<string, string>, from: number, to: number, step: number, perSecond: (t: number) => number) => unknown,
  base: number,
): unknown[];
export function benchRunbook(): Runbook;
