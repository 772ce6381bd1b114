import type { TimelineEntry } from '../api/apiTypes.js';
import type { CheckEvaluatedData, CheckFailedData } from '../../incidents/incidentEvent.js';
import { parseIncidentEvent } from '../../incidents/parseIncidentEvent.js';

/** A check's result, from a preview's events or a recorded timeline entry. */
export type CheckOutcome =
  | { kind: 'evaluated'; data: CheckEvaluatedData }
  | { kind: 'failed'; data: CheckFailedData };

/** The check result among events (a preview's answer, or one entry), if there is a well-formed one. */
export function checkOutcome(events: readonly { type: string; data: unknown }[]): CheckOutcome | undefined {
  for (const { type, data } of events) {
    if (type !== 'check.evaluated' && type !== 'check.failed') continue;
    const parsed = parseIncidentEvent(type, data);
    if (!parsed.ok) continue;
    const event = parsed.event;
    if (event.type === 'check.evaluated') return { kind: 'evaluated', data: event.data };
    if (event.type === 'check.failed') return { kind: 'failed', data: event.data };
  }
  return undefined;
}

/** The fallback a failed check takes, by the node field that names it. */
export function fallbackField(status: CheckFailedData['status']): 'on_no_data' | 'on_error' {
  return status === 'no_data' ? 'on_no_data' : 'on_error';
}

/** The newest recorded check at or after `sinceSeq` (the walk's start), searched from the end: the timeline may be long. */
export function lastCheckEntry(entries: readonly TimelineEntry[], sinceSeq: number): TimelineEntry | undefined {
  for (let i = entries.length - 1; i >= 0; i -= 1) {
    const entry = entries[i];
    if (entry === undefined || entry.seq < sinceSeq) return undefined;
    if (entry.type === 'check.evaluated' || entry.type === 'check.failed') return entry;
  }
  return undefined;
}

/** A preview the user confirmed: the node, the branch target it proposed, and the last seq when confirmed. */
export interface ConfirmedPreview {
  node: string;
  next: string;
  /** Only a check recorded after this seq answers this confirmation. */
  afterSeq: number;
}

/**
 * Whether the check recorded at `seq` went elsewhere than the preview the user confirmed: the
 * metric moved between the two reads. The recorded one is the truth; the room says so.
 */
export function tookOtherBranch(confirmed: ConfirmedPreview | undefined, outcome: CheckOutcome, seq: number): boolean {
  return confirmed !== undefined && confirmed.node === outcome.data.node && seq > confirmed.afterSeq && confirmed.next !== outcome.data.next;
}
