import type { Browser } from 'playwright-core';
import { afterAll, afterEach, beforeAll } from 'vitest';
import { people, type People } from './browserSession.js';
import { launchChromium } from './chromium.js';
import { startDemoServer, type DemoServer, type DemoServerOptions } from './demoServer.js';

/** What every browser suite runs against: a real `runpath serve --demo` and Debian's Chromium. */
export interface Stage {
  readonly server: DemoServer;
  readonly browser: Browser;
  /** The people (browser contexts) a test signs in; closed after each test. */
  readonly crowd: People;
}

/**
 * Registers the hooks of a describe block: the server and the browser start before its tests
 * (in parallel), every signed-in context closes after each test, and both stop after the block.
 */
export function e2eStage(options: DemoServerOptions = {}): Stage {
  let server: DemoServer | undefined;
  let browser: Browser | undefined;
  const started = <T>(part: T | undefined, what: string): T => {
    if (part === undefined) throw new Error(`the ${what} starts in beforeAll; use it inside a test or a later hook`);
    return part;
  };
  const crowd = people(() => started(browser, 'browser'));

  beforeAll(async () => {
    [server, browser] = await Promise.all([startDemoServer(options), launchChromium()]);
  }, 30_000);

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  afterEach(async () => {
    await crowd.closeAll();
  });

  return {
    get server() { return started(server, 'server'); },
    get browser() { return started(browser, 'browser'); },
    crowd,
  };
}
