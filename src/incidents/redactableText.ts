import type { IncidentEventType } from './incidentEvent.js';

/**
 * The free text a person typed into each kind of entry: what a redaction hides. Entries of other
 * types hold nothing a person wrote freely (ids, labels, numbers), so they cannot be redacted.
 */
const TEXT_FIELD: Partial<Record<IncidentEventType, string>> = {
  'incident.opened': 'summary',
  'status.changed': 'reason',
  'note.added': 'text',
  'runbook.feedback': 'text',
  'followup.added': 'text',
  'action.completed': 'note',
  'action.skipped': 'note',
};

/** The data field a redaction of an entry of this type hides, if it has one. */
export function redactableField(type: string): string | undefined {
  return Object.hasOwn(TEXT_FIELD, type) ? TEXT_FIELD[type as IncidentEventType] : undefined;
}

/** Whether an entry holds free text to redact: its type has a text field and the entry filled it. */
export function hasRedactableText(type: string, data: unknown): boolean {
  const key = redactableField(type);
  return key !== undefined && typeof data === 'object' && data !== null && typeof (data as Record<string, unknown>)[key] === 'string';
}
