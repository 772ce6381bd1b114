/**
 * The URL of a runbook link when it is one a page may follow: http(s) or a path on this site. The
 * schema already insists on that; this guards the page against a runbook that got past it.
 */
export function safeLinkUrl(url: string): string | undefined {
  const trimmed = url.trim();
  if (/^https?:\/\//i.test(trimmed)) return trimmed;
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return trimmed;
  return undefined;
}
