// One browser per test file, a fresh context per person: each signs in through the page's form,
// is watched for errors, and is closed (and its problems reported) after each test.
import type { Browser, BrowserContext, BrowserContextOptions } from 'playwright-core';
import { watchedPage, type PageWatch } from './pageWatch.js';
import { signIn, signInWithKeyboard } from './signIn.js';
import { CURRENT_STEP } from './timeline.js';

export interface SignInOptions extends BrowserContextOptions {
  keyboard?: boolean;
}

export interface People {
  /** A new context signed in with `token` at `path` (through the form; with `keyboard`, typing and Enter only). */
  signedIn(url: string, token: string, path: string, options?: SignInOptions): Promise<PageWatch>;
  /** Closes every context opened since the last call and throws with their pages' problems. */
  closeAll(): Promise<void>;
}

export function people(browser: () => Browser): People {
  let open: { context: BrowserContext; watch: PageWatch }[] = [];
  return {
    signedIn: async (url, token, path, { keyboard = false, ...options } = {}) => {
      const context = await browser().newContext({ viewport: { width: 1280, height: 800 }, ...options });
      const watch = await watchedPage(context);
      open.push({ context, watch });
      await (keyboard ? signInWithKeyboard : signIn)(watch.page, url, token, path);
      return watch;
    },
    closeAll: async () => {
      const closing = open;
      open = [];
      const problems = closing.flatMap(({ watch }) => watch.problems);
      await Promise.all(closing.map(({ context }) => context.close()));
      if (problems.length > 0) throw new Error(`pages had ${problems.length} unexpected problem(s):\n  ${problems.join('\n  ')}`);
    },
  };
}

/** Signs in straight into an incident's room and waits for its current step. */
export async function openRoom(people: People, url: string, token: string, incidentId: string, options?: SignInOptions): Promise<PageWatch> {
  const watch = await people.signedIn(url, token, `/incidents/${encodeURIComponent(incidentId)}`, options);
  await watch.page.locator(CURRENT_STEP).waitFor({ timeout: 10_000 });
  return watch;
}
