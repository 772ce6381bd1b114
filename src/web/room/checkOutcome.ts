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
