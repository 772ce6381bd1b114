import { createSources } from '../metrics/createSources.js';
import type { FixtureScenario } from '../metrics/fixture/fixtureScenario.js';
import type { MetricSource } from '../metrics/metricSource.js';
import type { Runbook } from '../runbook/types.js';

export interface SourcesFactoryOptions {
  /** Base URLs by source name (`--source prom=http://…`); they win over RUNPATH_SOURCE_<NAME>_URL. */
  overrides: Readonly<Record<string, string>>;
  env: Readonly<Record<string, string | undefined>>;
  /** Demo: a fixture scenario per runbook id answers that runbook's checks. */
  scenarios?: ReadonlyMap<string, { scenario: FixtureScenario; file: string }>;
}

/**
 * The metric sources of each runbook, made once per runbook (a Prometheus source keeps its
 * connection settings and query cache across checks). Manual sources have nobody to ask on the
 * server yet, so their checks fail with the reason and follow on_error.
 */
export function sourcesFactory(options: SourcesFactoryOptions): (runbook: Runbook) => ReadonlyMap<string, MetricSource> {
  const made = new WeakMap<Runbook, ReadonlyMap<string, MetricSource>>();
  return (runbook) => {
    let sources = made.get(runbook);
    if (!sources) {
      const demo = options.scenarios?.get(runbook.id);
      sources = createSources(runbook, { overrides: options.overrides, env: options.env, ...(demo ? { fixture: demo.scenario, fixtureFile: demo.file } : {}) });
      made.set(runbook, sources);
    }
    return sources;
  };
}
