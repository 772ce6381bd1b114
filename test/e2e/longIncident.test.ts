// A long incident's room in Debian's Chromium: the first join takes only the newest entries (and
// the state they lead to), the page reads the rest over HTTP, and the timeline ends up whole: every
// event once, in order, a redaction of an early entry applied, and entries added meanwhile kept.
import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readTimeline } from '../integration/server/serveProcess.js';
import { openRoom, people } from './support/browserSession.js';
import { chromiumAvailable, chromiumSkipReason, launchChromium } from './support/chromium.js';
import { startDemoServer, type DemoServer } from './support/demoServer.js';
import { addNoteOverApi, openCheckoutIncident } from './support/incidents.js';
import { TIMELINE, expectEveryEventOnce, shownEntries, waitForSeq } from './support/timeline.js';

describe.skipIf(!chromiumAvailable)(`a long incident's room, in Chromium${chromiumSkipReason}`, () => {
  let server: DemoServer;
  let browser: Browser;
  let viewer = '';
  const crowd = people(() => browser);

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
    viewer = server.addUser('vera', 'viewer');
  }, 30_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  afterEach(async () => {
    await crowd.closeAll();
  });

  it('draws the newest entries first, then holds the whole timeline once, in order, redactions applied', async () => {
    const id = await openCheckoutIncident(server.url, server.adminToken, 'A long incident (e2e)');
    for (let batch = 0; batch < 26; batch++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => addNoteOverApi(server.url, server.adminToken, id, `note ${batch * 10 + i} (e2e)`)));
    }
    const early = (await readTimeline(server.url, server.adminToken, id)).find((e) => e.type === 'note.added');
    if (!early) throw new Error('no note stored');
    const secret = String(early.data.text);
    const redaction = await fetch(`${server.url}/api/incidents/${id}/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${server.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'redact', seq: early.seq, reason: 'e2e' }),
    });
    expect(redaction.status).toBe(201);
    const before = await readTimeline(server.url, server.adminToken, id);
    const last = before.at(-1)?.seq ?? 0;
    expect(last).toBeGreaterThan(260);

    const vera = await openRoom(crowd, server.url, viewer, id);
    const page = vera.page;
    await waitForSeq(page, last, 10_000);
    const added = await addNoteOverApi(server.url, server.adminToken, id, 'added while the room loads (e2e)');
    await waitForSeq(page, added, 5_000);

    // The rest arrives over HTTP: "Show earlier" until the first entry is drawn.
    const showEarlier = page.getByRole('button', { name: /^Show earlier/ });
    for (let i = 0; i < 5 && (await page.locator(`${TIMELINE} > li[data-seq="1"]`).count()) === 0; i++) {
      await showEarlier.click({ timeout: 10_000 });
    }
    await page.locator(`${TIMELINE} > li[data-seq="1"]`).waitFor({ timeout: 5_000 });
    const shown = await shownEntries(page);
    const stored = await readTimeline(server.url, server.adminToken, id);
    expectEveryEventOnce(shown, stored.at(-1)?.seq ?? 0);
    expect(shown.map((e) => `${e.seq}:${e.type}`)).toEqual(stored.map((e) => `${e.seq}:${e.type}`));
    // A viewer never sees a redacted entry's text.
    expect(await page.locator(TIMELINE).innerText()).not.toContain(secret);
  }, 90_000);
});
