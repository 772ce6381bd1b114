// Everything a page does that no test expects: uncaught exceptions, console errors, CSP
// violations, dialogs (an alert from injected markup). A test ends with `expectClean()`.
import type { BrowserContext, ConsoleMessage, Page } from 'playwright-core';

// Runs before the app's script in every frame; the CDP-injected script is not itself subject to the CSP.
const REPORT_CSP_VIOLATIONS = `document.addEventListener('securitypolicyviolation', (e) => {
  console.error('CSP violation: ' + e.violatedDirective + ' blocked ' + (e.blockedURI || 'inline') + ' in ' + (e.sourceFile || '?') + ':' + e.lineNumber);
});`;

export interface PageWatch {
  readonly page: Page;
  /** What went wrong so far, in order. */
  readonly problems: string[];
  /** How many dialogs (alert, confirm…) the page opened; each was dismissed. */
  readonly dialogs: string[];
  /** Stops counting console errors that match (a refusal the test provokes, a server it killed). */
  allow(pattern: RegExp): void;
  /** Throws with every problem so far, if any. */
  expectClean(): void;
}

/** A 401 to GET /api/session is how the app learns it is signed out; a wrong token's POST is refused the same way. */
function expectedByDefault(message: ConsoleMessage): boolean {
  const where = message.location().url;
  return /\/api\/session$/.test(where) && message.text().includes('401');
}

function describeConsole(message: ConsoleMessage): string {
  const where = message.location();
  return `console.${message.type()}: ${message.text()}${where.url ? ` (${where.url}:${where.lineNumber})` : ''}`;
}

/** Opens a page in the context and watches it. */
export async function watchedPage(context: BrowserContext): Promise<PageWatch> {
  await context.addInitScript({ content: REPORT_CSP_VIOLATIONS });
  const page = await context.newPage();
  // Well under a test's timeout, so a step that never happens fails naming itself.
  page.setDefaultTimeout(8_000);
  return watchPage(page);
}

export function watchPage(page: Page): PageWatch {
  const problems: string[] = [];
  const dialogs: string[] = [];
  const allowed: RegExp[] = [];
  page.on('pageerror', (error) => { problems.push(`pageerror: ${error.stack ?? error.message}`); });
  page.on('console', (message) => {
    const text = message.text();
    const csp = text.includes('Content Security Policy') || text.startsWith('CSP violation');
    if (csp) {
      problems.push(describeConsole(message));
      return;
    }
    if (message.type() !== 'error' || expectedByDefault(message)) return;
    if (allowed.some((pattern) => pattern.test(text) || pattern.test(message.location().url))) return;
    problems.push(describeConsole(message));
  });
  page.on('dialog', (dialog) => {
    dialogs.push(`${dialog.type()}: ${dialog.message()}`);
    problems.push(`dialog ${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss().catch(() => undefined);
  });
  return {
    page,
    problems,
    dialogs,
    allow: (pattern) => { allowed.push(pattern); },
    expectClean: () => {
      if (problems.length > 0) throw new Error(`the page had ${problems.length} unexpected problem(s):\n  ${problems.join('\n  ')}`);
    },
  };
}
