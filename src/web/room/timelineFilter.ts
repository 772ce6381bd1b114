import type { TimelineEntry } from '../api/apiTypes.js';
import { isDecision } from './describeEntry.js';

export const TIMELINE_FILTERS = ['all', 'decisions', 'notes', 'starred'] as const;

export type TimelineFilter = (typeof TIMELINE_FILTERS)[number];

export const FILTER_LABEL: Record<TimelineFilter, string> = {
  all: 'All',
  decisions: 'Decisions',
  notes: 'Notes',
  starred: 'Starred',
};

export function matchesFilter(entry: TimelineEntry, filter: TimelineFilter): boolean {
  switch (filter) {
    case 'all':
      return true;
    case 'decisions':
      return isDecision(entry.type);
    case 'notes':
      return entry.type === 'note.added';
    case 'starred':
      return entry.starred;
  }
}

export interface TimelineWindow {
  /** The entries to render, oldest first. */
  shown: TimelineEntry[];
  /** How many entries match the filter but are left out (older ones). */
  hidden: number;
  /** How many entries match the filter in all. */
  matching: number;
}

/**
 * The newest `limit` entries matching the filter, oldest first. The timeline renders only these
 * (a 5,000-event incident stays fast); "Show earlier" raises the limit.
 */
export function timelineWindow(entries: readonly TimelineEntry[], filter: TimelineFilter, limit: number): TimelineWindow {
  if (filter === 'all') {
    const start = Math.max(0, entries.length - limit);
    return { shown: entries.slice(start), hidden: start, matching: entries.length };
  }
  const matching = entries.filter((entry) => matchesFilter(entry, filter));
  const start = Math.max(0, matching.length - limit);
  return { shown: matching.slice(start), hidden: start, matching: matching.length };
}
