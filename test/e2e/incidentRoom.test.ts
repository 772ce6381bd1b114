// The incident room in Debian's Chromium against a real `runpath serve --demo`: walking
// checkout-5xx to an end with a second person watching live, typed markup staying text, a viewer
// refused, the keyboard alone, double clicks, and a phone-width layout.
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { readTimeline } from '../integration/server/serveProcess.js';
import { openRoom } from './support/browserSession.js';
import { chromiumAvailable, chromiumSkipReason } from './support/chromium.js';
import { e2eStage } from './support/stage.js';
import { openCheckoutIncident } from './support/incidents.js';
import type { DomElement, Elements, PageGlobals } from './support/domShapes.js';
import type { PageWatch } from './support/pageWatch.js';
import { PHONE, expectNoHorizontalOverflow } from './support/phoneLayout.js';
import { CURRENT_STEP, TIMELINE, expectEveryEventOnce, lastShownSeq, shownEntries, waitForNode, waitForSeq } from './support/timeline.js';

const LIVE_WITHIN_MS = 1_000;
const MARKUP = '<img src=x onerror=alert(1)>';

describe.skipIf(!chromiumAvailable)(`the incident room in Chromium${chromiumSkipReason}`, () => {
  const stage = e2eStage();
  const tokens = { responder: '', commander: '', viewer: '' };
  beforeAll(() => {
    tokens.responder = stage.server.addUser('rita', 'responder');
    tokens.commander = stage.server.addUser('carl', 'commander');
    tokens.viewer = stage.server.addUser('vic', 'viewer');
  });

  /** Runs `act` in the first page; once its step moved to `next`, the second page must show the new last entry within a second. */
  async function stepBoth(first: PageWatch, second: PageWatch, act: () => Promise<void>, next: string): Promise<number> {
    const before = await lastShownSeq(first.page);
    await act();
    await waitForNode(first.page, next);
    const last = await lastShownSeq(first.page);
    expect(last).toBeGreaterThan(before);
    const started = Date.now();
    await waitForSeq(second.page, last, LIVE_WITHIN_MS);
    const waited = Date.now() - started;
    expect(waited).toBeLessThanOrEqual(LIVE_WITHIN_MS + 100);
    await waitForNode(second.page, next, LIVE_WITHIN_MS);
    return last;
  }

  async function runCheck(page: Page): Promise<void> {
    await page.getByRole('button', { name: 'Run check', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
  }

  it('walks checkout-5xx to an end through checks, a question and actions; a second person sees each step within a second', async () => {
    const id = await openCheckoutIncident(stage.server.url, stage.server.adminToken, 'Walk to the end (e2e)');
    const rita = await openRoom(stage.crowd, stage.server.url, tokens.responder, id);
    const carl = await openRoom(stage.crowd, stage.server.url, tokens.commander, id);
    const page = rita.page;

    await waitForNode(page, 'error-rate');
    expect(await page.locator(CURRENT_STEP).getAttribute('data-node-type')).toBe('check');
    await stepBoth(rita, carl, () => runCheck(page), 'recent-deploy');
    expect(await page.locator(CURRENT_STEP).getAttribute('data-node-type')).toBe('question');
    await stepBoth(rita, carl, () => page.getByRole('button', { name: 'Yes', exact: true }).click(), 'rollback');
    expect(await page.locator(CURRENT_STEP).getAttribute('data-node-type')).toBe('action');
    await stepBoth(rita, carl, () => page.getByRole('button', { name: 'Done', exact: true }).click(), 'verify-recovery');
    await stepBoth(rita, carl, () => runCheck(page), 'wait-for-recovery');
    await stepBoth(rita, carl, () => page.getByRole('button', { name: 'Done', exact: true }).click(), 'verify-recovery');
    const last = await stepBoth(rita, carl, () => runCheck(page), 'recovered');
    for (const watch of [rita, carl]) {
      expect(await watch.page.locator(CURRENT_STEP).getAttribute('data-node-type')).toBe('end');
    }

    const stored = await readTimeline(stage.server.url, stage.server.adminToken, id);
    expect(stored.at(-1)?.seq).toBe(last);
    expect(stored.filter((e) => e.type === 'walk.ended')).toHaveLength(1);
    expect(stored.filter((e) => e.type === 'check.evaluated')).toHaveLength(3);
    expect(stored.filter((e) => e.type === 'question.answered')).toHaveLength(1);
    expect(stored.filter((e) => e.type === 'action.completed')).toHaveLength(2);
    for (const watch of [rita, carl]) {
      const shown = await shownEntries(watch.page);
      expectEveryEventOnce(shown, last);
      expect(shown.map((e) => `${e.seq}:${e.type}`)).toEqual(stored.map((e) => `${e.seq}:${e.type}`));
    }
  }, 60_000);

  it('shows a note with markup as text: no <img> in the timeline, no dialog, in either page', async () => {
    const id = await openCheckoutIncident(stage.server.url, stage.server.adminToken, 'Markup in a note (e2e)');
    const rita = await openRoom(stage.crowd, stage.server.url, tokens.responder, id);
    const carl = await openRoom(stage.crowd, stage.server.url, tokens.commander, id);
    await rita.page.getByLabel('Add a note', { exact: true }).fill(MARKUP);
    await rita.page.getByRole('button', { name: 'Add note', exact: true }).click();
    for (const watch of [rita, carl]) {
      const entry = watch.page.locator(`${TIMELINE} > li[data-type="note.added"]`);
      await entry.waitFor({ timeout: 5_000 });
      expect(await entry.textContent()).toContain(MARKUP);
      expect(await watch.page.locator(`${TIMELINE} img`).count()).toBe(0);
      expect(await watch.page.locator('img[src="x"]').count()).toBe(0);
      expect(watch.dialogs).toEqual([]);
    }
    const stored = await readTimeline(stage.server.url, stage.server.adminToken, id);
    expect(stored.filter((e) => e.type === 'note.added').map((e) => e.data.text)).toEqual([MARKUP]);
    // Give a stray onerror handler the time it would need to fire.
    await rita.page.waitForTimeout(300);
    expect(rita.dialogs).toEqual([]);
  });

  it('gives a viewer no enabled Status control and refuses a status change forged from the viewer’s page (403); a commander’s change reaches the viewer live', async () => {
    const id = await openCheckoutIncident(stage.server.url, stage.server.adminToken, 'A viewer looks on (e2e)');
    const vic = await openRoom(stage.crowd, stage.server.url, tokens.viewer, id);
    const page = vic.page;
    await page.locator(TIMELINE).waitFor();
    const status = page.getByLabel('Status', { exact: true });
    const enabled = await status.evaluateAll((controls) => (controls as unknown as Elements).filter((c) => c.disabled !== true).length);
    expect(enabled).toBe(0);
    expect(await page.getByRole('button', { name: 'Run check', exact: true }).count()).toBe(0);

    vic.allow(/status of 403/);
    const forged = await page.evaluate(async (incidentId) => {
      const response = await fetch(`/api/incidents/${encodeURIComponent(incidentId)}/events`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': 'e2e-forged-status' },
        body: JSON.stringify({ type: 'status', to: 'resolved' }),
      });
      return { status: response.status, body: (await response.json()) as { error?: { code?: string } } };
    }, id);
    expect(forged.status).toBe(403);
    expect(forged.body.error?.code).toBe('forbidden');
    expect((await readTimeline(stage.server.url, stage.server.adminToken, id)).some((e) => e.type === 'status.changed')).toBe(false);

    // The control exists for those allowed: a commander changes the status, and the viewer sees it live.
    const carl = await openRoom(stage.crowd, stage.server.url, tokens.commander, id);
    const control = carl.page.getByLabel('Status', { exact: true });
    expect(await control.isEnabled()).toBe(true);
    await control.selectOption('identified');
    await carl.page.getByRole('button', { name: 'Set status', exact: true }).click();
    await page.locator(`${TIMELINE} > li[data-type="status.changed"]`).waitFor({ timeout: 5_000 });
    const changed = (await readTimeline(stage.server.url, stage.server.adminToken, id)).filter((e) => e.type === 'status.changed');
    expect(changed.map((e) => e.data)).toEqual([expect.objectContaining({ from: 'investigating', to: 'identified' })]);
    expect(await page.getByLabel('Status', { exact: true }).count()).toBe(0);
  });

  /** Presses Tab until the focused element is the button named `name` (at most `max` presses). */
  async function tabTo(page: Page, name: string, max = 80): Promise<void> {
    for (let i = 0; i <= max; i++) {
      const focused = await page.evaluate(() => {
        const active = (globalThis as unknown as PageGlobals).document.activeElement;
        return active ? { tag: active.tagName, text: (active.textContent ?? '').trim() } : undefined;
      });
      if (focused?.tag === 'BUTTON' && focused.text === name) return;
      await page.keyboard.press('Tab');
    }
    throw new Error(`no button '${name}' reached with ${max} Tab presses`);
  }

  /** Whether the focused element shows a focus ring (an outline or a box shadow). */
  async function focusVisible(page: Page): Promise<boolean> {
    return page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      const active = g.document.activeElement;
      if (active === null) return false;
      const style = g.getComputedStyle(active);
      return (style.outlineStyle !== 'none' && style.outlineWidth !== '0px') || style.boxShadow !== 'none';
    });
  }

  it('signs in and walks three steps with the keyboard alone (typing, Tab and Enter), with a visible focus', async () => {
    const id = await openCheckoutIncident(stage.server.url, stage.server.adminToken, 'Keyboard only (e2e)');
    const rita = await openRoom(stage.crowd, stage.server.url, tokens.responder, id, { keyboard: true });
    const page = rita.page;
    await waitForNode(page, 'error-rate');
    await tabTo(page, 'Run check');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await page.getByRole('button', { name: 'Confirm', exact: true }).waitFor();
    await tabTo(page, 'Confirm');
    await page.keyboard.press('Enter');
    await waitForNode(page, 'recent-deploy');
    await tabTo(page, 'Yes');
    expect(await focusVisible(page)).toBe(true);
    await page.keyboard.press('Enter');
    await waitForNode(page, 'rollback');
    await tabTo(page, 'Done');
    await page.keyboard.press('Enter');
    await waitForNode(page, 'verify-recovery');
    const stored = await readTimeline(stage.server.url, stage.server.adminToken, id);
    expect(stored.map((e) => e.type)).toEqual(expect.arrayContaining(['check.evaluated', 'question.answered', 'action.completed']));
    expect(stored.find((e) => e.type === 'question.answered')?.data).toMatchObject({ node: 'recent-deploy', label: 'Yes' });
  });

  it('records a double-clicked answer once, and a note added twice in one go once', async () => {
    const id = await openCheckoutIncident(stage.server.url, stage.server.adminToken, 'Double clicks (e2e)');
    const rita = await openRoom(stage.crowd, stage.server.url, tokens.responder, id);
    const page = rita.page;
    await runCheck(page);
    await waitForNode(page, 'recent-deploy');
    await page.getByRole('button', { name: 'No', exact: true }).dblclick();
    await waitForNode(page, 'errors-by-pod');

    const text = 'two clicks, one note (e2e)';
    await page.getByLabel('Add a note', { exact: true }).fill(text);
    const button = page.getByRole('button', { name: 'Add note', exact: true });
    await button.dblclick();
    await page.locator(`${TIMELINE} > li[data-type="note.added"]`).first().waitFor();
    // And two clicks in one task, before the page can re-render and disable anything.
    const again = 'clicked twice in one task (e2e)';
    await page.getByLabel('Add a note', { exact: true }).fill(again);
    await button.evaluate((b) => {
      const clickable = b as unknown as DomElement;
      clickable.click();
      clickable.click();
    });
    await page.waitForFunction((count) => (globalThis as unknown as PageGlobals).document.querySelectorAll('ol.timeline > li[data-type="note.added"]').length >= count, 2);
    await page.waitForTimeout(500);

    const stored = await readTimeline(stage.server.url, stage.server.adminToken, id);
    expect(stored.filter((e) => e.type === 'question.answered')).toHaveLength(1);
    expect(stored.filter((e) => e.type === 'note.added' && e.data.text === text)).toHaveLength(1);
    expect(stored.filter((e) => e.type === 'note.added' && e.data.text === again)).toHaveLength(1);
    expect(await page.locator(`${TIMELINE} > li[data-type="note.added"]`).count()).toBe(2);
    expectEveryEventOnce(await shownEntries(page), stored.at(-1)?.seq ?? 0);
  });

  it('fits a phone (390×844): no horizontal page overflow, the current step visible', async () => {
    const id = await openCheckoutIncident(stage.server.url, stage.server.adminToken, 'On a phone (e2e)');
    const rita = await openRoom(stage.crowd, stage.server.url, tokens.responder, id, { viewport: PHONE, isMobile: true, hasTouch: true });
    const page = rita.page;
    await runCheck(page);
    await waitForNode(page, 'recent-deploy');
    await expectNoHorizontalOverflow(page, 'the incident room');
    const step = page.locator(CURRENT_STEP);
    await step.scrollIntoViewIfNeeded();
    expect(await step.isVisible()).toBe(true);
    const box = await step.boundingBox();
    expect(box).not.toBeNull();
    expect(box?.x ?? -1).toBeGreaterThanOrEqual(0);
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(PHONE.width + 1);
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await waitForNode(page, 'rollback');
  });
});
