// A long incident's room in Debian's Chromium: the first join takes only the newest entries (and
// the state they lead to), the page reads the rest over HTTP, and the timeline ends up whole: every
// event once, in order, a redaction of an early entry applied, and entries added meanwhile kept.
import { beforeAll, describe, expect, it } from 'vitest';
import { readTimeline } from '../integration/server/serveProcess.js';
import { openRoom } from './support/browserSession.js';
import { chromiumAvailable, chromiumSkipReason } from './support/chromium.js';
import { e2eStage } from './support/stage.js';
import { addNoteOverApi, openCheckoutIncident } from './support/incidents.js';
import { TIMELINE, expectEveryEventOnce, shownEntries, waitForSeq } from './support/timeline.js';

describe.skipIf(!chromiumAvailable)(`a long incident's room, in Chromium${chromiumSkipReason}`, () => {
  const stage = e2eStage();
  let viewer = '';
  beforeAll(() => {
    viewer = stage.server.addUser('vera', 'viewer');
  });

  it('draws the newest entries first, then holds the whole timeline once, in order, redactions applied', async () => {
    const id = await openCheckoutIncident(stage.server.url, stage.server.adminToken, 'A long incident (e2e)');
    for (let batch = 0; batch < 26; batch++) {
      await Promise.all(Array.from({ length: 10 }, (_, i) => addNoteOverApi(stage.server.url, stage.server.adminToken, id, `note ${batch * 10 + i} (e2e)`)));
    }
    const early = (await readTimeline(stage.server.url, stage.server.adminToken, id)).find((e) => e.type === 'note.added');
    if (!early) throw new Error('no note stored');
    const secret = String(early.data.text);
    const redaction = await fetch(`${stage.server.url}/api/incidents/${id}/events`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${stage.server.adminToken}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ type: 'redact', seq: early.seq, reason: 'e2e' }),
    });
    expect(redaction.status).toBe(201);
    const before = await readTimeline(stage.server.url, stage.server.adminToken, id);
    const last = before.at(-1)?.seq ?? 0;
    expect(last).toBeGreaterThan(260);

    const vera = await openRoom(stage.crowd, stage.server.url, viewer, id);
    const page = vera.page;
    await waitForSeq(page, last, 10_000);
    const added = await addNoteOverApi(stage.server.url, stage.server.adminToken, id, 'added while the room loads (e2e)');
    await waitForSeq(page, added, 5_000);

    // The rest arrives over HTTP: "Show earlier" until the first entry is drawn.
    const showEarlier = page.getByRole('button', { name: /^Show earlier/ });
    for (let i = 0; i < 5 && (await page.locator(`${TIMELINE} > li[data-seq="1"]`).count()) === 0; i++) {
      await showEarlier.click({ timeout: 10_000 });
    }
    await page.locator(`${TIMELINE} > li[data-seq="1"]`).waitFor({ timeout: 5_000 });
    const shown = await shownEntries(page);
    const stored = await readTimeline(stage.server.url, stage.server.adminToken, id);
    expectEveryEventOnce(shown, stored.at(-1)?.seq ?? 0);
    expect(shown.map((e) => `${e.seq}:${e.type}`)).toEqual(stored.map((e) => `${e.seq}:${e.type}`));
    // A viewer never sees a redacted entry's text.
    expect(await page.locator(TIMELINE).innerText()).not.toContain(secret);
  }, 90_000);
});
