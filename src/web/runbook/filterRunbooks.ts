import type { RunbookSummary } from '../api/apiTypes.js';

/** Runbooks whose title, id or tags contain every word of the search (any case), in the order given. */
export function filterRunbooks<T extends Pick<RunbookSummary, 'id' | 'title' | 'tags'>>(runbooks: readonly T[], search: string): T[] {
  const words = search.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...runbooks];
  return runbooks.filter((r) => {
    const text = [r.title, r.id, ...(r.tags ?? [])].join(' ').toLowerCase();
    return words.every((w) => text.includes(w));
  });
}
