import { loadRunbook } from '../../runbook/loadRunbook.js';
import type { Runbook } from '../../runbook/types.js';
import type { TimelineEvent } from '../timelineEvent.js';
import { typedEvent } from '../parseIncidentEvent.js';

/** A runbook version the incident pinned: where its text is, and the runbook it reads as. */
export interface PinnedRunbook {
  runbookId: string;
  hash: string;
  /** The runbook.pinned event. */
  seq: number;
  file?: string;
  /** Absent when the pinned text does not load (it did when pinned; a later schema may refuse it). */
  runbook?: Runbook;
}

/**
 * Every runbook version pinned on the timeline, by hash (the first pin of each). The walked
 * version's text, not today's file, says what each branch meant and what each action asked.
 */
export function pinnedRunbooks(events: readonly TimelineEvent[]): Map<string, PinnedRunbook> {
  const pins = new Map<string, PinnedRunbook>();
  for (const event of events) {
    const pinned = event.type === 'runbook.pinned' ? typedEvent(event) : undefined;
    if (pinned?.type !== 'runbook.pinned' || pins.has(pinned.data.hash)) continue;
    const { runbookId, hash, text, file } = pinned.data;
    const loaded = loadRunbook(text, file ?? `${runbookId}.yaml`).value;
    pins.set(hash, {
      runbookId,
      hash,
      seq: event.seq,
      ...(file === undefined ? {} : { file }),
      ...(loaded?.id === runbookId ? { runbook: loaded } : {}),
    });
  }
  return pins;
}
