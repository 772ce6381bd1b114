import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import express, { Router, type Request } from 'express';

/**
 * The page may run only the app's own bundled script: no inline script, nothing from another
 * origin, no framing, no plugins. Styles set from script (element.style) are not style attributes
 * in markup, so 'self' suffices for them too.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'none'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "manifest-src 'self'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

/** Paths the page router never owns: a typo there is a 404, not the app. */
const NOT_PAGES = /^\/(api|socket\.io|assets|healthz|readyz|metrics)(\/|$)/;

/** Where `npm run build` puts the bundled client: dist/web beside the package.json above this module. */
export function defaultWebDir(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(path.join(dir, 'package.json'))) return path.join(dir, 'dist', 'web');
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve('dist', 'web');
    dir = parent;
  }
}

/** Who a page request's session cookie belongs to, if anyone (no bearer tokens: a navigation has none). */
export type IdentifyPage = (req: Request) => Promise<{ name: string; role: string } | undefined>;

function escapeAttribute(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * Serves the browser client: hashed assets cached for a year, and index.html for every page path
 * (the client routes), carrying who the session cookie signs in (a meta tag, never a script: the
 * CSP allows none inline), so the page starts without a round trip to ask. Without a build it
 * answers 503 saying how to make one.
 */
export function webRoutes(webDir: string, identify: IdentifyPage = () => Promise.resolve(undefined)): Router {
  const router = Router();
  router.use((_req, res, next) => {
    res.setHeader('Content-Security-Policy', CONTENT_SECURITY_POLICY);
    res.setHeader('Referrer-Policy', 'no-referrer');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    next();
  });
  router.use('/assets', express.static(path.join(webDir, 'assets'), { immutable: true, maxAge: '365d', index: false, fallthrough: false }));

  router.get(/.*/, async (req, res, next) => {
    if (NOT_PAGES.test(req.path)) {
      next();
      return;
    }
    // Read on every page load (it is small): after a rebuild the page names the new assets at once.
    let index: string;
    try {
      index = await readFile(path.join(webDir, 'index.html'), 'utf8');
    } catch {
      res.status(503).type('text/plain').send(`The browser client is not built (no ${path.join(webDir, 'index.html')}). Run \`npm run build\`, then reload.\n`);
      return;
    }
    const user = await identify(req);
    const session = escapeAttribute(JSON.stringify(user ? { user: { name: user.name, role: user.role } } : {}));
    res.type('html').send(index.replace('<meta name="runpath-session">', `<meta name="runpath-session" content="${session}">`));
  });
  return router;
}
