// Signing in and out, a wrong token, the incidents list (live) and opening an incident from a
// shipped runbook through the form, in Debian's Chromium against a real `runpath serve --demo`.
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { api, readTimeline } from '../integration/server/serveProcess.js';
import { chromiumAvailable, chromiumSkipReason, launchChromium } from './support/chromium.js';
import { startDemoServer, type DemoServer } from './support/demoServer.js';
import { watchedPage, type PageWatch } from './support/pageWatch.js';
import type { Elements, PageGlobals } from './support/domShapes.js';
import { PHONE, expectNoHorizontalOverflow } from './support/phoneLayout.js';
import { signIn } from './support/signIn.js';

interface SessionAnswer { user?: { name: string; role: string } }

describe.skipIf(!chromiumAvailable)(`sign-in, the incidents list and opening an incident in Chromium${chromiumSkipReason}`, () => {
  let server: DemoServer;
  let browser: Browser;
  let context: BrowserContext | undefined;
  let watch: PageWatch | undefined;

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(), launchChromium()]);
  }, 30_000);

  afterAll(async () => {
    await browser.close();
    await server.close();
  });

  afterEach(async () => {
    const seen = watch;
    watch = undefined;
    await context?.close();
    context = undefined;
    seen?.expectClean();
  });

  async function freshPage(): Promise<PageWatch> {
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    watch = await watchedPage(context);
    return watch;
  }

  /** GET /api/session from inside the page, with whatever cookie it holds. */
  async function sessionFromPage(w: PageWatch): Promise<{ status: number; body: SessionAnswer }> {
    return w.page.evaluate(async () => {
      const response = await fetch('/api/session', { headers: { accept: 'application/json' } });
      return { status: response.status, body: (await response.json()) as SessionAnswer };
    });
  }

  it('signs in with the admin token through the form, and signs out', async () => {
    const { page } = await freshPage();
    await signIn(page, server.url, server.adminToken);
    await expect(page.locator('header .whoami').textContent()).resolves.toContain('admin');
    expect((await context?.cookies())?.length).toBeGreaterThan(0);
    const signedIn = await sessionFromPage(watch as PageWatch);
    expect(signedIn.status).toBe(200);
    expect(signedIn.body.user?.name).toBe('admin');
    // The page never keeps the token: not in storage, not in the DOM.
    const kept = await page.evaluate(() => {
      const g = globalThis as unknown as PageGlobals;
      return JSON.stringify(g.localStorage) + JSON.stringify(g.sessionStorage);
    });
    expect(kept).not.toContain(server.adminToken);
    expect(await page.content()).not.toContain(server.adminToken);

    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByLabel('API token').waitFor();
    expect((await sessionFromPage(watch as PageWatch)).status).toBe(401);
    await page.reload();
    await page.getByLabel('API token').waitFor();
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
  });

  it('refuses a wrong token with a message and no session', async () => {
    const { page } = await freshPage();
    await page.goto(`${server.url}/incidents`);
    await page.getByLabel('API token').fill('rpt_this-is-not-a-token-of-this-server');
    await page.getByRole('button', { name: 'Sign in' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toMatch(/\S/);
    expect(await alert.textContent()).toContain('invalid_credentials');
    expect(await page.getByRole('button', { name: 'Sign out' }).count()).toBe(0);
    await expect(page.getByLabel('API token').isVisible()).resolves.toBe(true);
    expect(await context?.cookies()).toEqual([]);
    expect((await sessionFromPage(watch as PageWatch)).status).toBe(401);
  });

  it('opens an incident on checkout-5xx through the form; the list shows it, and one opened elsewhere, live', async () => {
    const { page } = await freshPage();
    await signIn(page, server.url, server.adminToken);
    await page.getByRole('link', { name: 'Open an incident' }).click();
    await page.getByLabel('Title', { exact: true }).fill('Checkout answers 5xx (e2e)');
    await page.getByLabel('Severity', { exact: true }).selectOption('sev1');
    await page.getByLabel('Search by title or tag').fill('checkout');
    await page.getByRole('radio', { name: /Checkout is returning 5xx errors/ }).check();
    await page.getByRole('button', { name: 'Open incident' }).click();
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}$/, { timeout: 10_000 });
    const id = decodeURIComponent(new URL(page.url()).pathname.split('/').pop() ?? '');

    const incident = await api(server.url, server.adminToken, 'GET', `/api/incidents/${id}`);
    expect(incident.status).toBe(200);
    expect(incident.body).toMatchObject({ title: 'Checkout answers 5xx (e2e)', severity: 'sev1', runbook: { id: 'checkout-5xx' }, walk: { runbookId: 'checkout-5xx', state: { current: 'error-rate' } } });
    const types = (await readTimeline(server.url, server.adminToken, id)).map((e) => e.type);
    expect(types[0]).toBe('incident.opened');
    expect(types.filter((t) => t === 'walk.started')).toHaveLength(1);

    await page.getByRole('link', { name: 'Incidents', exact: true }).click();
    const row = page.locator(`table.incidents tr[data-incident="${id}"]`);
    await row.waitFor();
    expect(await row.textContent()).toContain('Checkout answers 5xx (e2e)');

    // Opened by someone else while the list is on screen: it appears without a reload.
    const other = await api(server.url, server.adminToken, 'POST', '/api/incidents', { title: 'Payments are slow (e2e)', severity: 'sev3' }, 'e2e-session-other');
    expect(other.status).toBe(201);
    const otherId = (other.body as { id: string }).id;
    await page.locator(`table.incidents tr[data-incident="${otherId}"]`).waitFor({ timeout: 5_000 });
    // Open incidents first, the most severe first: sev1 above sev3.
    const order = await page.locator('table.incidents tbody tr[data-incident]').evaluateAll((rows) => (rows as unknown as Elements).map((r) => r.getAttribute('data-incident')));
    expect(order.indexOf(id)).toBeLessThan(order.indexOf(otherId));
  });

  it('fits a phone (390×844): the incidents list, the open-incident form and the runbook catalog do not scroll sideways', async () => {
    context = await browser.newContext({ viewport: PHONE, isMobile: true, hasTouch: true });
    watch = await watchedPage(context);
    const { page } = watch;
    await api(server.url, server.adminToken, 'POST', '/api/incidents', { title: 'Checkout answers 5xx on a phone (e2e)', severity: 'sev2', runbook: 'checkout-5xx' }, 'e2e-session-phone');
    await signIn(page, server.url, server.adminToken);
    const problems: string[] = [];
    for (const [path, ready] of [
      ['/incidents', 'table.incidents'],
      ['/incidents/new?runbook=checkout-5xx', 'form'],
      ['/runbooks', 'main a[href="/runbooks/checkout-5xx"]'],
      ['/runbooks/checkout-5xx', 'svg.runbook-tree'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await page.locator(ready).first().waitFor();
      await expectNoHorizontalOverflow(page, path).catch((error: unknown) => { problems.push(error instanceof Error ? error.message : String(error)); });
    }
    expect(problems).toEqual([]);
  });
});
