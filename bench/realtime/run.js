#!/usr/bin/env node
// bench/realtime: fan-out latency of a timeline event to N socket clients, runpath's gateway vs a
// bare socket.io broadcast to the same N in the same run; and the server's RSS with N sockets.
//   npm run build && node bench/realtime/run.js [--sockets 200,1000] [--messages 150]
// Issue #4's target: p99 of runpath ≤ 1.5× p99 of the bare broadcast. Exits 1 if a client misses an
// event or gets one out of order, or the target is missed when --max-p99-ratio asks for it.

import { fork } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { wholeNumber } from '../lib/cliNumbers.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const HERE = path.join(ROOT, 'bench', 'realtime');
const OUT = path.join(ROOT, 'bench', '.out', 'realtime');
const HELP = `usage: node bench/realtime/run.js [options]   (or: npm run bench -- [options])

For each N, a fresh server process holds runpath's gateway (incident service over LowdbEventStore,
attachRealtime) and a bare socket.io server; a client process connects N sockets to each (the
runpath ones joined to one incident). Then --messages pairs, the arms' order alternating:
  runpath  a note appended through the service; timed from its publication (durable, just before
           the gateway's broadcast) to the moment the LAST of the N clients has it
  bare     io.emit of an entry of the same shape and size; timed from the emit to the last client
Also: from the command call to the last client (service + durable append + fan-out), and the server
process's RSS (after gc) with no clients, with N runpath sockets, and with both sets.
Run \`npm run build\` first: the bench uses dist/.

options:
  --sockets <list>        comma-separated N values (default 200,1000)
  --messages <n>          timed messages per arm and N (default 150), after 10 untimed each
  --max-p99-ratio <r>     fail when runpath p99 / bare p99 exceeds r at any N (target 1.5)
  -h, --help              show this help
(--rounds, --count, --seed, --timeout, --pairs, --clients, --writers, --appends, --samples,
--max-ratio, --min-rate and --max-length-ratio, which other benches take, are accepted and ignored.)
`;

const IGNORED = ['rounds', 'count', 'seed', 'timeout', 'pairs', 'clients', 'writers', 'appends', 'samples', 'max-ratio', 'min-rate', 'max-length-ratio'];
const WARMUP = 10;

function percentile(sorted, p) {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function stats(values) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: percentile(sorted, 50), p99: percentile(sorted, 99), max: sorted[sorted.length - 1], n: sorted.length };
}

function newestMtime(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : statSync(full).mtimeMs);
  }
  return newest;
}

function checkDist() {
  const built = path.join(ROOT, 'dist', 'src', 'server', 'realtime', 'attachRealtime.js');
  if (!existsSync(built)) throw new Error('dist/ lacks the realtime gateway: run `npm run build` first');
  if (newestMtime(path.join(ROOT, 'src', 'server')) > statSync(built).mtimeMs) {
    process.stdout.write('WARNING: src/server has changes newer than dist/: run `npm run build` to time the current code\n');
  }
}

/** A child process spoken to with request/answer messages (by seq), plus its other messages as a queue. */
function child(file, args, execArgv = []) {
  const proc = fork(file, args, { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
  const waiting = new Map();
  const inbox = [];
  const watchers = [];
  let nextSeq = 1;
  let exitError;
  proc.on('message', (message) => {
    if (message.seq !== undefined && waiting.has(message.seq)) {
      const { resolve, reject } = waiting.get(message.seq);
      waiting.delete(message.seq);
      if (message.error) reject(new Error(message.error));
      else resolve(message);
      return;
    }
    inbox.push(message);
    for (const watch of [...watchers]) watch();
  });
  proc.on('exit', (code, signal) => {
    exitError = new Error(`${path.basename(file)} exited (${signal ?? code})`);
    for (const { reject } of waiting.values()) reject(exitError);
    for (const watch of [...watchers]) watch();
  });
  return {
    proc,
    request(op, fields = {}) {
      return new Promise((resolve, reject) => {
        const seq = nextSeq++;
        waiting.set(seq, { resolve, reject });
        proc.send({ op, seq, ...fields });
      });
    },
    /** The first message (not an answer) that `match` accepts, removed from the inbox. */
    next(match, timeoutMs = 120_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => finish(new Error(`timed out waiting for a message from ${path.basename(file)}`)), timeoutMs);
        const check = () => {
          const index = inbox.findIndex(match);
          if (index !== -1) finish(undefined, inbox.splice(index, 1)[0]);
          else if (exitError) finish(exitError);
        };
        const finish = (error, value) => {
          clearTimeout(timer);
          watchers.splice(watchers.indexOf(check), 1);
          if (error) reject(error);
          else resolve(value);
        };
        watchers.push(check);
        check();
      });
    },
  };
}

