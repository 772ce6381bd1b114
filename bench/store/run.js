#!/usr/bin/env node
// bench/store: what a durable append to the embedded event store (LowdbEventStore) costs.
//   npm run build && node bench/store/run.js [--rounds 5] [--writers 50] [--appends 100] [--samples 200]
// Issue #4's targets: with 50 concurrent writers, ≥ 1,000 durable appends/s (and their p99);
// append latency in an incident of 5,000 events at most 1.5× that in one of 100. Baseline in the
// same run: a bare appendFile + fdatasync loop on one file. Exits 1 if an append goes missing, or
// a target is missed when --min-rate / --max-length-ratio ask for it.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, open, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { median } from '../lib/median.js';
import { wholeNumber } from '../lib/cliNumbers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'bench', '.out', 'store');
const HELP = `usage: node bench/store/run.js [options]   (or: npm run bench -- [options])

Times durable appends (acknowledged only once fsynced) to LowdbEventStore, each round in a fresh
data dir under bench/.out/store/:
  bare       one writer: FileHandle.appendFile + datasync of one event-sized line, in a loop (the baseline)
  store×1    --writers concurrent writers appending to ONE incident (group commit shares fsyncs)
  store×N    --writers concurrent writers, each appending to its own incident
  length     single appends, one at a time, alternating between an incident of 100 and one of 5,000 events
  rewrite    for comparison: a durable whole-document rewrite (lowdb's way) of 100 vs 5,000 events
Run \`npm run build\` first: the bench uses dist/.

options:
  --rounds <n>            rounds (default 5); the summary gives medians over rounds
  --writers <n>           concurrent writers (default 50)
  --appends <n>           appends per writer per round (default 100)
  --samples <n>           timed appends per incident size per round (default 200)
  --min-rate <r>          fail when store×1 or store×N makes fewer than r appends/s (target 1000)
  --max-length-ratio <r>  fail when the 5,000-vs-100 latency ratio exceeds r (target 1.5)
  -h, --help              show this help
(--count, --seed, --timeout, --pairs, --clients and --max-ratio, which other benches take, are accepted and ignored.)
`;

const SMALL = 100;
const LARGE = 5000;

function positive(value, name) {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!(n > 0)) throw new Error(`${name} takes a positive number, got '${value}'`);
  return n;
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

/** The built modules the bench times; a stale dist/ would time yesterday's code, so say so. */
async function loadDist() {
  const file = (rel) => path.join(ROOT, 'dist', 'src', rel);
  const needed = ['store/lowdbEventStore.js', 'store/durableJsonFile.js'];
  const missing = needed.filter((rel) => !existsSync(file(rel)));
  if (missing.length > 0) throw new Error(`dist/ lacks ${missing.join(', ')}: run \`npm run build\` first`);
  if (newestMtime(path.join(ROOT, 'src', 'store')) > statSync(file(needed[0])).mtimeMs) {
    process.stdout.write('WARNING: src/store has changes newer than dist/: run `npm run build` to time the current code\n');
  }
  const [{ LowdbEventStore }, { DurableJsonFile }] = await Promise.all(needed.map((rel) => import(pathToFileURL(file(rel)).href)));
  return { LowdbEventStore, DurableJsonFile };
}

/** An event draft about the size of a real note (≈ 250 bytes stored). */
function draft(writer, n) {
  return { type: 'note.added', actor: { kind: 'user', name: `writer-${writer}` }, data: { text: `note ${n} from writer ${writer}: ${'checked the dashboards, error ratio back under 1% '.slice(0, 60)}`, n } };
}

function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)];
}

/** The bare baseline: what one fsynced append of the same line costs with nothing around it. */
async function bareLoop(dir, count) {
  const line = `${JSON.stringify({ events: [{ incidentId: 'bare', seq: 1, id: '00000000-0000-0000-0000-000000000000', at: new Date().toISOString(), ...draft(0, 0) }] })}\n`;
  const handle = await open(path.join(dir, 'bare.jsonl'), 'a');
  const latencies = [];
  const started = performance.now();
  try {
    for (let i = 0; i < count; i++) {
      const t = performance.now();
      await handle.appendFile(line);
      await handle.datasync();
      latencies.push(performance.now() - t);
    }
  } finally {
    await handle.close();
  }
  return { rate: count / ((performance.now() - started) / 1000), p50: median(latencies), p99: quantile(latencies, 0.99) };
}

