// A check whose source is down, in Debian's Chromium: the preview says why and proposes the
// runbook's fallback; Confirm records the failure and the walk follows on_error.
import { describe, expect, it } from 'vitest';
import { readTimeline } from '../integration/server/serveProcess.js';
import { openRoom } from './support/browserSession.js';
import { chromiumAvailable, chromiumSkipReason } from './support/chromium.js';
import { e2eStage } from './support/stage.js';
import { openCheckoutIncident } from './support/incidents.js';
import { CURRENT_STEP, TIMELINE, waitForNode } from './support/timeline.js';

describe.skipIf(!chromiumAvailable)(`a check whose Prometheus is down, in Chromium${chromiumSkipReason}`, () => {
  const stage = e2eStage({ metrics: 'unreachable' });

  it('shows why the source failed and the fallback branch, then records check.failed and follows on_error', async () => {
    const id = await openCheckoutIncident(stage.server.url, stage.server.adminToken, 'Prometheus is down too (e2e)');
    const admin = await openRoom(stage.crowd, stage.server.url, stage.server.adminToken, id);
    const page = admin.page;
    await waitForNode(page, 'error-rate');
    await page.getByRole('button', { name: 'Run check', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm', exact: true }).waitFor();
    const step = page.locator(CURRENT_STEP);
    // Why (the source's own words) and where the runbook goes instead (error-rate's on_error).
    await expect(step.innerText()).resolves.toMatch(/could not be queried/);
    await expect(step.innerText()).resolves.toMatch(/ask-dashboard/);
    expect((await readTimeline(stage.server.url, stage.server.adminToken, id)).some((e) => e.type.startsWith('check.'))).toBe(false);

    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await waitForNode(page, 'ask-dashboard');
    expect(await step.getAttribute('data-node-type')).toBe('question');
    const failed = page.locator(`${TIMELINE} > li[data-type="check.failed"]`);
    await failed.waitFor();
    expect(await failed.innerText()).toMatch(/could not be queried/);
    const stored = await readTimeline(stage.server.url, stage.server.adminToken, id);
    expect(stored.filter((e) => e.type === 'check.failed').map((e) => e.data)).toEqual([expect.objectContaining({ node: 'error-rate', next: 'ask-dashboard' })]);
  });
});
