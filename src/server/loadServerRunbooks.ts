import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { readSourceFiles } from '../cli/readSourceFiles.js';
import type { FixtureScenario } from '../metrics/fixture/fixtureScenario.js';
import { loadScenario, scenarioProblems } from '../metrics/fixture/fixtureScenario.js';
import { checkCatalog } from '../runbook/checkCatalog.js';
import type { Problem } from '../runbook/problem.js';
import { runbookCatalog, type RejectedRunbook, type RunbookCatalog } from './runbookCatalog.js';

/** One line for a problem: `file:line:col rule: message`. */
export function problemText(p: Problem): string {
  return `${p.file}:${p.line}:${p.column} ${p.rule}: ${p.message}`;
}

export interface ServerRunbooks {
  /** The runbooks without errors, each with its warnings; `catalog.rejected` holds the files left out with all their problems. */
  catalog: RunbookCatalog;
  /** Runbooks left out (they have errors; `runpath validate` shows them all), and folder problems: one log line each. */
  skipped: string[];
}

/**
 * Loads and checks the runbooks a server walks. Runbooks with errors are left out (a broken
 * runbook must not be walked in an incident), each named with its first error; warnings are fine.
 * What was found is kept for the catalog page: each runbook's warnings, each left-out file's problems.
 */
export async function loadServerRunbooks(dir: string, cwd: string): Promise<ServerRunbooks & { missing: boolean }> {
  const read = await readSourceFiles([dir], cwd);
  const catalog = checkCatalog(read.files);
  const skipped = read.problems.map(problemText);
  // A file too large or unreadable is a file left out; a folder with no runbooks is not a file.
  const rejected: RejectedRunbook[] = read.problems.filter((p) => p.rule !== 'no-runbooks').map((p) => ({ file: p.file, problems: [p] }));
  const usable = catalog.runbooks.filter((entry) => {
    const error = entry.problems.find((p) => p.severity === 'error');
    if (error) skipped.push(`${entry.file}: left out, it has errors (run runpath validate ${entry.file}); first: ${problemText(error)}`);
    const usable = entry.value !== undefined && !error;
    if (!usable) rejected.push({ file: entry.file, ...(entry.value ? { id: entry.value.id } : {}), problems: entry.problems });
    return usable;
  });
  return { catalog: runbookCatalog(usable, rejected), skipped, missing: read.problems.some((p) => p.rule === 'no-runbooks') };
}

export interface DemoScenarios {
  /** By runbook id. */
  scenarios: Map<string, { scenario: FixtureScenario; file: string }>;
  skipped: string[];
}

/** The fixture scenarios (`*.scenario.yaml`) in `dir` that fit a loaded runbook: the demo's metrics. */
export async function loadDemoScenarios(dir: string, catalog: RunbookCatalog, cwd: string): Promise<DemoScenarios> {
  const scenarios = new Map<string, { scenario: FixtureScenario; file: string }>();
  const skipped: string[] = [];
  const abs = path.resolve(cwd, dir);
  let names: string[];
  try {
    names = (await readdir(abs)).filter((n) => n.endsWith('.scenario.yaml') || n.endsWith('.scenario.yml')).sort();
  } catch {
    return { scenarios, skipped: [`${dir}: no such folder; the demo needs fixture scenarios (*.scenario.yaml), e.g. demo/scenarios in the runpath repository`] };
  }
  for (const name of names) {
    const file = path.join(dir, name).split(path.sep).join('/');
    const loaded = loadScenario(await readFile(path.join(abs, name), 'utf8'), file);
    if (!loaded.value) {
      skipped.push(...loaded.problems.map(problemText));
      continue;
    }
    const runbook = catalog.runbooks.get(loaded.value.runbook);
    if (!runbook) {
      skipped.push(`${file}: left out, no runbook '${loaded.value.runbook}' is loaded`);
      continue;
    }
    const problems = scenarioProblems(loaded.value, loaded.map, file, runbook);
    if (problems.length > 0 || scenarios.has(runbook.id)) {
      skipped.push(...(problems.length > 0 ? problems.map(problemText) : [`${file}: left out, runbook '${runbook.id}' already has a scenario`]));
      continue;
    }
    scenarios.set(runbook.id, { scenario: loaded.value, file });
  }
  return { scenarios, skipped };
}