async function measure(n, messages) {
  const dataDir = path.join(OUT, `data-${n}`);
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const server = child(path.join(HERE, 'server.js'), [dataDir], ['--expose-gc']);
  const ready = await server.next((m) => m.ready === true);
  const clients = child(path.join(HERE, 'clients.js'), [JSON.stringify({ runpathUrl: ready.runpathUrl, bareUrl: ready.bareUrl, incidentId: ready.incidentId, n })]);
  await clients.next((m) => m.phase === 'runpath-connected');
  const withRunpath = (await server.request('rss')).rss;
  clients.proc.send({ op: 'go' });
  await clients.next((m) => m.phase === 'bare-connected');
  const withBoth = (await server.request('rss')).rss;

  const samples = { runpath: [], bare: [], command: [] };
  const send = async (arm, id) => {
    const done = clients.next((m) => m.done?.arm === arm && m.done.id === id, 30_000);
    const answer = await server.request(arm, { id });
    const { lastAt } = (await done).done;
    return { fanout: lastAt - answer.publishedAt, command: answer.commandAt === undefined ? undefined : lastAt - answer.commandAt };
  };
  let id = 0;
  for (let i = 0; i < WARMUP + messages; i++) {
    const order = i % 2 === 0 ? ['runpath', 'bare'] : ['bare', 'runpath'];
    for (const arm of order) {
      const result = await send(arm, ++id);
      if (i < WARMUP) continue;
      samples[arm].push(result.fanout);
      if (result.command !== undefined) samples.command.push(result.command);
    }
  }
  clients.proc.send({ op: 'close' });
  const { closed } = await clients.next((m) => m.closed !== undefined);
  await server.request('close');
  server.proc.kill();
  await rm(dataDir, { recursive: true, force: true });
  return { n, baseRss: ready.rss, withRunpath, withBoth, disorder: closed.disorder, unfinished: closed.unfinished, samples };
}

const ms = (v) => `${v.toFixed(2)} ms`;
const mb = (v) => `${(v / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const { values } = parseArgs({
    options: {
      sockets: { type: 'string' },
      messages: { type: 'string' },
      'max-p99-ratio': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
      ...Object.fromEntries(IGNORED.map((name) => [name, { type: 'string' }])),
    },
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const sockets = (values.sockets ?? '200,1000').split(',').map((v) => wholeNumber(v.trim(), '--sockets', 0, 20_000));
  const messages = wholeNumber(values.messages, '--messages', 150, 100_000);
  const maxRatio = values['max-p99-ratio'] === undefined ? undefined : Number(values['max-p99-ratio']);
  if (maxRatio !== undefined && !(maxRatio > 0)) throw new Error(`--max-p99-ratio takes a positive number, got '${values['max-p99-ratio']}'`);
  checkDist();
  await mkdir(OUT, { recursive: true });
  process.stdout.write(`bench/realtime: N = ${sockets.join(', ')} sockets, ${messages} messages per arm (load average ${os.loadavg()[0].toFixed(1)})\n`);

  const results = [];
  let failed = false;
  for (const n of sockets) {
    const r = await measure(n, messages);
    const runpath = stats(r.samples.runpath);
    const bare = stats(r.samples.bare);
    const command = stats(r.samples.command);
    const summary = {
      n,
      runpath,
      bare,
      command,
      p50Ratio: runpath.p50 / bare.p50,
      p99Ratio: runpath.p99 / bare.p99,
      rss: { noClients: r.baseRss, withRunpathSockets: r.withRunpath, withBothSets: r.withBoth },
      disorder: r.disorder,
      unfinished: r.unfinished,
    };
    results.push({ ...summary, samples: r.samples });
    process.stdout.write(
      `\nN = ${n}\n` +
        `  fan-out to the last client   runpath p50 ${ms(runpath.p50)}  p99 ${ms(runpath.p99)}   bare p50 ${ms(bare.p50)}  p99 ${ms(bare.p99)}\n` +
        `  ratio runpath/bare           p50 ${summary.p50Ratio.toFixed(2)}  p99 ${summary.p99Ratio.toFixed(2)}  (target p99 ≤ 1.5)\n` +
        `  command call to last client  p50 ${ms(command.p50)}  p99 ${ms(command.p99)}  (service + durable append + fan-out)\n` +
        `  server RSS                   ${mb(r.baseRss)} without clients, ${mb(r.withRunpath)} with ${n} runpath sockets (+${mb(r.withRunpath - r.baseRss)}), ${mb(r.withBoth)} with the bare ones too\n`,
    );
    if (r.disorder > 0 || r.unfinished > 0) {
      failed = true;
      process.stdout.write(`  FAILED: ${r.disorder} events out of order or missed by a runpath client, ${r.unfinished} messages some client never got\n`);
    }
    if (maxRatio !== undefined && summary.p99Ratio > maxRatio) {
      failed = true;
      process.stdout.write(`  FAILED: p99 ratio ${summary.p99Ratio.toFixed(2)} > ${maxRatio}\n`);
    }
  }
  await writeFile(path.join(OUT, 'result.json'), `${JSON.stringify({ at: new Date().toISOString(), loadavg: os.loadavg(), messages, results }, null, 2)}\n`);
  return failed ? 1 : 0;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    process.stderr.write(`bench/realtime: ${error.message}\n`);
    process.exitCode = 1;
  },
);
