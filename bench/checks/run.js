#!/usr/bin/env node
// bench/checks: what a walk's check costs over the raw HTTP query to the same Prometheus, and how
// many queries Prometheus receives when 50 clients run the same check at once.
//   npm run build && node bench/checks/run.js [--rounds 7] [--pairs 60] [--clients 50] [--max-ratio R]
// Starts a real Prometheus (Debian's package) on 127.0.0.1 with backfilled data, using the
// integration tests' harness. Exits 1 if Prometheus cannot start, an answer is wrong, the 50
// clients cost Prometheus more than one query, or a ratio exceeds --max-ratio.

import { existsSync, readdirSync, statSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { tsImport } from 'tsx/esm/api';
import { median } from '../lib/median.js';
import { benchRunbook, benchSeries, renderedQuery, SERVICES, ZONES } from './benchData.js';
import { settledRequests } from './queryCounter.js';
import { startStubPrometheus } from './stubPrometheus.js';
import { wholeNumber } from '../lib/cliNumbers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'bench', '.out', 'checks');
const HARNESS = path.join(ROOT, 'test', 'integration', 'support');
const SERVICE = 'checkout';
const ARMS = ['raw', 'observe', 'walk'];
const HELP = `usage: node bench/checks/run.js [options]   (or: npm run bench -- [options])

Against a real Prometheus with backfilled data (needs Debian's prometheus package), times
  raw      fetch POST /api/v1/query + JSON parse (the baseline)
  observe  PrometheusSource.observe() of the same query (cache off, so each call really queries)
  walk     stepCheck(): the walk's step at the check (render the query, observe, evaluate, events),
           without the sparkline's trend, so it does what raw does
at the same evaluation times, order rotating, and counts the queries Prometheus receives when
N walks run the same check at once. Then the trend a recorded check carries (one range query over the
last 30 minutes, run beside the instant one): the walk with its trend against raw fetching the same
instant and range queries at once. Run \`npm run build\` first: the bench uses dist/.

options:
  --rounds <n>      rounds (default 7), each printed as a line of medians
  --pairs <n>       timed iterations per round, each timing all three back to back (default 60)
  --clients <n>     concurrent walks on the same check (default 50)
  --max-ratio <r>   also fail when a median ratio (observe or walk over raw) exceeds r
  -h, --help        show this help
(--count, --seed and --timeout, which other benches take, are accepted and ignored.)
`;

function newestMtime(dir) {
  let newest = 0;
  for (const e of readdirSync(dir, { withFileTypes: true, recursive: true })) {
    if (e.isFile()) newest = Math.max(newest, statSync(path.join(e.parentPath ?? e.path, e.name)).mtimeMs);
  }
  return newest;
}

/** The built modules the bench times; a stale dist/ would time yesterday's code, so say so. */
async function loadDist() {
  const file = (rel) => path.join(ROOT, 'dist', 'src', rel);
  const needed = ['metrics/prometheus/prometheusSource.js', 'metrics/stepCheck.js', 'engine/walk.js'];
  const missing = needed.filter((rel) => !existsSync(file(rel)));
  if (missing.length > 0) throw new Error(`dist/ lacks ${missing.join(', ')}: run \`npm run build\` first`);
  const stale = newestMtime(path.join(ROOT, 'src')) > statSync(file(needed[0])).mtimeMs;
  if (stale) process.stdout.write('WARNING: src/ has changes newer than dist/: run `npm run build` to time the current code\n');
  const [{ PrometheusSource }, { stepCheck }, { startWalk }] = await Promise.all(needed.map((rel) => import(pathToFileURL(file(rel)).href)));
  return { PrometheusSource, stepCheck, startWalk };
}

const fmt = (ms) => ms.toFixed(3).padStart(9);

/** The three ways to run the check, each verifying its answer (a fast wrong answer proves nothing). */
function makeArms({ url, source, stepCheck, runbook, walkState }) {
  const query = renderedQuery(SERVICE);
  const node = runbook.nodes['error-ratio'];
  const sources = new Map([['prom', source]]);
  return {
    async raw(at) {
      const response = await fetch(`${url}/api/v1/query`, {
        method: 'POST',
        headers: { accept: 'application/json' },
        body: new URLSearchParams({ query, time: String(at) }),
        signal: AbortSignal.timeout(5000),
      });
      const body = await response.json();
      if (body.status !== 'success' || body.data.result.length !== ZONES.length) throw new Error(`raw query at ${at}: unexpected answer ${JSON.stringify(body).slice(0, 300)}`);
      return body.data.result;
    },
    async observe(at) {
      const o = await source.observe({ runbookId: runbook.id, nodeId: 'error-ratio', node, query, at, visit: 1 });
      if (o.status !== 'ok' || o.series.length !== ZONES.length) throw new Error(`observe at ${at}: ${JSON.stringify(o).slice(0, 300)}`);
      return o.series;
    },
    async walk(at) {
      const { events } = await stepCheck({ runbook, state: walkState, sources, at, clock: () => performance.now(), trendSeconds: 0 });
      const check = events.find((e) => e.type === 'check.evaluated');
      if (!check || check.data.query !== query) throw new Error(`walk at ${at}: ${JSON.stringify(events).slice(0, 300)}`);
      return check;
    },
    /** The instant query and the trend's range query (30 minutes, 30 s steps), at once: what a walk with its trend sends. */
    async rawWithRange(at) {
      const post = (route, params) => fetch(`${url}${route}`, { method: 'POST', headers: { accept: 'application/json' }, body: new URLSearchParams(params), signal: AbortSignal.timeout(5000) }).then((r) => r.json());
      const [instant, range] = await Promise.all([post('/api/v1/query', { query, time: String(at) }), post('/api/v1/query_range', { query, start: String(at - TREND_SECONDS), end: String(at), step: '30' })]);
      if (instant.status !== 'success' || range.status !== 'success') throw new Error(`raw pair at ${at}: ${JSON.stringify([instant, range]).slice(0, 300)}`);
      return [instant, range];
    },
    async walkWithTrend(at) {
      const { events } = await stepCheck({ runbook, state: walkState, sources, at, clock: () => performance.now(), trendSeconds: TREND_SECONDS });
      const check = events.find((e) => e.type === 'check.evaluated');
      if (!check?.data.trend) throw new Error(`walk with trend at ${at}: no trend in ${JSON.stringify(events).slice(0, 300)}`);
      return check;
    },
  };
}

const TREND_SECONDS = 1800;

/** The trend's cost: walk-with-trend against raw sending the same two queries, alternating, paired per iteration. */
async function trendCost(arms, base, from, iterations) {
  const ratios = [];
  const walkMs = [];
  const rawMs = [];
  for (let i = 0; i < iterations; i++) {
    const at = timeAt(base, from + i);
    const order = i % 2 === 0 ? ['rawWithRange', 'walkWithTrend'] : ['walkWithTrend', 'rawWithRange'];
    const ms = {};
    for (const arm of order) {
      const started = performance.now();
      await arms[arm](at);
      ms[arm] = performance.now() - started;
    }
    rawMs.push(ms.rawWithRange);
    walkMs.push(ms.walkWithTrend);
    ratios.push(ms.walkWithTrend / ms.rawWithRange);
  }
  return { ratio: median(ratios), raw: median(rawMs), walk: median(walkMs) };
}

/** Evaluation times: distinct, newest first, all inside the data (every 7 s back from 1 min before its end). */
const timeAt = (base, k) => base - 60 - (k % 1500) * 7;

const ORDERS = [[0, 1, 2], [1, 2, 0], [2, 0, 1], [0, 2, 1], [2, 1, 0], [1, 0, 2]];

async function timeIteration(arms, at, k) {
  const ms = {};
  for (const i of ORDERS[k % ORDERS.length]) {
    const name = ARMS[i];
    const started = performance.now();
    await arms[name](at);
    ms[name] = performance.now() - started;
  }
  return ms;
}

/** The same answer three ways at one time: values from observe and the walk must equal the raw JSON's. */
async function checkAgreement(arms, at) {
  const raw = await arms.raw(at);
  const observed = await arms.observe(at);
  const walked = await arms.walk(at);
  const rawByZone = Object.fromEntries(raw.map((r) => [r.metric.zone, Number(r.value[1])]));
  for (const s of observed) {
    if (rawByZone[s.labels.zone] !== s.value) throw new Error(`observe disagrees with the raw query for zone ${s.labels.zone}: ${s.value} vs ${rawByZone[s.labels.zone]}`);
  }
  const walkedByZone = Object.fromEntries(walked.data.series.map((s) => [s.labels.zone, s.value]));
  for (const [zone, v] of Object.entries(rawByZone)) {
    if (walkedByZone[zone] !== v) throw new Error(`the walk disagrees with the raw query for zone ${zone}: ${walkedByZone[zone]} vs ${v}`);
  }
  return { rawByZone, branch: walked.data.next };
}

/** The same three arms against a stub that answers at once: what runpath itself adds, in microseconds. */
async function clientOverhead({ PrometheusSource, stepCheck, runbook, walkState }) {
  const stub = await startStubPrometheus();
  try {
    const source = new PrometheusSource({ name: 'prom', url: stub.url, cacheTtlMs: 0 });
    const arms = makeArms({ url: stub.url, source, stepCheck, runbook, walkState });
    const iterations = 2000;
    const times = { raw: [], observe: [], walk: [] };
    for (let k = 0; k < iterations + 200; k++) {
      const ms = await timeIteration(arms, 1_700_000_000 - k, k);
      if (k >= 200) for (const arm of ARMS) times[arm].push(ms[arm]);
    }
    const med = Object.fromEntries(ARMS.map((arm) => [arm, median(times[arm])]));
    return { iterations, med, observeUs: (med.observe - med.raw) * 1000, walkUs: (med.walk - med.raw) * 1000 };
  } finally {
    await stub.close();
  }
}

/** N walks on one source run the same check at the same time; Prometheus's own counter says how many queries it got. */
async function fanIn({ url, PrometheusSource, stepCheck, runbook, walkState, clients, at }) {
  const source = new PrometheusSource({ name: 'prom', url });
  const sources = new Map([['prom', source]]);
  const walk = () => stepCheck({ runbook, state: walkState, sources, at, clock: () => performance.now() });
  const query = renderedQuery(SERVICE);

  const before = await settledRequests(url);
  const first = await Promise.all(Array.from({ length: clients }, walk));
  const afterFirst = await settledRequests(url);
  // A second wave within the cache's TTL (default 5 s): people arriving a moment later.
  const second = await Promise.all(Array.from({ length: clients }, walk));
  const afterSecond = await settledRequests(url);
  // Control: the same number of raw queries at once must all reach Prometheus, or the counter is not counting.
  await Promise.all(Array.from({ length: clients }, () => fetch(`${url}/api/v1/query`, { method: 'POST', body: new URLSearchParams({ query, time: String(at) }) }).then((r) => r.json())));
  const afterRaw = await settledRequests(url);

  const outcomes = new Set([...first, ...second].map((r) => JSON.stringify(r.events.find((e) => e.type === 'check.evaluated')?.data.series ?? null)));
  if (outcomes.size !== 1 || outcomes.has('null')) throw new Error(`the ${2 * clients} walks did not all evaluate the check to the same series: ${[...outcomes].slice(0, 3).join(' | ')}`);
  return { concurrent: afterFirst - before, later: afterSecond - afterFirst, raw: afterRaw - afterSecond, stats: { ...source.cache.stats } };
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string' }, pairs: { type: 'string' }, clients: { type: 'string' }, 'max-ratio': { type: 'string' },
      count: { type: 'string' }, seed: { type: 'string' }, timeout: { type: 'string' }, help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const rounds = wholeNumber(values.rounds, '--rounds', 7, 50);
  const pairs = wholeNumber(values.pairs, '--pairs', 60, 1000);
  const clients = wholeNumber(values.clients, '--clients', 50, 1000);
  const maxRatio = values['max-ratio'] === undefined ? undefined : Number(values['max-ratio']);
  if (maxRatio !== undefined && !(maxRatio > 0)) throw new Error(`--max-ratio takes a positive number, got '${values['max-ratio']}'`);

  const { PrometheusSource, stepCheck, startWalk } = await loadDist();
  const harness = await tsImport(pathToFileURL(path.join(HARNESS, 'prometheusHarness.ts')).href, import.meta.url);
  const openMetrics = await tsImport(pathToFileURL(path.join(HARNESS, 'openMetrics.ts')).href, import.meta.url);
  if (!harness.hasPrometheus()) throw new Error("prometheus and promtool are not on PATH: install Debian's package (apt-get install -y --no-install-recommends prometheus)");

  const base = harness.backfillBase();
  const series = benchSeries(openMetrics.counter, base);
  process.stdout.write(`bench/checks: backfilling ${series.length} series (${SERVICES.length} services x ${ZONES.length} zones x 2 codes), ${series.reduce((n, s) => n + s.samples.length, 0)} samples ending ${new Date(base * 1000).toISOString()}\n`);
  const started = performance.now();
  const prometheus = await harness.startPrometheus({ openMetrics: openMetrics.toOpenMetrics(series) });
  try {
    const { url } = prometheus;
    process.stdout.write(`prometheus: ${url} (pid ${prometheus.pid}), ready in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    process.stdout.write(`machine: ${os.cpus().length} CPUs, ${os.cpus()[0]?.model ?? 'unknown'}; node ${process.version}; load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}\n`);
    process.stdout.write(`query: ${renderedQuery(SERVICE)}\n`);

    const runbook = benchRunbook();
    const walkState = startWalk(runbook, { service: SERVICE }).state;
    if (walkState.current !== 'error-ratio') throw new Error(`the walk should wait at the check, waits at ${walkState.current}`);
    const source = new PrometheusSource({ name: 'prom', url, cacheTtlMs: 0 });
    const arms = makeArms({ url, source, stepCheck, runbook, walkState });

    const agreement = await checkAgreement(arms, base - 60);
    process.stdout.write(`answers agree: error ratio by zone ${JSON.stringify(agreement.rawByZone)}, the walk goes to '${agreement.branch}'\n`);
    const warmUp = 30;
    for (let k = 0; k < warmUp; k++) await timeIteration(arms, timeAt(base, k), k);

    // Each iteration runs the three back to back at one evaluation time: their ratios pair runs
    // made milliseconds apart, so load that drifts during the bench (shared 2-core machines) cancels.
    const all = { raw: [], observe: [], walk: [] };
    const ratios = { observe: [], walk: [] };
    const perRound = [];
    process.stdout.write(`\nround   raw ms  observe ms  walk ms   observe/raw  walk/raw   (medians of ${pairs} iterations; ratios paired per iteration)\n`);
    let k = warmUp;
    for (let r = 0; r < rounds; r++) {
      const times = { raw: [], observe: [], walk: [] };
      const roundRatios = { observe: [], walk: [] };
      for (let i = 0; i < pairs; i++, k++) {
        const ms = await timeIteration(arms, timeAt(base, k), k);
        for (const arm of ARMS) times[arm].push(ms[arm]);
        roundRatios.observe.push(ms.observe / ms.raw);
        roundRatios.walk.push(ms.walk / ms.raw);
      }
      const m = Object.fromEntries(ARMS.map((arm) => [arm, median(times[arm])]));
      const round = { ...m, observeRatio: median(roundRatios.observe), walkRatio: median(roundRatios.walk) };
      perRound.push(round);
      for (const arm of ARMS) all[arm].push(...times[arm]);
      ratios.observe.push(...roundRatios.observe);
      ratios.walk.push(...roundRatios.walk);
      process.stdout.write(`${String(r + 1).padStart(5)} ${fmt(m.raw)} ${fmt(m.observe)}   ${fmt(m.walk)}   ${round.observeRatio.toFixed(3).padStart(9)} ${round.walkRatio.toFixed(3).padStart(9)}\n`);
    }
    const med = Object.fromEntries(ARMS.map((arm) => [arm, median(all[arm])]));
    const observeRatio = median(ratios.observe);
    const walkRatio = median(ratios.walk);
    process.stdout.write(`\nmedian per check over ${all.raw.length} iterations: raw ${med.raw.toFixed(3)} ms, observe ${med.observe.toFixed(3)} ms, walk ${med.walk.toFixed(3)} ms\n`);
    process.stdout.write(`RATIO observe/raw ${observeRatio.toFixed(3)} (median of per-iteration ratios; ratio of medians ${(med.observe / med.raw).toFixed(3)}) — target <= 1.10\n`);
    process.stdout.write(`RATIO walk/raw    ${walkRatio.toFixed(3)} (median of per-iteration ratios; ratio of medians ${(med.walk / med.raw).toFixed(3)}) — target <= 1.10\n`);

    const trend = await trendCost(arms, base, k, rounds * pairs);
    process.stdout.write(`RATIO walk+trend / raw instant+range ${trend.ratio.toFixed(3)} (medians ${trend.walk.toFixed(3)} vs ${trend.raw.toFixed(3)} ms; the trend is one range query beside the instant one)\n`);

    const overhead = await clientOverhead({ PrometheusSource, stepCheck, runbook, walkState });
    process.stdout.write(`\nclient-side cost alone (a stub answering at once, ${overhead.iterations} iterations): raw ${overhead.med.raw.toFixed(3)} ms;`
      + ` observe adds ${overhead.observeUs.toFixed(0)} µs, the walk step adds ${overhead.walkUs.toFixed(0)} µs (medians)\n`);

    const fan = await fanIn({ url, PrometheusSource, stepCheck, runbook, walkState, clients, at: base - 1234 });
    process.stdout.write(`\n${clients} walks running the same check at once: Prometheus received ${fan.concurrent} quer${fan.concurrent === 1 ? 'y' : 'ies'} (target 1)\n`);
    process.stdout.write(`${clients} more walks within the cache TTL:            Prometheus received ${fan.later} (target 0)\n`);
    process.stdout.write(`control, ${clients} raw queries at once:             Prometheus received ${fan.raw} (must be ${clients}: the counter counts)\n`);
    process.stdout.write(`source cache: ${fan.stats.sent} sent, ${fan.stats.shared} shared in flight, ${fan.stats.hits} cache hits\n`);
    process.stdout.write('\ncommand: npm run build && node bench/checks/run.js\n');

    await mkdir(OUT, { recursive: true });
    await writeFile(path.join(OUT, 'result.json'), `${JSON.stringify({ rounds, pairs, clients, med, observeRatio, walkRatio, trend, perRound, overhead, fan, times: all }, null, 2)}\n`);

    if (fan.raw !== clients) throw new Error(`the control sent ${clients} raw queries but Prometheus counted ${fan.raw}: the count is not trustworthy`);
    if (fan.concurrent !== 1 || fan.later !== 0) throw new Error(`the ${clients} walks cost Prometheus ${fan.concurrent} + ${fan.later} queries, not 1`);
    if (maxRatio !== undefined && (observeRatio > maxRatio || walkRatio > maxRatio)) {
      throw new Error(`a ratio exceeds --max-ratio ${maxRatio}: observe/raw ${observeRatio.toFixed(3)}, walk/raw ${walkRatio.toFixed(3)}`);
    }
    return 0;
  } finally {
    await prometheus.stop();
  }
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bench/checks: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
