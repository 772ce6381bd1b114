import { redactableField } from '../../incidents/redactableText.js';
import type { TimelineEntry } from '../api/apiTypes.js';

export interface MergeResult {
  /** The timeline after the merge: seq order, each seq once. The same array when nothing was new. */
  entries: TimelineEntry[];
  /** The entries that were new, in seq order (to fold into the incident). */
  added: TimelineEntry[];
  /** Set when the batch started past the last seq held + 1: the caller must join again from it. */
  gap: boolean;
}

/** A timeline that starts at the newest entries of a long one (a tail join): seq order, each once. */
export function tailTimeline(batch: readonly TimelineEntry[]): TimelineEntry[] {
  const bySeq = new Map(batch.map((event) => [event.seq, withView(event)]));
  return [...bySeq.values()].sort((a, b) => a.seq - b.seq);
}

/**
 * The whole timeline read afterwards (GET …/events) joined to the tail held and what came live
 * since: the read's entries, then the held ones after its last seq, whose stars and redactions
 * are applied again (their target may be an early entry the tail did not hold).
 */
export function withHistory(history: readonly TimelineEntry[], held: readonly TimelineEntry[], showRedactedText: boolean): TimelineEntry[] {
  const entries = tailTimeline(history);
  const last = entries.at(-1)?.seq ?? 0;
  for (const entry of held) {
    if (entry.seq <= last) continue;
    entries.push(entry);
    updateTarget(entries, entry, showRedactedText);
  }
  return entries;
}

function withView(event: TimelineEntry): TimelineEntry {
  // Command answers carry stored events, which have no star field yet.
  // eslint-disable-next-line @typescript-eslint/no-unnecessary-condition -- the type says boolean; the wire may not
  return { ...event, starred: event.starred ?? false };
}

/**
 * Adds a batch from the server to the timeline held. Seqs already held are ignored (a command's
 * answer and its broadcast carry the same events); a batch starting past the next seq is refused
 * as a gap, since applying it would leave a hole. Star and redaction events update their target,
 * and, unless the reader sees redacted text, a redacted entry's text is dropped as the server does.
 */
export function mergeTimeline(held: readonly TimelineEntry[], batch: readonly TimelineEntry[], showRedactedText: boolean): MergeResult {
  let last = held.at(-1)?.seq ?? 0;
  const fresh = batch.filter((event) => event.seq > last).sort((a, b) => a.seq - b.seq);
  const first = fresh[0];
  if (first === undefined) return { entries: held as TimelineEntry[], added: [], gap: false };
  if (first.seq !== last + 1) return { entries: held as TimelineEntry[], added: [], gap: true };

  const entries = held.slice();
  const added: TimelineEntry[] = [];
  for (const event of fresh) {
    if (event.seq !== last + 1) {
      if (event.seq <= last) continue; // the same seq twice in one batch
      return { entries, added, gap: true };
    }
    const entry = withView(event);
    entries.push(entry);
    added.push(entry);
    last = entry.seq;
    updateTarget(entries, entry, showRedactedText);
  }
  return { entries, added, gap: false };
}

function updateTarget(entries: TimelineEntry[], entry: TimelineEntry, showRedactedText: boolean): void {
  if (entry.type !== 'entry.starred' && entry.type !== 'entry.redacted') return;
  const data = entry.data as { seq?: unknown; starred?: unknown; reason?: unknown };
  if (typeof data.seq !== 'number' || data.seq < 1 || data.seq >= entry.seq) return;
  const targetSeq = data.seq;
  // Seqs are gapless from 1, so an entry usually sits at seq - 1.
  const index = entries[targetSeq - 1]?.seq === targetSeq ? targetSeq - 1 : entries.findIndex((e) => e.seq === targetSeq);
  const target = entries[index];
  if (target === undefined) return;
  if (entry.type === 'entry.starred') {
    entries[index] = { ...target, starred: data.starred === true };
    return;
  }
  if (target.redacted) return;
  const key = redactableField(target.type);
  const targetData = target.data;
  if (key === undefined || typeof targetData !== 'object' || targetData === null || typeof (targetData as Record<string, unknown>)[key] !== 'string') return;
  const redacted: TimelineEntry = {
    ...target,
    redacted: { seq: entry.seq, at: entry.at, actor: entry.actor, ...(typeof data.reason === 'string' ? { reason: data.reason } : {}) },
  };
  if (!showRedactedText) redacted.data = Object.fromEntries(Object.entries(targetData).filter(([name]) => name !== key));
  entries[index] = redacted;
}
