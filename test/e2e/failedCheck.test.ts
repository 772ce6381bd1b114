// A check whose source is down, in Debian's Chromium: the preview says why and proposes the
// runbook's fallback; Confirm records the failure and the walk follows on_error.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readTimeline } from '../integration/server/serveProcess.js';
import { openRoom, people } from './support/browserSession.js';
import { chromiumAvailable, chromiumSkipReason, launchChromium } from './support/chromium.js';
import { startDemoServer, type DemoServer } from './support/demoServer.js';
import { openCheckoutIncident } from './support/incidents.js';
import { CURRENT_STEP, TIMELINE, waitForNode } from './support/timeline.js';

describe.skipIf(!chromiumAvailable)(`a check whose Prometheus is down, in Chromium${chromiumSkipReason}`, () => {
  let server: DemoServer;
  let browser: Browser;
  const crowd = people(() => browser);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer({ metrics: 'unreachable' }), launchChromium()]);
  }, 30_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  afterEach(async () => {
    await crowd.closeAll();
  });

  it('shows why the source failed and the fallback branch, then records check.failed and follows on_error', async () => {
    const id = await openCheckoutIncident(server.url, server.adminToken, 'Prometheus is down too (e2e)');
    const admin = await openRoom(crowd, server.url, server.adminToken, id);
    const page = admin.page;
    await waitForNode(page, 'error-rate');
    await page.getByRole('button', { name: 'Run check', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm', exact: true }).waitFor();
    const step = page.locator(CURRENT_STEP);
    // Why (the source's own words) and where the runbook goes instead (error-rate's on_error).
    await expect(step.innerText()).resolves.toMatch(/could not be queried/);
    await expect(step.innerText()).resolves.toMatch(/ask-dashboard/);
    expect((await readTimeline(server.url, server.adminToken, id)).some((e) => e.type.startsWith('check.'))).toBe(false);

    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await waitForNode(page, 'ask-dashboard');
    expect(await step.getAttribute('data-node-type')).toBe('question');
    const failed = page.locator(`${TIMELINE} > li[data-type="check.failed"]`);
    await failed.waitFor();
    expect(await failed.innerText()).toMatch(/could not be queried/);
    const stored = await readTimeline(server.url, server.adminToken, id);
    expect(stored.filter((e) => e.type === 'check.failed').map((e) => e.data)).toEqual([expect.objectContaining({ node: 'error-rate', next: 'ask-dashboard' })]);
  });
});
