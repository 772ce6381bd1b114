#!/usr/bin/env node
// Profiles `runpath validate` on the benchmark corpus and prints where the time goes.
//   npm run build && node bench/validate/run.js --rounds 1 && node bench/validate/profile.js [--top 25]
// Uses `node --cpu-prof`; the profile is kept in bench/.out/validate/profile/ for Chrome DevTools.
// Sampling adds some overhead, so compare shares, not the total with run.js.

import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { summarizeProfile, topFunctions } from './profileSummary.js';
import { runpathArgs } from './tools.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const CORPUS = path.join(ROOT, 'bench', '.out', 'validate', 'runbooks');
const PROFILE_DIR = path.join(ROOT, 'bench', '.out', 'validate', 'profile');

function main() {
  const { values } = parseArgs({ options: { top: { type: 'string' }, dir: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
  if (values.help) {
    process.stdout.write('usage: node bench/validate/profile.js [--top N] [--dir CORPUS]\n');
    return 0;
  }
  const top = values.top === undefined ? 25 : Number(values.top);
  if (!Number.isInteger(top) || top < 0 || top > 500) throw new Error('--top takes a whole number up to 500');
  const dir = values.dir === undefined ? CORPUS : path.resolve(values.dir);
  if (!existsSync(dir)) throw new Error(`${path.relative(ROOT, dir)} does not exist: run \`node bench/validate/generate.js\` (or run.js) first`);
  rmSync(PROFILE_DIR, { recursive: true, force: true });
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`, '--cpu-prof-interval=250', ...runpathArgs(ROOT, path.relative(ROOT, dir))],
    { cwd: ROOT, encoding: 'utf8', timeout: 600_000, maxBuffer: 256 * 1024 * 1024 });
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  if (r.status !== 0) throw new Error(`runpath validate exited ${r.status ?? r.signal}: ${(r.stderr || r.stdout).slice(0, 1000)}`);
  const file = readdirSync(PROFILE_DIR).find((f) => f.endsWith('.cpuprofile'));
  if (file === undefined) throw new Error('node wrote no .cpuprofile');
  const profile = JSON.parse(readFileSync(path.join(PROFILE_DIR, file), 'utf8'));
  const { totalMs, phases } = summarizeProfile(profile);
  process.stdout.write(`runpath validate ${path.relative(ROOT, dir)}: ${wallMs.toFixed(0)} ms wall under the profiler, ${totalMs.toFixed(0)} ms profiled\n\n`);
  process.stdout.write('phase                                        ms   share\n');
  for (const p of phases) process.stdout.write(`${p.phase.padEnd(40)}${p.ms.toFixed(0).padStart(7)}  ${(p.share * 100).toFixed(1).padStart(5)}%\n`);
  if (top > 0) {
    process.stdout.write(`\ntop ${top} functions by self time\n`);
    for (const f of topFunctions(profile, top)) process.stdout.write(`${f.ms.toFixed(0).padStart(7)} ms  ${f.name}\n`);
  }
  process.stdout.write(`\nprofile: ${path.relative(ROOT, path.join(PROFILE_DIR, file))} (open in Chrome DevTools > Performance)\n`);
  return 0;
}

try {
  process.exitCode = main();
} catch (err) {
  process.stderr.write(`bench/validate/profile: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exitCode = 1;
}
