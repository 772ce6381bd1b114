import { describe, expect, it } from 'vitest';
import { createSources, UnavailableSource } from '../../src/metrics/createSources.js';
import { FixtureSource } from '../../src/metrics/fixture/fixtureSource.js';
import { ManualSource } from '../../src/metrics/manual/manualSource.js';
import type { CheckRequest, MetricSource } from '../../src/metrics/metricSource.js';
import { PrometheusSource } from '../../src/metrics/prometheus/prometheusSource.js';
import type { CheckNode, Runbook } from '../../src/runbook/types.js';

const check: CheckNode = { type: 'check', source: 'prom', query: 'up', branches: [], default: 'end', on_no_data: 'end', on_error: 'end' };
const runbook: Runbook = {
  runpath: 1,
  id: 'mixed',
  title: 'Mixed sources',
  sources: {
    prom: { type: 'prometheus', url: '${PROMETHEUS_URL}' },
    'edge-prom': { type: 'prometheus' },
    canned: { type: 'fixture' },
    eyes: { type: 'manual' },
  },
  start: 'c',
  nodes: { c: check, end: { type: 'end', outcome: 'resolved' } },
};

function request(nodeId = 'c'): CheckRequest {
  return { runbookId: 'mixed', nodeId, node: check, query: 'up', at: 1000, visit: 1 };
}

function get(sources: Map<string, MetricSource>, name: string): MetricSource {
  const source = sources.get(name);
  if (!source) throw new Error(`no source ${name}`);
  return source;
}

describe('createSources', () => {
  it('creates one source per declared source, keyed by name, of the declared type', () => {
    const sources = createSources(runbook, { overrides: {}, env: {}, manual: () => Promise.resolve(1) });
    expect([...sources.keys()]).toEqual(['prom', 'edge-prom', 'canned', 'eyes']);
    expect([...sources.values()].map((s) => [s.name, s.type])).toEqual([
      ['prom', 'prometheus'],
      ['edge-prom', 'prometheus'],
      ['canned', 'fixture'],
      ['eyes', 'manual'],
    ]);
    expect(get(sources, 'eyes')).toBeInstanceOf(ManualSource);
  });

  it('builds a Prometheus source from the runbook URL filled from the environment, or an override', () => {
    const fromEnv = createSources(runbook, { overrides: {}, env: { PROMETHEUS_URL: 'http://127.0.0.1:9090' } });
    const prom = get(fromEnv, 'prom');
    expect(prom).toBeInstanceOf(PrometheusSource);
    expect(prom instanceof PrometheusSource && prom.client.who).toContain('127.0.0.1:9090');
    const overridden = get(createSources(runbook, { overrides: { prom: 'http://10.0.0.7:9090' }, env: { PROMETHEUS_URL: 'http://127.0.0.1:9090' } }), 'prom');
    expect(overridden instanceof PrometheusSource && overridden.client.who).toContain('10.0.0.7:9090');
  });

  it('turns a Prometheus source without a URL into one whose checks fail with what to set', async () => {
    const sources = createSources(runbook, { overrides: {}, env: {} });
    const prom = get(sources, 'prom');
    expect(prom).toBeInstanceOf(UnavailableSource);
    const observed = await prom.observe(request());
    expect(observed).toEqual({ status: 'error', reason: expect.stringContaining('PROMETHEUS_URL') as unknown });
    expect(observed.status === 'error' && observed.reason).toContain('--source prom=');
    const edge = await get(sources, 'edge-prom').observe(request());
    expect(edge.status === 'error' && edge.reason).toContain('RUNPATH_SOURCE_EDGE_PROM_URL');
  });

  it('fails checks on fixture sources without a scenario and on manual sources without a reader, saying why', async () => {
    const sources = createSources(runbook, { overrides: {}, env: {} });
    expect(await get(sources, 'canned').observe(request())).toEqual({
      status: 'error',
      reason: "source 'canned' is a fixture source and no scenario was given; pass one (runpath walk: --scenario file.scenario.yaml)",
    });
    const eyes = await get(sources, 'eyes').observe(request());
    expect(eyes.status === 'error' && eyes.reason).toContain("source 'eyes' is manual");
  });

  it('answers every source from the scenario in demo mode', async () => {
    const fixture = { runbook: 'mixed', checks: { c: 0.7 } };
    const sources = createSources(runbook, { overrides: { prom: 'http://10.0.0.7:9090' }, env: {}, fixture, fixtureFile: 'demo.scenario.yaml', manual: () => Promise.resolve(1) });
    for (const name of ['prom', 'edge-prom', 'canned', 'eyes']) {
      const source = get(sources, name);
      expect(source).toBeInstanceOf(FixtureSource);
      expect(await source.observe(request())).toMatchObject({ status: 'ok', series: [{ value: 0.7 }] });
    }
    expect(await get(sources, 'prom').observe(request('other'))).toMatchObject({ reason: expect.stringContaining('demo.scenario.yaml') as unknown });
  });
});
