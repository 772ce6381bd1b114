import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FixtureScenario } from '../../metrics/fixture/fixtureScenario.js';
import { loadScenario, scenarioProblems } from '../../metrics/fixture/fixtureScenario.js';
import { checkCatalog } from '../../runbook/checkCatalog.js';
import type { Problem } from '../../runbook/problem.js';
import { fileProblem } from '../../runbook/problem.js';
import type { Runbook } from '../../runbook/types.js';
import { readSourceFiles } from '../readSourceFiles.js';

/** A runbook ready to walk, or why not: `problems` (errors of the file) and/or a one-line `error`. */
export type FoundRunbook = { runbook: Runbook; file: string } | { error?: string; problems: Problem[] };

/** Runbook ids never hold `.` or `/`, so anything that does is a path. */
function isPath(target: string): boolean {
  return /[./\\]/.test(target);
}

/**
 * Loads the runbook to walk, by file path or by id under `runbooksDir`, with the whole of
 * `runpath validate` applied: a runbook with errors is refused (its warnings are not).
 */
export async function findWalkRunbook(target: string, runbooksDir: string, cwd: string): Promise<FoundRunbook> {
  const byPath = isPath(target);
  const read = await readSourceFiles([byPath ? target : runbooksDir], cwd);
  if (read.problems.length > 0 && (byPath || read.files.length === 0)) return { problems: read.problems };
  const catalog = checkCatalog(read.files);
  const candidates = byPath ? catalog.runbooks : catalog.runbooks.filter((e) => e.value?.id === target);
  const [entry, ...more] = candidates;
  if (entry === undefined) {
    if (byPath) return { error: `'${target}' holds no runbook (a test file cannot be walked); pass the runbook itself`, problems: [] };
    const ids = [...new Set(catalog.runbooks.flatMap((e) => (e.value ? [e.value.id] : [])))].sort();
    const known = ids.length === 0 ? 'It holds no valid runbook.' : `Known ids: ${ids.join(', ')}.`;
    return { error: `no runbook with id '${target}' in ${runbooksDir}. ${known}`, problems: [] };
  }
  if (more.length > 0) {
    const files = candidates.map((e) => e.file).join(', ');
    return { error: byPath ? `'${target}' holds ${candidates.length} runbooks; pass one runbook file` : `runbook id '${target}' is defined in ${files}; pass the file path instead`, problems: [] };
  }
  const errors = catalog.problems.filter((p) => p.file === entry.file && p.severity === 'error');
  if (errors.length > 0 || entry.value === undefined) {
    const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
    return { error: `${entry.file} has ${count}; fix it before walking (details: runpath validate ${entry.file})`, problems: errors };
  }
  return { runbook: entry.value, file: entry.file };
}

export type FoundScenario = { scenario: FixtureScenario; file: string } | { problems: Problem[] };

/** Reads a `--scenario` file and checks it against the runbook it should feed. */
export async function readWalkScenario(file: string, runbook: Runbook, cwd: string): Promise<FoundScenario> {
  let text: string;
  try {
    text = await readFile(path.resolve(cwd, file), 'utf8');
  } catch (err) {
    const why = err instanceof Error && 'code' in err && err.code === 'ENOENT' ? 'it does not exist' : err instanceof Error ? err.message : String(err);
    return { problems: [fileProblem(file, 'read-error', `cannot read the scenario: ${why}`)] };
  }
  const loaded = loadScenario(text, file);
  if (!loaded.value) return { problems: loaded.problems };
  const problems = scenarioProblems(loaded.value, loaded.map, file, runbook);
  return problems.length > 0 ? { problems } : { scenario: loaded.value, file };
}
