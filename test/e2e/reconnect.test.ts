// kill -9 of the server mid-incident, in Debian's Chromium: the page says it is reconnecting,
// reconnects by itself when the server is back on the same port and data dir (no reload), and its
// timeline shows every event once, in order, including what another client added meanwhile and a
// note the page sent while the server was down (recorded once).
import { beforeAll, describe, expect, it } from 'vitest';
import { readTimeline, type StoredEvent } from '../integration/server/serveProcess.js';
import { openRoom } from './support/browserSession.js';
import { chromiumAvailable, chromiumSkipReason } from './support/chromium.js';
import { e2eStage } from './support/stage.js';
import type { PageGlobals } from './support/domShapes.js';
import { addNoteOverApi, openCheckoutIncident } from './support/incidents.js';
import { TIMELINE, expectEveryEventOnce, shownEntries, waitForNode, waitForSeq } from './support/timeline.js';

/** What Chromium logs while the server it talks to is gone. */
const SERVER_GONE = /ERR_CONNECTION_REFUSED|ERR_CONNECTION_RESET|ERR_EMPTY_RESPONSE|ERR_CONNECTION_CLOSED|WebSocket connection to .* failed|WebSocket is closed/;

async function until<T>(what: string, timeoutMs: number, probe: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = await probe();
    if (found !== undefined) return found;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe.skipIf(!chromiumAvailable)(`the incident room across a kill -9 of the server, in Chromium${chromiumSkipReason}`, () => {
  const stage = e2eStage();
  let responder = '';
  beforeAll(() => {
    responder = stage.server.addUser('rita', 'responder');
  });

  it('reconnects by itself after kill -9 and a restart, and shows every event once, in order', async () => {
    const id = await openCheckoutIncident(stage.server.url, stage.server.adminToken, 'The server dies mid-incident (e2e)');
    const rita = await openRoom(stage.crowd, stage.server.url, responder, id);
    const page = rita.page;
    await page.getByRole('button', { name: 'Run check', exact: true }).click();
    await page.getByRole('button', { name: 'Confirm', exact: true }).click();
    await waitForNode(page, 'recent-deploy');
    await page.getByLabel('Add a note', { exact: true }).fill('before the crash (e2e)');
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await page.locator(`${TIMELINE} > li[data-type="note.added"]`).waitFor();
    // A reload would lose this: it proves the page reconnected on its own.
    await page.evaluate(() => { (globalThis as unknown as PageGlobals & { e2eSamePage?: boolean }).e2eSamePage = true; });

    rita.allow(SERVER_GONE);
    await stage.server.kill9();
    await page.locator('[data-connection="reconnecting"]').first().waitFor({ timeout: 10_000 });

    // Sent while the server is down: it waits, then is sent once the page is back.
    const whileDown = 'sent while the server was down (e2e)';
    await page.getByLabel('Add a note', { exact: true }).fill(whileDown);
    await page.getByRole('button', { name: 'Add note', exact: true }).click();
    await page.waitForTimeout(300);

    await stage.server.restart();
    // Another client writes the moment the server is back, likely before the page has reconnected.
    const otherSeq = await addNoteOverApi(stage.server.url, stage.server.adminToken, id, 'added by another client after the restart (e2e)');
    await page.locator('.connection[data-connection="online"]').waitFor({ timeout: 15_000 });

    const stored = await until<StoredEvent[]>('the note sent while down to be stored', 15_000, async () => {
      const events = await readTimeline(stage.server.url, stage.server.adminToken, id);
      return events.some((e) => e.data.text === whileDown) ? events : undefined;
    });
    // Anything else arriving late would show up here as an extra entry.
    const last = stored.at(-1)?.seq ?? 0;
    await waitForSeq(page, last, 10_000);
    await waitForSeq(page, otherSeq, 1_000);
    await page.waitForTimeout(500);
    const final = await readTimeline(stage.server.url, stage.server.adminToken, id);
    expect(final.filter((e) => e.data.text === whileDown)).toHaveLength(1);
    const shown = await shownEntries(page);
    expectEveryEventOnce(shown, final.at(-1)?.seq ?? 0);
    expect(shown.map((e) => `${e.seq}:${e.type}`)).toEqual(final.map((e) => `${e.seq}:${e.type}`));
    expect(await page.evaluate(() => (globalThis as unknown as { e2eSamePage?: boolean }).e2eSamePage)).toBe(true);
    expect(await page.locator('.reconnect-banner').count()).toBe(0);

    // And the walk goes on from where it was.
    await page.getByRole('button', { name: 'Yes', exact: true }).click();
    await waitForNode(page, 'rollback');
  }, 60_000);
});
