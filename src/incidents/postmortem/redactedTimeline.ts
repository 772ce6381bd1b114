import { redactableField } from '../redactableText.js';
import type { TimelineEvent } from '../timelineEvent.js';
import { timelineView } from '../timelineView.js';

/** Field names that hold typed text in any entry: dropped from a redacted entry whatever its type. */
const ANY_TEXT = ['summary', 'reason', 'text', 'note'];

export interface RedactedTimeline {
  /** The events with every redacted entry's text blanked to '' (so the fold reads them as it read the originals). */
  events: TimelineEvent[];
  /** Seqs of redacted entries, ascending. */
  redacted: number[];
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The timeline a postmortem may be built from: the viewer's view (as for anyone without admin
 * rights), then each redacted entry's typed text blanked, whoever asked and whatever the input
 * held. A redaction counts whenever an entry.redacted names an earlier seq, even one the fold
 * would not apply, since hiding too much is the safe mistake here.
 */
export function redactedTimeline(input: readonly TimelineEvent[]): RedactedTimeline {
  const view = timelineView(input, { role: 'viewer' });
  const redacted = new Set<number>();
  for (const entry of view) {
    if (entry.redacted) redacted.add(entry.seq);
    if (entry.type !== 'entry.redacted' || !isRecord(entry.data)) continue;
    const target = entry.data.seq;
    if (typeof target === 'number' && Number.isSafeInteger(target) && target < entry.seq) redacted.add(target);
  }
  const events = view.map((entry): TimelineEvent => {
    const { incidentId, seq, id, at, type, actor, key } = entry;
    const event: TimelineEvent = { incidentId, seq, id, at, type, actor, data: entry.data, ...(key === undefined ? {} : { key }) };
    if (!redacted.has(event.seq) || !isRecord(event.data)) return event;
    const data = { ...event.data };
    const fields = new Set(ANY_TEXT.filter((key) => Object.hasOwn(data, key)));
    const own = redactableField(event.type);
    if (own !== undefined) fields.add(own);
    for (const field of fields) data[field] = '';
    return { ...event, data };
  });
  return { events, redacted: [...redacted].sort((a, b) => a - b) };
}
