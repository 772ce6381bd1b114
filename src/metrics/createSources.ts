import type { CheckObservation } from '../engine/walkInput.js';
import type { Runbook, SourceType } from '../runbook/types.js';
import type { FixtureScenario } from './fixture/fixtureScenario.js';
import { FixtureSource } from './fixture/fixtureSource.js';
import type { ManualReader } from './manual/manualSource.js';
import { ManualSource } from './manual/manualSource.js';
import type { MetricSource } from './metricSource.js';
import { prometheusOptionsFromEnv } from './prometheus/prometheusOptionsFromEnv.js';
import { PrometheusSource } from './prometheus/prometheusSource.js';

export interface CreateSourcesOptions {
  /** Base URLs by source name (`--source prom=http://…` or server config); they win over the environment. */
  overrides: Readonly<Record<string, string>>;
  /** Where `RUNPATH_SOURCE_<NAME>_URL`, credentials and the runbook's `${VAR}`s are read. */
  env: Readonly<Record<string, string | undefined>>;
  /** Demo mode: this scenario answers every check, whatever the runbook's sources say. */
  fixture?: FixtureScenario;
  /** The scenario's file, named in the reason of a check it does not cover. */
  fixtureFile?: string;
  /** Asks a person for the values of `manual` sources. */
  manual?: ManualReader;
}

/**
 * A source that cannot run (no URL, no scenario, nobody to ask): every check on it fails with
 * the reason, which says what to configure. The walk then takes the check's on_error branch.
 */
export class UnavailableSource implements MetricSource {
  constructor(
    readonly name: string,
    readonly type: SourceType,
    readonly reason: string,
  ) {}

  observe(): Promise<CheckObservation> {
    return Promise.resolve({ status: 'error', reason: this.reason });
  }
}

function createSource(name: string, type: SourceType, url: string | undefined, options: CreateSourcesOptions): MetricSource {
  switch (type) {
    case 'prometheus': {
      const override = Object.hasOwn(options.overrides, name) ? options.overrides[name] : undefined;
      const resolved = prometheusOptionsFromEnv(name, url, options.env, override);
      return 'error' in resolved ? new UnavailableSource(name, type, resolved.error) : new PrometheusSource(resolved);
    }
    case 'fixture':
      return new UnavailableSource(name, type, `source '${name}' is a fixture source and no scenario was given; pass one (runpath walk: --scenario file.scenario.yaml)`);
    case 'manual':
      if (options.manual) return new ManualSource(name, options.manual);
      return new UnavailableSource(name, type, `source '${name}' is manual and nobody can be asked for its value here; walk in a terminal or in the web UI to type it`);
  }
}

/**
 * One metric source per source the runbook declares, keyed by its name: Prometheus with its URL
 * and credentials from overrides/environment, manual sources backed by `manual`. A scenario
 * replaces every source (demo mode). A source that cannot be configured still comes back, as one
 * whose checks fail with the reason, so a missing URL is a branch of the walk, not a crash.
 */
export function createSources(runbook: Runbook, options: CreateSourcesOptions): Map<string, MetricSource> {
  const sources = new Map<string, MetricSource>();
  const { fixture, fixtureFile } = options;
  for (const [name, spec] of Object.entries(runbook.sources)) {
    const source = fixture ? new FixtureSource(name, fixture, fixtureFile) : createSource(name, spec.type, spec.url, options);
    sources.set(name, source);
  }
  return sources;
}
