#!/usr/bin/env node
// bench/validate: `runpath validate` vs ajv-cli's schema-only validation of the same 1,000
// generated runbooks, end to end (process start to exit), alternating the two tools each round.
//   npm run build && node bench/validate/run.js [--rounds 7] [--count 1000] [--seed S] [--max-ratio R]
// Prints each round's wall times and ratio, the medians, and the median ratio runpath/ajv-cli
// (lower is better; the target is <= 1). Exits 1 if either tool fails, finds a problem in the generated corpus,
// or does not see every file; also if --max-ratio is given and the median ratio exceeds it.

import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { DEFAULT_COUNT, DEFAULT_SEED, MAX_COUNT, generateCorpus } from './generate.js';
import { generateRunbook } from './generateRunbook.js';
import { median } from '../lib/median.js';
import { ajvArgs, readAjvResult, readRunpathResult, runpathArgs } from './tools.js';
import { wholeNumber } from '../lib/cliNumbers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'bench', '.out', 'validate');
const CORPUS = path.join(OUT, 'runbooks');
const CONTROL = path.join(OUT, 'control');
const SCHEMA = 'schemas/runbook.schema.json';
const MAX_ROUNDS = 50;
const HELP = `usage: node bench/validate/run.js [options]   (or: npm run bench -- [options])

Times \`runpath validate <dir> --format json\` against
\`ajv validate --spec=draft7 -s ${SCHEMA} -d "<dir>/*.yaml"\` on N generated runbooks.
Run \`npm run build\` first: the bench runs the built CLI in dist/.

options:
  --rounds <n>        timed rounds, each running both tools, order alternating (default 7, max ${MAX_ROUNDS})
  --count <n>         runbooks to generate (default ${DEFAULT_COUNT})
  --seed <n>          generator seed (default ${DEFAULT_SEED})
  --timeout <s>       per-run time limit in seconds (default 300)
  --max-ratio <r>     also fail when the median ratio runpath/ajv-cli exceeds r
  -h, --help          show this help
`;

function fail(message) {
  process.stderr.write(`bench/validate: ${message}\n`);
  return 1;
}

function newestMtime(dir) {
  let newest = 0;
  const stack = [dir];
  while (stack.length > 0) {
    const d = stack.pop();
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const full = path.join(d, e.name);
      if (e.isDirectory()) stack.push(full);
      else newest = Math.max(newest, statSync(full).mtimeMs);
    }
  }
  return newest;
}

/** A stale dist/ would time yesterday's code; say so rather than silently measuring it. */
function distWarning() {
  const built = path.join(ROOT, 'dist', 'src', 'cli', 'main.js');
  if (!existsSync(built)) return 'dist/ is missing: run `npm run build` first';
  const stale = newestMtime(path.join(ROOT, 'src')) > statSync(built).mtimeMs;
  return stale ? 'src/ has changes newer than dist/: run `npm run build` to time the current code' : null;
}

/** Regenerates the corpus unless the same generator already wrote the same count and seed. */
async function ensureCorpus(count, seed) {
  const sources = ['generate.js', 'generateRunbook.js', 'probes.js', 'prose.js', 'prng.js', 'toYaml.js'];
  const hash = createHash('sha256');
  for (const f of sources) hash.update(readFileSync(new URL(f, import.meta.url)));
  const key = { count, seed, generator: hash.digest('hex').slice(0, 16) };
  const manifest = path.join(OUT, 'corpus.json');
  try {
    const old = JSON.parse(await readFile(manifest, 'utf8'));
    const files = readdirSync(CORPUS).filter((f) => f.endsWith('.yaml')).length;
    if (old.count === count && old.seed === seed && old.generator === key.generator && files === count) return { ...old, reused: true };
  } catch {
    // No usable manifest: generate.
  }
  const started = process.hrtime.bigint();
  const written = await generateCorpus({ count, seed, out: CORPUS });
  const info = { ...key, nodes: written.nodes, bytes: written.bytes, generateMs: Number(process.hrtime.bigint() - started) / 1e6 };
  await writeFile(manifest, `${JSON.stringify(info, null, 2)}\n`);
  return { ...info, reused: false };
}

