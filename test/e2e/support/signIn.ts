// Signing in the way a person does: the page's form, with the API token.
import type { Page } from 'playwright-core';
import type { PageGlobals } from './domShapes.js';

/** Opens `path` (default /incidents), signs in through the form and waits for the signed-in shell. */
export async function signIn(page: Page, url: string, token: string, path = '/incidents'): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.getByLabel('API token').fill(token);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 10_000 });
}

/** The same with the keyboard alone: the token field has the focus on load; type, then Enter. */
export async function signInWithKeyboard(page: Page, url: string, token: string, path = '/incidents'): Promise<void> {
  await page.goto(`${url}${path}`);
  await page.getByLabel('API token').waitFor();
  const focused = await page.evaluate(() => (globalThis as unknown as PageGlobals).document.activeElement?.getAttribute('id') ?? null);
  if (focused !== 'token') throw new Error(`the sign-in page does not focus the token field on load (focus is on ${focused ?? 'nothing'})`);
  await page.keyboard.type(token);
  await page.keyboard.press('Enter');
  await page.getByRole('button', { name: 'Sign out' }).waitFor({ timeout: 10_000 });
}
