import type { SessionUser } from '../api/apiTypes.js';

const ROLES = new Set(['viewer', 'responder', 'commander', 'admin']);

/** The part of a document read here (the document itself in the browser). */
export interface PageWithMeta {
  querySelector(selector: string): { getAttribute(name: string): string | null } | null;
}

/**
 * Who the server says this page's session cookie signs in: the `runpath-session` meta tag it puts
 * in index.html (no inline script is allowed), so the app starts without asking. Undefined when
 * the page carries none (served by something that does not fill it in): then the app asks the API.
 * Null when the server said nobody is signed in.
 */
export function pageSession(doc: PageWithMeta = document): SessionUser | null | undefined {
  const meta = doc.querySelector('meta[name="runpath-session"]');
  if (!meta) return undefined;
  const content = meta.getAttribute('content');
  if (content === null) return undefined;
  try {
    const parsed = JSON.parse(content) as { user?: { name?: unknown; role?: unknown } };
    const user = parsed.user;
    if (user === undefined) return null;
    if (typeof user.name === 'string' && typeof user.role === 'string' && ROLES.has(user.role)) {
      return { name: user.name, role: user.role as SessionUser['role'] };
    }
  } catch {
    // A tag we cannot read counts as no tag: the app asks the API.
  }
  return undefined;
}