/** One runbook with a schema error: both tools must reject it, or they are not really checking. */
async function writeControl(seed) {
  await rm(CONTROL, { recursive: true, force: true });
  await mkdir(CONTROL, { recursive: true });
  const { text } = generateRunbook(0, seed);
  const broken = text.replace(/^( +)outcome: \w+$/m, '$1outcome: fixed-it');
  if (broken === text) throw new Error('could not break the control runbook');
  await writeFile(path.join(CONTROL, 'broken.yaml'), broken);
}

function run(argv, timeoutMs) {
  const started = process.hrtime.bigint();
  const r = spawnSync(process.execPath, argv, { cwd: ROOT, encoding: 'utf8', timeout: timeoutMs, maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, status: r.status, signal: r.signal, error: r.error, stdout: r.stdout ?? '', stderr: r.stderr ?? '' };
}

function describeExit(r) {
  if (r.error) return r.error.message;
  return r.signal ? `killed by ${r.signal}` : `exit ${r.status}`;
}

/** Runs one tool once; throws with the reason when it did not check all `count` files cleanly. */
const TOOLS = {
  runpath: {
    argv: () => runpathArgs(ROOT, path.relative(ROOT, CORPUS)),
    verify(r, count) {
      const res = readRunpathResult(r.stdout);
      if (res.error) throw new Error(`runpath validate (${describeExit(r)}): ${res.error}\n${r.stderr.slice(0, 2000)}`);
      if (res.problems.length > 0) {
        const first = res.problems.slice(0, 5).map((p) => `  ${p.file}:${p.line}:${p.column}: ${p.message} [${p.rule}]`).join('\n');
        throw new Error(`runpath reported ${res.problems.length} problems on the generated corpus (a generator or lint bug):\n${first}`);
      }
      if (r.status !== 0) throw new Error(`runpath validate: ${describeExit(r)}\n${r.stderr.slice(0, 2000)}`);
      if (res.files !== count) throw new Error(`runpath checked ${res.files} files, expected ${count}`);
      return `${res.files} files checked, 0 problems`;
    },
  },
  'ajv-cli': {
    argv: () => ajvArgs(ROOT, SCHEMA, `${path.relative(ROOT, CORPUS)}/*.yaml`),
    verify(r, count) {
      const res = readAjvResult(r.stdout, r.stderr);
      if (r.status !== 0 || res.invalid > 0) throw new Error(`ajv-cli (${describeExit(r)}), ${res.invalid} invalid:\n${r.stderr.slice(0, 2000)}`);
      if (res.valid !== count) throw new Error(`ajv-cli reported ${res.valid} valid files, expected ${count}`);
      return `${res.valid} files reported valid`;
    },
  },
};

function checkControls(timeoutMs) {
  const rel = path.relative(ROOT, CONTROL);
  const rp = run(runpathArgs(ROOT, rel), timeoutMs);
  const rpRes = readRunpathResult(rp.stdout);
  if (rp.status !== 1 || rpRes.error || rpRes.problems.length === 0) throw new Error(`control: runpath should reject ${rel}/broken.yaml (${describeExit(rp)})`);
  const aj = run(ajvArgs(ROOT, SCHEMA, `${rel}/*.yaml`), timeoutMs);
  if (aj.status !== 1 || readAjvResult(aj.stdout, aj.stderr).invalid !== 1) throw new Error(`control: ajv-cli should reject ${rel}/broken.yaml (${describeExit(aj)}): ${aj.stderr.slice(0, 500)}`);
}

const fmt = (ms) => ms.toFixed(0).padStart(9);

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string' }, count: { type: 'string' }, seed: { type: 'string' }, timeout: { type: 'string' },
      'max-ratio': { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const rounds = wholeNumber(values.rounds, '--rounds', 7, MAX_ROUNDS);
  const count = wholeNumber(values.count, '--count', DEFAULT_COUNT, MAX_COUNT);
  const seed = values.seed === undefined ? DEFAULT_SEED : wholeNumber(values.seed, '--seed', DEFAULT_SEED, 2 ** 32 - 1);
  const timeoutMs = wholeNumber(values.timeout, '--timeout', 300, 3600) * 1000;
  const maxRatio = values['max-ratio'] === undefined ? undefined : Number(values['max-ratio']);
  if (maxRatio !== undefined && !(maxRatio > 0)) throw new Error(`--max-ratio takes a positive number, got '${values['max-ratio']}'`);

  const warning = distWarning();
  if (warning?.startsWith('dist/ is missing')) return fail(warning);
  if (warning) process.stdout.write(`WARNING: ${warning}\n`);

  const corpus = await ensureCorpus(count, seed);
  process.stdout.write(`bench/validate: ${count} runbooks, ${corpus.nodes} nodes (${(corpus.nodes / count).toFixed(1)} per runbook), ${Math.round(corpus.bytes / 1024)} KiB in ${path.relative(ROOT, CORPUS)}`
    + ` (${corpus.reused ? 'reused' : `generated in ${(corpus.generateMs / 1000).toFixed(1)} s`}, seed ${seed})\n`);
  process.stdout.write(`machine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown'}; node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
  process.stdout.write(`runpath: node ${runpathArgs('.', path.relative(ROOT, CORPUS)).join(' ')}\n`);
  process.stdout.write(`ajv-cli: node ${ajvArgs(ROOT, SCHEMA, `${path.relative(ROOT, CORPUS)}/*.yaml`).map((a) => (a.includes('*') ? `"${a}"` : path.isAbsolute(a) ? path.relative(ROOT, a) : a)).join(' ')}\n`);

  await writeControl(seed);
  checkControls(timeoutMs);
  process.stdout.write('controls: both tools reject a runbook with a schema error\n');

  // One untimed run each warms the file cache and checks that both see every file.
  const proof = {};
  for (const [name, tool] of Object.entries(TOOLS)) proof[name] = tool.verify(run(tool.argv(), timeoutMs), count);
  process.stdout.write(`warm-up: runpath ${proof.runpath}; ajv-cli ${proof['ajv-cli']}\n\n`);

  const times = { runpath: [], 'ajv-cli': [] };
  const ratios = [];
  process.stdout.write(`round  order            runpath ms  ajv-cli ms   ratio\n`);
  for (let i = 0; i < rounds; i++) {
    // Alternate who goes first so neither always runs right after the other's cache and CPU state.
    const order = i % 2 === 0 ? ['runpath', 'ajv-cli'] : ['ajv-cli', 'runpath'];
    const round = {};
    for (const name of order) {
      const tool = TOOLS[name];
      const r = run(tool.argv(), timeoutMs);
      tool.verify(r, count);
      round[name] = r.ms;
      times[name].push(r.ms);
    }
    ratios.push(round.runpath / round['ajv-cli']);
    process.stdout.write(`${String(i + 1).padStart(5)}  ${order.join(' > ').padEnd(17)}${fmt(round.runpath)}   ${fmt(round['ajv-cli'])}   ${(round.runpath / round['ajv-cli']).toFixed(2).padStart(5)}\n`);
  }
  const mRunpath = median(times.runpath);
  const mAjv = median(times['ajv-cli']);
  // Each round's ratio pairs two runs made seconds apart, so load that drifts over the run cancels out.
  const ratio = median(ratios);
  process.stdout.write(`median                  ${fmt(mRunpath)}   ${fmt(mAjv)}   ${ratio.toFixed(2).padStart(5)}\n\n`);
  process.stdout.write(`runpath validate: median ${(mRunpath / 1000).toFixed(2)} s for ${count} files (${(count / (mRunpath / 1000)).toFixed(0)} files/s); schema + YAML safety + lint + PromQL\n`);
  process.stdout.write(`ajv-cli validate: median ${(mAjv / 1000).toFixed(2)} s for ${count} files (${(count / (mAjv / 1000)).toFixed(0)} files/s); schema only\n`);
  process.stdout.write(`ratio runpath/ajv-cli: ${ratio.toFixed(2)} (median of the rounds' ratios; ratio of the medians ${(mRunpath / mAjv).toFixed(2)}); target <= 1.00: ${ratio <= 1 ? 'met' : 'not met'}\n`);

  const result = { count, seed, rounds, node: process.version, loadavg: os.loadavg(), times, ratios, medians: { runpath: mRunpath, 'ajv-cli': mAjv }, ratio, ratioOfMedians: mRunpath / mAjv };
  await writeFile(path.join(OUT, 'result.json'), `${JSON.stringify(result, null, 2)}\n`);
  if (maxRatio !== undefined && ratio > maxRatio) return fail(`median ratio ${ratio.toFixed(2)} exceeds --max-ratio ${maxRatio}`);
  return 0;
}

try {
  process.exitCode = await main();
} catch (err) {
  process.exitCode = fail(err instanceof Error ? err.message : String(err));
}
