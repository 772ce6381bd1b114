#!/usr/bin/env node
// bench/ui: what the browser client costs a responder. JS shipped (gzipped), and the time until a
// 5,000-event incident room is interactive in Debian's Chromium, beside a bare page that fetches
// the same events and appends them as plain <li>s, measured in the same run.
//   npm run build && node bench/ui/run.js [--rounds 7] [--events 5000]
// Issue #5's targets: ≤ 150 KB of JS+CSS gzipped; < 300 ms to an interactive 5,000-event room.
// Exits 1 only when it cannot run (no build, no Chromium, a room that never becomes interactive);
// a missed target is printed, not an exit code.

import { existsSync, readFileSync, statSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright-core';
import { median } from '../lib/median.js';
import { wholeNumber } from '../lib/cliNumbers.js';
import { startDemoServer } from '../../scripts/lib/startDemoServer.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const OUT = path.join(ROOT, 'bench', '.out', 'ui');
const WEB = path.join(ROOT, 'dist', 'web');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const TARGET_BYTES = 150 * 1000;
const TARGET_MS = 300;
const HELP = `usage: node bench/ui/run.js [options]   (or: npm run bench -- [options])

1. JS shipped: every script and stylesheet dist/web/index.html names and the chunks they import
   (statically: a first visit loads them; with import(): when a page needs them), gzipped (zlib's
   default level); all of it against the 150 KB target.
2. Time to interactive: a \`runpath serve --demo\` on a fresh data dir under bench/.out/ui/ gets an
   incident of --events events (opened on checkout-5xx, then notes over the HTTP API) and one of 50.
   Each round opens fresh Chromium contexts (signed in: the session cookie reused, cold HTTP cache)
   and times, from navigation start (performance.now() in the page, polled every animation frame),
   until the newest entry's li[data-seq] is in the DOM and the "Add a note" box is enabled:
     room       /incidents/<id> of the big incident (the target: < 300 ms)
     bare       a plain page on the same origin (no framework) that fetches the same events from
                GET /api/incidents/<id>/events and appends each as an <li> (the baseline)
     room-50    the 50-event incident
   The order of the arms rotates each round; an untimed warm-up round comes first.
Run \`npm run build\` first: the bench serves dist/ and dist/web/.

options:
  --rounds <n>            timed rounds (default 7)
  --events <n>            events in the big incident (default 5000)
  -h, --help              show this help
(--count, --seed, --timeout, --pairs, --clients, --writers, --appends, --samples, --sockets,
--messages, --runs and the other benches' --max-* / --min-* flags are accepted and ignored.)
`;

const IGNORED = ['count', 'seed', 'timeout', 'pairs', 'clients', 'writers', 'appends', 'samples', 'sockets', 'messages', 'runs', 'max-ratio', 'min-rate', 'max-length-ratio', 'max-p99-ratio'];
const SMALL_EVENTS = 50;
const SEED_CONCURRENCY = 32;

const kib = (bytes) => `${(bytes / 1024).toFixed(1)} KiB`;
const ms = (value) => `${value.toFixed(1)} ms`;

/**
 * The files the client can download: index.html's scripts and stylesheets, the modules they import
 * statically (`initial`: every first visit loads them) and the chunks they import dynamically
 * (`lazy`: loaded when a page needs them, e.g. the tree or Markdown), and those chunks' imports.
 */
function shippedFiles() {
  const indexFile = path.join(WEB, 'index.html');
  if (!existsSync(indexFile)) throw new Error('dist/web/index.html is missing: run `npm run build` first');
  const index = readFileSync(indexFile, 'utf8');
  const named = [...index.matchAll(/<(?:script[^>]*\ssrc|link[^>]*\shref)="([^"]+)"/g)].map((m) => m[1]);
  const queue = named.filter((url) => url.startsWith('/') && /\.(m?js|css)$/.test(url)).map((url) => ({ url, lazy: false }));
  if (!queue.some(({ url }) => /\.m?js$/.test(url))) throw new Error(`dist/web/index.html names no script: ${named.join(', ')}`);
  const found = new Map();
  while (queue.length > 0) {
    const { url, lazy } = queue.shift();
    const known = found.get(url);
    if (known && (known.lazy === lazy || !known.lazy)) continue;
    const file = path.join(WEB, url);
    if (!existsSync(file)) throw new Error(`dist/web needs ${url}, which is missing: run \`npm run build\` again`);
    const bytes = readFileSync(file);
    found.set(url, { url, lazy, bytes: bytes.length, gzipped: gzipSync(bytes).length });
    if (!/\.m?js$/.test(url)) continue;
    const text = bytes.toString('utf8');
    // Static: `from"./x.js"`, `import"./x.js"`; dynamic: `import("./x.js")`.
    for (const m of text.matchAll(/(?:\bfrom|\bimport)\s*(\(?)\s*["'](\.{1,2}\/[^"']+\.m?js)["']/g)) {
      queue.push({ url: new URL(m[2], `http://x${url}`).pathname, lazy: lazy || m[1] === '(' });
    }
  }
  return [...found.values()];
}

async function call(server, method, route, body, key) {
  const headers = { authorization: `Bearer ${server.token}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  if (key !== undefined) headers['idempotency-key'] = key;
  const response = await fetch(`${server.url}${route}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

const NOTE_WORDS = ['checked', 'the', 'pods', 'on', 'node', 'ingress', 'p99', 'rollback', 'paged', 'payments', 'dashboard', 'shows', 'errors', 'falling', 'since', 'deploy', 'cache', 'hit', 'ratio', 'queue'];

/** An incident on checkout-5xx (3 events), filled with notes to `events`; its id and last seq. */
async function seedIncident(server, title, events) {
  const incident = await call(server, 'POST', '/api/incidents', { title, severity: 'sev1', runbook: 'checkout-5xx' }, `bench-ui-open-${events}`);
  const id = incident.id;
  const notes = events - incident.lastSeq;
  let next = 0;
  const writer = async () => {
    for (let n = next++; n < notes; n = next++) {
      const words = Array.from({ length: 8 + (n % 17) }, (_, i) => NOTE_WORDS[(n * 7 + i * 3) % NOTE_WORDS.length]);
      await call(server, 'POST', `/api/incidents/${id}/events`, { type: 'note', text: `#${n + 1}: ${words.join(' ')}` }, `bench-ui-${id}-${n}`);
    }
  };
  await Promise.all(Array.from({ length: Math.min(SEED_CONCURRENCY, Math.max(1, notes)) }, writer));
  const { events: stored } = await call(server, 'GET', `/api/incidents/${id}/events`);
  const last = stored.at(-1)?.seq;
  if (stored.length !== events || last !== events) throw new Error(`seeding ${title}: ${stored.length} events stored (last seq ${last}), expected ${events}`);
  return { id, last };
}

/** The baseline: plain DOM, no framework, the same events from the same API on the same origin. */
function barePage(incidentId) {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>bare</title></head><body>
<main><ol class="timeline" aria-label="Timeline"></ol><label>Add a note <textarea disabled></textarea></label></main>
<script>
fetch('/api/incidents/${encodeURIComponent(incidentId)}/events', { headers: { accept: 'application/json' } })
  .then((response) => response.json())
  .then(({ events }) => {
    const list = document.querySelector('ol.timeline');
    const fragment = document.createDocumentFragment();
    for (const e of events) {
      const item = document.createElement('li');
      item.dataset.seq = String(e.seq);
      item.dataset.type = e.type;
      item.textContent = e.seq + ' ' + e.at + ' ' + (e.actor.name || e.actor.kind) + ' ' + e.type + ' ' + (e.data.text || '');
      fragment.append(item);
    }
    list.append(fragment);
    document.querySelector('textarea').disabled = false;
  });
</script></body></html>`;
}

/* global document, location */
/** In the page: the time since navigation start once the newest entry is shown and the note box is enabled. */
function interactiveAt({ last }) {
  if (!document.querySelector(`ol.timeline > li[data-seq="${last}"]`)) return false;
  let box = document.querySelector('textarea[aria-label="Add a note"]');
  if (!box) {
    for (const label of document.querySelectorAll('label')) {
      if (label.textContent.trim().startsWith('Add a note')) box = label.control;
    }
  }
  if (!box || box.disabled) return false;
  return performance.now();
}

/** In the page: what it shows, for a failure message. */
function shownState() {
  const seqs = [...document.querySelectorAll('ol.timeline > li[data-seq]')].map((li) => Number(li.dataset.seq));
  return {
    url: location.pathname,
    connection: document.querySelector('[data-connection]')?.getAttribute('data-connection') ?? null,
    entries: seqs.length,
    lastShown: seqs.length > 0 ? Math.max(...seqs) : null,
    noteBox: Boolean(document.querySelector('#note-text, textarea')),
    text: (document.querySelector('main')?.innerText ?? document.body.innerText).slice(0, 300),
  };
}

async function signedInState(browser, server) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${server.url}/incidents`);
  await page.getByLabel('API token').fill(server.token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 15_000 });
  const state = await context.storageState();
  await context.close();
  return state;
}

/** One cold visit: a fresh context (the session cookie, an empty HTTP cache), timed in the page. */
async function visit(browser, server, storageState, arm, incident) {
  const context = await browser.newContext({ storageState, viewport: { width: 1280, height: 800 } });
  const errors = [];
  try {
    const page = await context.newPage();
    page.on('pageerror', (error) => { errors.push(error.message); });
    let target = `${server.url}/incidents/${encodeURIComponent(incident.id)}`;
    if (arm === 'bare') {
      target = `${server.url}/bench-bare-room`;
      await page.route(target, (route) => route.fulfill({ status: 200, contentType: 'text/html', body: barePage(incident.id) }));
    }
    await page.goto(target, { waitUntil: 'commit' });
    let at;
    try {
      const handle = await page.waitForFunction(interactiveAt, { last: incident.last }, { polling: 'raf', timeout: 60_000 });
      at = await handle.jsonValue();
    } catch (error) {
      const seen = await page.evaluate(shownState).catch(() => 'the page could not be read');
      throw new Error(`${arm} never became interactive (newest entry #${incident.last} and an enabled note box); the page showed: ${JSON.stringify(seen)}; ${errors.length > 0 ? `page errors: ${errors.join('; ')}; ` : ''}${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
    if (errors.length > 0) throw new Error(`${arm}: the page threw: ${errors.join('; ')}`);
    const shown = await page.locator('ol.timeline > li[data-seq]').count();
    return { ms: at, shown };
  } finally {
    await context.close();
  }
}

async function main() {
  const { values } = parseArgs({
    options: {
      rounds: { type: 'string' }, events: { type: 'string' },
      ...Object.fromEntries(IGNORED.map((name) => [name, { type: 'string' }])),
      help: { type: 'boolean', short: 'h' },
    },
    strict: true,
  });
  if (values.help) {
    process.stdout.write(HELP);
    return 0;
  }
  const options = {
    rounds: wholeNumber(values.rounds, '--rounds', 7, 100),
    events: wholeNumber(values.events, '--events', 5000, 100_000),
  };
  if (options.events <= SMALL_EVENTS) throw new Error(`--events must be above ${SMALL_EVENTS}`);
  process.stdout.write('how to run: npm run build && node bench/ui/run.js [--rounds 7] [--events 5000]\n');
  process.stdout.write(`load average ${os.loadavg().map((l) => l.toFixed(2)).join(' ')}, ${os.cpus().length} cores\n\n`);

  const builtAt = statSync(path.join(WEB, 'index.html')).mtimeMs;
  const files = shippedFiles();
  const total = files.reduce((sum, f) => sum + f.gzipped, 0);
  const initial = files.filter((f) => !f.lazy).reduce((sum, f) => sum + f.gzipped, 0);
  process.stdout.write('JS and CSS shipped (gzipped):\n');
  for (const f of files) process.stdout.write(`  ${f.url}  ${kib(f.bytes)} → ${kib(f.gzipped)} gzipped${f.lazy ? '  (loaded when needed)' : ''}\n`);
  const sizeMet = total <= TARGET_BYTES;
  process.stdout.write(`  first visit ${kib(initial)}; everything ${kib(total)} (${(total / 1000).toFixed(1)} kB) gzipped; target ≤ 150 KB for everything: ${sizeMet ? 'target met' : 'target missed'}\n\n`);

  if (!existsSync(CHROMIUM)) throw new Error(`bench/ui needs Debian's Chromium at ${CHROMIUM} (apt-get install chromium); it never downloads a browser`);
  const dataDir = path.join(OUT, 'data');
  await rm(dataDir, { recursive: true, force: true });
  await mkdir(dataDir, { recursive: true });
  const server = await startDemoServer(dataDir);
  let browser;
  try {
    const seedStart = performance.now();
    const big = await seedIncident(server, `bench: ${options.events} events`, options.events);
    const small = await seedIncident(server, `bench: ${SMALL_EVENTS} events`, SMALL_EVENTS);
    process.stdout.write(`seeded ${options.events} + ${SMALL_EVENTS} events over HTTP in ${((performance.now() - seedStart) / 1000).toFixed(1)} s (${server.url})\n`);

    browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
    process.stdout.write(`Chromium ${browser.version()}\n`);
    const state = await signedInState(browser, server);
    const arms = [
      { name: 'room', incident: big, kind: 'room' },
      { name: 'bare', incident: big, kind: 'bare' },
      { name: 'room-50', incident: small, kind: 'room' },
    ];
    for (const arm of arms) await visit(browser, server, state, arm.kind, arm.incident);

    const rounds = [];
    process.stdout.write(`\nround   room (${options.events})   bare (${options.events})   ratio   room (${SMALL_EVENTS})   entries shown room/bare\n`);
    for (let r = 0; r < options.rounds; r++) {
      const result = {};
      const order = arms.map((_, i) => arms[(i + r) % arms.length]);
      for (const arm of order) result[arm.name] = await visit(browser, server, state, arm.kind, arm.incident);
      result.ratio = result.room.ms / result.bare.ms;
      rounds.push(result);
      process.stdout.write(`${String(r + 1).padStart(5)}   ${ms(result.room.ms).padStart(11)}   ${ms(result.bare.ms).padStart(11)}   ${result.ratio.toFixed(2).padStart(5)}   ${ms(result['room-50'].ms).padStart(9)}   ${result.room.shown}/${result.bare.shown}\n`);
    }
    const summary = {
      jsGzippedBytes: total,
      initialGzippedBytes: initial,
      roomMs: median(rounds.map((r) => r.room.ms)),
      bareMs: median(rounds.map((r) => r.bare.ms)),
      room50Ms: median(rounds.map((r) => r['room-50'].ms)),
      ratio: median(rounds.map((r) => r.ratio)),
    };
    const ttiMet = summary.roomMs < TARGET_MS;
    process.stdout.write(`\nmedians over ${options.rounds} rounds, from navigation start to interactive:\n`);
    process.stdout.write(`  room of ${options.events} events  ${ms(summary.roomMs)}   target < ${TARGET_MS} ms: ${ttiMet ? 'target met' : 'target missed'}\n`);
    process.stdout.write(`  bare page, same events  ${ms(summary.bareMs)}\n`);
    process.stdout.write(`  room/bare               ${summary.ratio.toFixed(2)} (median of the rounds' ratios; ratio of the medians ${(summary.roomMs / summary.bareMs).toFixed(2)})\n`);
    process.stdout.write(`  room of ${SMALL_EVENTS} events     ${ms(summary.room50Ms)}\n`);
    process.stdout.write(`  JS shipped              ${kib(total)} gzipped (first visit ${kib(initial)}): ${sizeMet ? 'target met' : 'target missed'}\n`);
    await mkdir(OUT, { recursive: true });
    await writeFile(path.join(OUT, 'result.json'), `${JSON.stringify({ options, loadavg: os.loadavg(), files, rounds, summary, targets: { sizeMet, ttiMet } }, null, 1)}\n`);
    return 0;
  } catch (error) {
    // A rebuild during the run (build-web empties dist/web first) takes away the assets the page loads.
    if (!existsSync(path.join(WEB, 'index.html')) || statSync(path.join(WEB, 'index.html')).mtimeMs !== builtAt) {
      throw new Error(`dist/web was rebuilt during the run, so the page lost its assets; run again (${error instanceof Error ? error.message : String(error)})`);
    }
    throw error;
  } finally {
    await browser?.close();
    await server.stop();
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then((code) => { process.exitCode = code; }, (error) => {
  process.stderr.write(`bench/ui failed: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
