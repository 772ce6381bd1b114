#!/usr/bin/env node
// Writes the validate benchmark's corpus: N generated runbooks (default 1,000) of ~30 nodes.
//   node bench/validate/generate.js [--count 1000] [--seed 20261121] [--out bench/.out/validate/runbooks]
// Same count and seed, same bytes. Every file is re-parsed and compared with the model it was
// written from, so the corpus means what the generator meant.

import { mkdir, readdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import { parse } from 'yaml';
import { generateRunbook } from './generateRunbook.js';

export const DEFAULT_COUNT = 1000;
export const DEFAULT_SEED = 20261121;
export const MAX_COUNT = 100_000;
const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const DEFAULT_OUT = path.join(ROOT, 'bench', '.out', 'validate', 'runbooks');

/** Writes the corpus into `out` (replacing earlier generated files there) and returns what it wrote. */
export async function generateCorpus({ count = DEFAULT_COUNT, seed = DEFAULT_SEED, out = DEFAULT_OUT } = {}) {
  if (!Number.isInteger(count) || count < 1 || count > MAX_COUNT) throw new Error(`--count must be an integer from 1 to ${MAX_COUNT}`);
  if (!Number.isInteger(seed) || seed < 0) throw new Error('--seed must be a non-negative integer');
  await mkdir(out, { recursive: true });
  for (const name of await readdir(out)) {
    if (/^rb-\d+-.*\.yaml$/.test(name)) await rm(path.join(out, name));
  }
  let bytes = 0;
  let nodes = 0;
  for (let i = 0; i < count; i++) {
    const { file, runbook, text } = generateRunbook(i, seed);
    const back = parse(text, { version: '1.2', schema: 'core', uniqueKeys: true });
    if (!isDeepStrictEqual(back, runbook)) throw new Error(`generator bug: ${file} does not parse back to the runbook it was written from`);
    await writeFile(path.join(out, file), text);
    bytes += text.length;
    nodes += Object.keys(runbook.nodes).length;
  }
  return { out, count, seed, bytes, nodes };
}

function intOption(value, name, fallback) {
  if (value === undefined) return fallback;
  if (!/^\d+$/.test(value)) throw new Error(`${name} takes a whole number, got '${value}'`);
  return Number(value);
}

async function cli() {
  const { values } = parseArgs({
    options: { count: { type: 'string' }, seed: { type: 'string' }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
    strict: true,
  });
  if (values.help) {
    process.stdout.write('usage: node bench/validate/generate.js [--count N] [--seed S] [--out DIR]\n');
    return 0;
  }
  const result = await generateCorpus({
    count: intOption(values.count, '--count', DEFAULT_COUNT),
    seed: intOption(values.seed, '--seed', DEFAULT_SEED),
    out: values.out === undefined ? DEFAULT_OUT : path.resolve(values.out),
  });
  process.stdout.write(`wrote ${result.count} runbooks (${result.nodes} nodes, ${Math.round(result.bytes / 1024)} KiB) to ${path.relative(process.cwd(), result.out) || '.'}\n`);
  return 0;
}

if (process.argv[1] !== undefined && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    process.exitCode = await cli();
  } catch (err) {
    process.stderr.write(`generate: ${err instanceof Error ? err.message : String(err)}\n`);
    process.exitCode = 1;
  }
}
