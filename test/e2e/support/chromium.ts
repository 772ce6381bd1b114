// Debian's Chromium driven by playwright-core: never a downloaded browser. Tests skip, saying so,
// when it is missing; under CI (RUNPATH_REQUIRE_REAL_PARTS=1) a missing one fails instead.
import { chromium, type Browser } from 'playwright-core';
import { realPartAvailable } from '../../support/realPart.js';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const chromiumAvailable = realPartAvailable(CHROMIUM_PATH);

/** Appended to a suite's title, so a skipped run says why. */
export const chromiumSkipReason = chromiumAvailable ? '' : ` (skipped: no Chromium at ${CHROMIUM_PATH}; apt-get install chromium)`;

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}
