// Every shipped runbook walked end to end against a real Prometheus, on data shaped like its
// incident: the metrics its queries read (names, labels, the inputs' defaults) over time, one
// Prometheus for all scenarios, each scenario in its own ten-day slot so none sees another's data.
import { readdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSources } from '../../src/metrics/createSources.js';
import { loadRunbook } from '../../src/runbook/loadRunbook.js';
import type { CheckNode, Runbook } from '../../src/runbook/types.js';
import { cacheFlushed, exporterGone } from './scenarios/cacheThunderingHerd.js';
import { badDeploy, prometheusDown, sickPod } from './scenarios/checkout5xx.js';
import { chronyDied } from './scenarios/clockSkew.js';
import { productionSpike } from './scenarios/kafkaConsumerLag.js';
import { fdLeak } from './scenarios/resourceExhaustion.js';
import type { ExpectedCheck, Scenario } from './scenarios/scenario.js';
import { vendorSlow } from './scenarios/slowDependency.js';
import { securityGroupCut } from './scenarios/zonePartition.js';
import { toOpenMetrics } from './support/openMetrics.js';
import { backfillBase, hasPrometheus, startPrometheus, type RunningPrometheus } from './support/prometheusHarness.js';
import { walkScript, type CheckRecord } from './support/walkScript.js';
import { DAY, HOUR } from './support/windows.js';

const AVAILABLE = hasPrometheus();
const TITLE = 'shipped runbooks walked end to end on a real Prometheus';
const RUNBOOKS = fileURLToPath(new URL('../../runbooks/', import.meta.url));

const SCENARIOS: readonly Scenario[] = [
  badDeploy,
  sickPod,
  prometheusDown,
  vendorSlow,
  cacheFlushed,
  exporterGone,
  chronyDied,
  fdLeak,
  securityGroupCut,
  productionSpike,
];

const BASE = backfillBase();
/** Each scenario's incident time: ten days apart, more than any compare offset plus window. */
const t0Of = (index: number): number => BASE - index * 10 * DAY;

function loadShipped(): Map<string, Runbook> {
  const runbooks = new Map<string, Runbook>();
  for (const file of readdirSync(RUNBOOKS).filter((f) => f.endsWith('.yaml') && !f.endsWith('.test.yaml'))) {
    const loaded = loadRunbook(readFileSync(path.join(RUNBOOKS, file), 'utf8'), file);
    if (!loaded.value) throw new Error(`${file} does not load: ${loaded.problems.map((p) => p.message).join('; ')}`);
    runbooks.set(file.replace(/\.yaml$/, ''), loaded.value);
  }
  return runbooks;
}

/** The query with `{{ inputs.x }}` replaced verbatim: the shipped defaults need no escaping. */
function renderedByHand(query: string, inputs: Record<string, string>): string {
  return query.replace(/\{\{\s*inputs\.([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g, (_, name: string) => inputs[name] ?? `<no input ${name}>`);
}

function expectValue(actual: number, expected: number | readonly [number, number], what: string): void {
  if (typeof expected === 'number') {
    expect(Math.abs(actual - expected), `${what}: ${actual} should be ${expected}`).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(expected)));
  } else {
    expect(actual, what).toBeGreaterThanOrEqual(expected[0]);
    expect(actual, what).toBeLessThanOrEqual(expected[1]);
  }
}

function expectCheck(runbook: Runbook, inputs: Record<string, string>, record: CheckRecord, expected: ExpectedCheck): void {
  const { event } = record;
  const data = event.data;
  const what = `${data.node} at ${new Date(record.at * 1000).toISOString()}`;
  const node = runbook.nodes[data.node] as CheckNode;
  expect(data.node).toBe(expected.node);
  expect(data.query, `${what}: the query as sent, inputs rendered`).toBe(renderedByHand(node.query, inputs));
  expect(data.query).not.toContain('{{');
  expect(data.source).toBe(node.source);
  expect(data.sourceType).toBe('prometheus');
  expect(data.durationMs).toBeGreaterThanOrEqual(0);

  if (expected.failed !== undefined) {
    expect(event.type, `${what}: ${JSON.stringify(data)}`).toBe('check.failed');
    if (event.type !== 'check.failed') return;
    expect(event.data.status).toBe(expected.failed);
    expect(event.data.next).toBe(expected.failed === 'no_data' ? node.on_no_data : node.on_error);
    if (expected.reason !== undefined) expect(event.data.reason).toContain(expected.reason);
    return;
  }

  expect(event.type, `${what}: ${JSON.stringify(data)}`).toBe('check.evaluated');
  if (event.type !== 'check.evaluated') return;
  expect(event.data.branch, `${what}: branch (value ${event.data.value})`).toBe(expected.branch);
  const branch = typeof expected.branch === 'number' ? node.branches[expected.branch] : undefined;
  expect(event.data.next).toBe(branch ? branch.next : node.default);
  expect(event.data.reduce).toBe(node.reduce ?? 'any');
  expect(event.data.series.length).toBeGreaterThan(0);
  if (expected.value !== undefined) expectValue(event.data.value, expected.value, `${what}: value`);
  if (expected.series) {
    const { by, values, matched } = expected.series;
    const seen = event.data.series.map((s) => ({ key: s.labels[by] ?? '(none)', value: s.value, matched: s.matched }));
    if (values) {
      expect(seen.map((s) => s.key).sort()).toEqual(Object.keys(values).sort());
      for (const s of seen) expectValue(Math.abs(s.value), values[s.key] ?? Number.NaN, `${what}: series ${by}=${s.key}`);
    }
    expect(seen.filter((s) => s.matched).map((s) => s.key).sort()).toEqual([...matched].sort());
  }
}

async function refusedUrl(): Promise<string> {
  // A port that was free a moment ago and that nobody listens on now.
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => {
    resolve();
  }));
  return `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 1}`;
}

