import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { FixtureScenario } from '../../metrics/fixture/fixtureScenario.js';
import { loadScenario, scenarioProblems } from '../../metrics/fixture/fixtureScenario.js';
import type { Problem } from '../../runbook/problem.js';
import { fileProblem } from '../../runbook/problem.js';
import type { Runbook } from '../../runbook/types.js';

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
