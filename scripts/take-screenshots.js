#!/usr/bin/env node
// Screenshots of the browser UI for the README and docs: a demo server in a temp dir, a few
// incidents, checkout-5xx walked in the room by a person in Debian's Chromium.
//   npm run build && node scripts/take-screenshots.js [--out docs/screenshots]
// Writes incident-room.png (1280×800, light), incident-room-dark.png, incident-room-phone.png
// (390×844), catalog.png (/runbooks/checkout-5xx) and incidents.png (the list and its overview).

import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { startDemoServer } from './lib/startDemoServer.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'runpath.js');
const CHROMIUM = '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 390, height: 844 };

const { values } = parseArgs({ options: { out: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true });
if (values.help) {
  process.stdout.write('usage: npm run build && node scripts/take-screenshots.js [--out docs/screenshots]\n');
  process.exit(0);
}
const OUT = path.resolve(ROOT, values.out ?? 'docs/screenshots');

function addUser(dataDir, name, role) {
  const result = spawnSync(process.execPath, [BIN, 'user', 'add', name, '--role', role, '--data', dataDir], { cwd: ROOT, encoding: 'utf8' });
  if (result.status !== 0) throw new Error(`runpath user add ${name} failed: ${result.stderr}`);
  return result.stdout.trim();
}

let keys = 0;
async function call(server, token, method, route, body) {
  const headers = { authorization: `Bearer ${token}`, 'idempotency-key': `screenshots-${++keys}` };
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(`${server.url}${route}`, { method, headers, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
  const answer = await response.json();
  if (!response.ok) throw new Error(`${method} ${route} answered ${response.status}: ${JSON.stringify(answer)}`);
  return answer;
}

/** The other incidents on the list: another walk under way, one identified, one resolved. */
async function seedOtherIncidents(server, token) {
  const lag = await call(server, token, 'POST', '/api/incidents', { title: 'Order events pile up in the fulfilment consumer', severity: 'sev2', runbook: 'kafka-consumer-lag' });
  await call(server, token, 'POST', `/api/incidents/${lag.id}/events`, { type: 'role', role: 'commander', user: 'sam' });
  const lagStart = lag.walk.state.current;
  await call(server, token, 'POST', `/api/incidents/${lag.id}/walk`, { type: 'run_check', node: lagStart });

  const slow = await call(server, token, 'POST', '/api/incidents', { title: 'Payment API slow in eu-west-1', severity: 'sev3', runbook: 'slow-dependency' });
  await call(server, token, 'POST', `/api/incidents/${slow.id}/events`, { type: 'status', to: 'identified', reason: 'fraud-check p99 at 2.4 s since 13:50' });

  const skew = await call(server, token, 'POST', '/api/incidents', { title: 'Clock skew on batch nodes', severity: 'sev4' });
  await call(server, token, 'POST', `/api/incidents/${skew.id}/events`, { type: 'note', text: 'chronyd restarted on batch-7; offset back under 5 ms.' });
  await call(server, token, 'POST', `/api/incidents/${skew.id}/events`, { type: 'status', to: 'resolved' });
}

async function signIn(page, server, token) {
  await page.goto(`${server.url}/incidents`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 15_000 });
}

/* global document, window */
async function settle(page) {
  await page.evaluate(() => document.fonts.ready);
  await page.waitForTimeout(400);
}

/** Shows the check's dry run (value, sparkline, proposed branch) in the current step. */
async function previewCheck(page) {
  await page.getByRole('button', { name: 'Run check', exact: true }).click();
  await page.getByRole('button', { name: 'Confirm', exact: true }).waitFor();
}

async function main() {
  if (!existsSync(path.join(ROOT, 'dist', 'web', 'index.html'))) throw new Error('the browser client is not built: run `npm run build` first');
  if (!existsSync(CHROMIUM)) throw new Error(`Debian's Chromium is needed at ${CHROMIUM} (apt-get install chromium); no browser is downloaded`);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'runpath-screenshots-'));
  const server = await startDemoServer(dataDir);
  const maria = addUser(dataDir, 'maria', 'commander');
  const sam = addUser(dataDir, 'sam', 'responder');
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  const problems = [];
  const watch = (page) => {
    page.on('pageerror', (error) => { problems.push(error.message); });
    return page;
  };
  try {
    mkdirSync(OUT, { recursive: true });
    await seedOtherIncidents(server, server.token);

    // Maria opens the incident through the form and walks it; Sam looks on (presence).
    const context = await browser.newContext({ viewport: DESKTOP, colorScheme: 'light' });
    const page = watch(await context.newPage());
    await signIn(page, server, maria);
    await page.getByRole('link', { name: 'Open an incident' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Checkout returns 5xx after the 14:00 deploy');
    await page.getByLabel('Severity', { exact: true }).selectOption('sev1');
    await page.getByRole('radio', { name: /Checkout is returning 5xx errors/ }).check();
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/, { timeout: 15_000 });
    const roomPath = new URL(page.url()).pathname;
    const samContext = await browser.newContext({ viewport: DESKTOP });
    const samPage = watch(await samContext.newPage());
    await signIn(samPage, server, sam);
    await samPage.goto(`${server.url}${roomPath}`);

    await page.getByRole('button', { name: 'Take the commander role' }).click();
    await page.locator('[data-role="commander"]', { hasText: 'maria' }).waitFor();
    const step = (node) => page.locator(`section[aria-label="Current step"][data-node="${node}"]`).waitFor({ timeout: 15_000 });
    await step('error-rate');
    await previewCheck(page);
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await step('recent-deploy');
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await step('rollback');
    await page.getByLabel('Add a note', { exact: true }).fill('Rolled checkout back to 2024.11.3; the ingress 5xx graph is already turning.');
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await page.locator('ol.timeline > li[data-type="note.added"]').waitFor();
    await page.locator('ol.timeline > li[data-type="check.evaluated"]').getByRole('button', { name: 'Star', exact: true }).click();
    await page.locator('ol.timeline > li[data-type="entry.starred"]').waitFor();
    await page.getByRole('button', { name: 'Done', exact: true }).click();
    await step('verify-recovery');
    await previewCheck(page);
    await page.mouse.move(0, 0);
    await settle(page);
    await page.screenshot({ path: path.join(OUT, 'incident-room.png') });

    const signedIn = await context.storageState();
    for (const [file, options] of [['incident-room-dark.png', { viewport: DESKTOP, colorScheme: 'dark' }], ['incident-room-phone.png', { viewport: PHONE, colorScheme: 'light', isMobile: true, hasTouch: true, deviceScaleFactor: 2 }]]) {
      const other = await browser.newContext({ ...options, storageState: signedIn });
      const view = watch(await other.newPage());
      await view.goto(`${server.url}${roomPath}`);
      await view.locator('section[aria-label="Current step"][data-node="verify-recovery"]').waitFor({ timeout: 15_000 });
      await previewCheck(view);
      // A phone shows the room from its top (title, status, the step); the preview's focus scrolled it.
      if (options.isMobile) await view.evaluate(() => window.scrollTo(0, 0));
      await settle(view);
      await view.screenshot({ path: path.join(OUT, file) });
      await other.close();
    }

    await page.goto(`${server.url}/runbooks/checkout-5xx`);
    await page.locator('svg.runbook-tree').waitFor({ timeout: 15_000 });
    await settle(page);
    await page.screenshot({ path: path.join(OUT, 'catalog.png') });

    await page.goto(`${server.url}/incidents`);
    await page.locator('table.incidents').waitFor({ timeout: 15_000 });
    await settle(page);
    await page.screenshot({ path: path.join(OUT, 'incidents.png') });
    await samContext.close();
    await context.close();
    if (problems.length > 0) throw new Error(`the pages threw:\n  ${problems.join('\n  ')}`);
    process.stdout.write(`screenshots in ${path.relative(ROOT, OUT) || '.'}/: incident-room.png, incident-room-dark.png, incident-room-phone.png, catalog.png, incidents.png\n`);
  } finally {
    await browser.close();
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  process.stderr.write(`take-screenshots failed: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exitCode = 1;
});