/** `writers` concurrent loops of `appends` appends each; incidentOf(w) says where writer w appends. */
async function storm(store, writers, appends, incidentOf) {
  const latencies = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: writers }, async (_, w) => {
      for (let n = 0; n < appends; n++) {
        const t = performance.now();
        await store.append({ incidentId: incidentOf(w), drafts: [draft(w, n)] });
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  return { rate: (writers * appends) / seconds, p50: median(latencies), p99: quantile(latencies, 0.99) };
}

async function fill(store, incidentId, events) {
  for (let done = 0; done < events; done += 100) {
    await store.append({ incidentId, drafts: Array.from({ length: Math.min(100, events - done) }, (_, i) => draft(0, done + i)) });
  }
}

/** Single appends one at a time, alternating between the small and the large incident (order flipping each pair). */
async function lengthLatency(store, samples) {
  await fill(store, 'small', SMALL);
  await fill(store, 'large', LARGE);
  const small = [];
  const large = [];
  const ratios = [];
  for (let i = 0; i < samples; i++) {
    const order = i % 2 === 0 ? ['small', 'large'] : ['large', 'small'];
    const took = {};
    for (const id of order) {
      const t = performance.now();
      await store.append({ incidentId: id, drafts: [draft(1, i)] });
      took[id] = performance.now() - t;
    }
    small.push(took.small);
    large.push(took.large);
    ratios.push(took.large / took.small);
  }
  return { small: median(small), large: median(large), ratio: median(ratios) };
}

/** What the design avoids: rewriting the incident as one JSON document, durably, per append. */
async function rewriteLatency(DurableJsonFile, dir, samples) {
  const events = (n) => ({ events: Array.from({ length: n }, (_, i) => ({ incidentId: 'doc', seq: i + 1, id: `id-${i}`, at: new Date().toISOString(), ...draft(0, i) })) });
  const docs = { small: events(SMALL), large: events(LARGE) };
  const times = { small: [], large: [] };
  for (let i = 0; i < samples; i++) {
    for (const size of i % 2 === 0 ? ['small', 'large'] : ['large', 'small']) {
      const adapter = new DurableJsonFile(path.join(dir, `${size}.json`));
      const t = performance.now();
      await adapter.write(docs[size]);
      times[size].push(performance.now() - t);
    }
  }
  return { small: median(times.small), large: median(times.large), ratio: median(times.large) / median(times.small) };
}

/** Every append made is there, gapless (a fast store that loses appends proves nothing). */
async function check(store, expected) {
  for (const [id, count] of expected) {
    const events = await store.read(id);
    if (events.length !== count || events.some((e, i) => e.seq !== i + 1)) throw new Error(`incident ${id} holds ${events.length} events, expected ${count} gapless`);
  }
}

async function round(dist, r, options) {
  const dir = path.join(OUT, `round-${r}`);
  await rm(dir, { recursive: true, force: true });
  await mkdir(dir, { recursive: true });
  const quiet = { onNotice: () => undefined };
  try {
    const bare = await bareLoop(dir, options.writers * options.appends > 2000 ? 2000 : options.writers * options.appends);
    let store = await dist.LowdbEventStore.open({ dataDir: path.join(dir, 'one'), ...quiet });
    const one = await storm(store, options.writers, options.appends, () => 'shared');
    await check(store, [['shared', options.writers * options.appends]]);
    await store.close();
    store = await dist.LowdbEventStore.open({ dataDir: path.join(dir, 'many'), ...quiet });
    const many = await storm(store, options.writers, options.appends, (w) => `writer-${w}`);
    await check(store, Array.from({ length: options.writers }, (_, w) => [`writer-${w}`, options.appends]));
    await store.close();
    store = await dist.LowdbEventStore.open({ dataDir: path.join(dir, 'length'), ...quiet });
    const length = await lengthLatency(store, options.samples);
    await check(store, [['small', SMALL + options.samples], ['large', LARGE + options.samples]]);
    await store.close();
    const rewrite = await rewriteLatency(dist.DurableJsonFile, dir, Math.max(5, Math.round(options.samples / 10)));
    return { bare, one, many, length, rewrite };
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}

const f0 = (n) => n.toFixed(0).padStart(6);
const f2 = (n) => n.toFixed(2).padStart(6);

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string' }, writers: { type: 'string' }, appends: { type: 'string' }, samples: { type: 'string' },
      'min-rate': { type: 'string' }, 'max-length-ratio': { type: 'string' },
      count: { type: 'string' }, seed: { type: 'string' }, timeout: { type: 'string' }, pairs: { type: 'string' }, clients: { type: 'string' }, 'max-ratio': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const options = {
    rounds: wholeNumber(values.rounds, '--rounds', 5, 50),
    writers: wholeNumber(values.writers, '--writers', 50, 1000),
    appends: wholeNumber(values.appends, '--appends', 100, 100_000),
    samples: wholeNumber(values.samples, '--samples', 200, 100_000),
    minRate: positive(values['min-rate'], '--min-rate'),
    maxLengthRatio: positive(values['max-length-ratio'], '--max-length-ratio'),
  };
  const dist = await loadDist();
  process.stdout.write(`node bench/store/run.js --rounds ${options.rounds} --writers ${options.writers} --appends ${options.appends} --samples ${options.samples}\n`);
  process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${os.cpus().length} cores, data under ${path.relative(ROOT, OUT)}/\n\n`);
  process.stdout.write('round  bare/s  p99ms | store×1/s  p99ms | store×N/s  p99ms | len100 ms len5000 ms ratio | rewrite ratio\n');
  const results = [];
  for (let r = 1; r <= options.rounds; r++) {
    const x = await round(dist, r, options);
    results.push(x);
    process.stdout.write(`${String(r).padStart(5)}  ${f0(x.bare.rate)} ${f2(x.bare.p99)} |    ${f0(x.one.rate)} ${f2(x.one.p99)} |    ${f0(x.many.rate)} ${f2(x.many.p99)} |   ${f2(x.length.small)}    ${f2(x.length.large)} ${f2(x.length.ratio)} |     ${f2(x.rewrite.ratio)}\n`);
  }
  const med = (pick) => median(results.map(pick));
  const summary = {
    bare: { rate: med((x) => x.bare.rate), p50: med((x) => x.bare.p50), p99: med((x) => x.bare.p99) },
    one: { rate: med((x) => x.one.rate), p50: med((x) => x.one.p50), p99: med((x) => x.one.p99) },
    many: { rate: med((x) => x.many.rate), p50: med((x) => x.many.p50), p99: med((x) => x.many.p99) },
    length: { small: med((x) => x.length.small), large: med((x) => x.length.large), ratio: med((x) => x.length.ratio) },
    rewrite: { small: med((x) => x.rewrite.small), large: med((x) => x.rewrite.large), ratio: med((x) => x.rewrite.ratio) },
  };
  const s = summary;
  process.stdout.write(`
medians over ${options.rounds} rounds:
  bare appendFile+datasync loop, 1 writer:   ${f0(s.bare.rate)} appends/s   p50 ${s.bare.p50.toFixed(2)} ms  p99 ${s.bare.p99.toFixed(2)} ms
  store, ${options.writers} writers on one incident:      ${f0(s.one.rate)} appends/s   p50 ${s.one.p50.toFixed(2)} ms  p99 ${s.one.p99.toFixed(2)} ms   (${(s.one.rate / s.bare.rate).toFixed(2)}× bare)
  store, ${options.writers} writers on ${options.writers} incidents:     ${f0(s.many.rate)} appends/s   p50 ${s.many.p50.toFixed(2)} ms  p99 ${s.many.p99.toFixed(2)} ms   (${(s.many.rate / s.bare.rate).toFixed(2)}× bare)   target ≥ 1000/s
  append latency at ${LARGE} vs ${SMALL} events:    ${s.length.large.toFixed(3)} vs ${s.length.small.toFixed(3)} ms  ratio ${s.length.ratio.toFixed(2)}   target ≤ 1.5
  whole-document rewrite (not used):      ${s.rewrite.large.toFixed(2)} vs ${s.rewrite.small.toFixed(2)} ms  ratio ${s.rewrite.ratio.toFixed(1)}
`);
  await mkdir(OUT, { recursive: true });
  await writeFile(path.join(OUT, 'result.json'), `${JSON.stringify({ options, loadavg: os.loadavg(), rounds: results, summary }, null, 1)}\n`);
  let failed = false;
  if (options.minRate !== undefined && Math.min(s.one.rate, s.many.rate) < options.minRate) {
    process.stdout.write(`FAIL: fewer than ${options.minRate} appends/s\n`);
    failed = true;
  }
  if (options.maxLengthRatio !== undefined && s.length.ratio > options.maxLengthRatio) {
    process.stdout.write(`FAIL: length ratio ${s.length.ratio.toFixed(2)} exceeds ${options.maxLengthRatio}\n`);
    failed = true;
  }
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bench/store: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
