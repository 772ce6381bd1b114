#!/usr/bin/env node
// The long run of timeline promise 1 against the real server: the CI test
// test/integration/server/killDuringStorm.test.ts (22 seeded SIGKILLs during append storms) run
// with many more kills and another seed.
//   npm run build && node bench/realtime/crash.js [--runs 200] [--seed 1]
// Exits with the test's status: non-zero if any acknowledged event was lost, duplicated or moved.

import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const { values } = parseArgs({ options: { runs: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
if (values.help) {
  process.stdout.write('usage: node bench/realtime/crash.js [--runs 200] [--seed <n>]   (run `npm run build` first)\n');
  process.exit(0);
}
const runs = values.runs ?? '200';
const seed = values.seed ?? String(Date.now() % 1_000_000);
if (!/^\d+$/.test(runs) || Number(runs) < 1) throw new Error(`--runs takes a whole number from 1, got '${runs}'`);
if (!/^\d+$/.test(seed)) throw new Error(`--seed takes a whole number, got '${seed}'`);

process.stdout.write(`bench/realtime crash: ${runs} SIGKILLs of runpath serve during append storms, seed ${seed}\n`);
const started = Date.now();
const vitest = path.join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
const result = spawnSync(process.execPath, [vitest, 'run', 'test/integration/server/killDuringStorm.test.ts'], {
  cwd: ROOT,
  stdio: 'inherit',
  env: { ...process.env, RUNPATH_KILL_RUNS: runs, RUNPATH_KILL_SEED: seed, RUNPATH_TEST_REPORT: '1' },
});
process.stdout.write(`${result.status === 0 ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 1000).toFixed(0)} s (replay with --seed ${seed} --runs ${runs})\n`);
process.exitCode = result.status ?? 1;
