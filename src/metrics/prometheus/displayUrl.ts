/**
 * The URL as messages may show it: no user name, password, query or fragment, no trailing slash.
 * An unparsable URL is not echoed at all, since it may hold a secret.
 */
export function displayUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/+$/, '')}`;
  } catch {
    return '(an invalid URL)';
  }
}