describe.skipIf(!AVAILABLE)(AVAILABLE ? TITLE : `SKIPPED: prometheus not installed (apt-get install prometheus): ${TITLE}`, () => {
  const runbooks = loadShipped();
  let prometheus: RunningPrometheus | undefined;
  let refused = '';

  beforeAll(async () => {
    const series = SCENARIOS.flatMap((scenario, i) => {
      const t0 = t0Of(i);
      const data = scenario.data(t0);
      for (const s of data) {
        const late = s.samples.find(([t]) => t > t0 + 2 * HOUR);
        if (late) throw new Error(`${scenario.name}: ${s.name} has a sample ${late[0] - t0} s after t0; keep data within 2 h of it`);
      }
      return data;
    });
    prometheus = await startPrometheus({ openMetrics: toOpenMetrics(series) });
    refused = await refusedUrl();
  }, 120_000);

  afterAll(async () => {
    await prometheus?.stop();
  }, 30_000);

  it('every shipped runbook has at least one incident walked here', () => {
    expect([...new Set(SCENARIOS.map((s) => s.runbook))].sort()).toEqual([...runbooks.keys()].sort());
    expect(runbooks.size).toBe(7);
  });

  SCENARIOS.forEach((scenario, index) => {
    it(`${scenario.runbook}: ${scenario.name}`, async () => {
      const runbook = runbooks.get(scenario.runbook);
      if (!runbook) throw new Error(`no runbook ${scenario.runbook}.yaml`);
      if (!prometheus) throw new Error('Prometheus did not start');
      const url = scenario.source === 'refused' ? refused : prometheus.url;
      const overrides = Object.fromEntries(Object.entries(runbook.sources).filter(([, s]) => s.type === 'prometheus').map(([name]) => [name, url]));
      const sources = createSources(runbook, { overrides, env: {} });
      const walk = await walkScript({ runbook, sources, inputs: scenario.inputs ?? {}, start: t0Of(index), script: scenario.script });

      expect(walk.path).toEqual(scenario.expect.path);
      const end = scenario.expect.path.at(-1) ?? '';
      expect(walk.state.ended).toMatchObject({ node: end, outcome: scenario.expect.outcome, by: 'end' });
      expect(walk.events.at(-1)).toMatchObject({ type: 'walk.ended', data: { node: end, outcome: scenario.expect.outcome } });

      expect(walk.checks.map((c) => c.event.data.node)).toEqual(scenario.expect.checks.map((c) => c.node));
      walk.checks.forEach((record, i) => {
        const expected = scenario.expect.checks[i];
        if (expected) expectCheck(runbook, walk.state.inputs, record, expected);
      });
    }, 30_000);
  });
});
