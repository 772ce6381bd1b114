import type { AccessRole } from './accessRole.js';
import { parseIncidentEvent } from './parseIncidentEvent.js';
import { hasRedactableText, redactableField } from './redactableText.js';
import type { Actor, TimelineEvent } from './timelineEvent.js';

/** Who redacted an entry, when and why. */
export interface RedactionMark {
  /** The seq of the entry.redacted event. */
  seq: number;
  at: string;
  actor: Actor;
  reason?: string;
}

/** An event as a reader sees it, with its star and redaction folded in. */
export type TimelineEntry = TimelineEvent & {
  starred: boolean;
  /** Set when the entry was redacted. Its text is gone from `data` unless the reader is an admin. */
  redacted?: RedactionMark;
};

export interface Viewer {
  role: AccessRole;
}

/** Whether this reader sees redacted text. Only admins do; everyone else sees the marker alone. */
export function seesRedactedText(viewer: Viewer): boolean {
  return viewer.role === 'admin';
}

/**
 * The timeline as `viewer` may read it. Every event stays, the star and redaction events too; a
 * redacted entry keeps its place and type, carries a `redacted` marker, and (except for admins)
 * loses the text a person typed into it. Stars fold into `starred` (the last star event wins).
 */
export function timelineView(events: readonly TimelineEvent[], viewer: Viewer): TimelineEntry[] {
  const starred = new Set<number>();
  const redactions = new Map<number, RedactionMark>();
  for (const event of events) {
    const parsed = parseIncidentEvent(event.type, event.data);
    if (!parsed.ok) continue;
    const target = parsed.event;
    if (target.type === 'entry.starred' && target.data.seq < event.seq) {
      if (target.data.starred) starred.add(target.data.seq);
      else starred.delete(target.data.seq);
    }
    if (target.type === 'entry.redacted' && target.data.seq < event.seq && !redactions.has(target.data.seq)) {
      const mark: RedactionMark = { seq: event.seq, at: event.at, actor: event.actor };
      if (target.data.reason !== undefined) mark.reason = target.data.reason;
      redactions.set(target.data.seq, mark);
    }
  }

  const showText = seesRedactedText(viewer);
  return events.map((event) => {
    const entry: TimelineEntry = { ...event, starred: starred.has(event.seq) };
    const mark = redactions.get(event.seq);
    // Like reduceIncident: a redaction applies only to an entry holding typed text.
    if (!mark || !hasRedactableText(event.type, event.data)) return entry;
    entry.redacted = mark;
    const key = redactableField(event.type);
    if (!showText && key !== undefined && typeof event.data === 'object' && event.data !== null) {
      entry.data = Object.fromEntries(Object.entries(event.data).filter(([name]) => name !== key));
    }
    return entry;
  });
}
