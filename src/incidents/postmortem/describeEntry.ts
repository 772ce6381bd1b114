import { typedEvent } from '../parseIncidentEvent.js';
import type { TimelineEvent } from '../timelineEvent.js';

const quoted = (text: string | undefined, redacted: boolean): string => {
  if (redacted) return ' (redacted)';
  return text === undefined || text === '' ? '' : `: "${text}"`;
};

/**
 * One entry in words (for the starred list), never holding typed text of a redacted entry: the
 * text reads "(redacted)" instead. Plain text; the Markdown writer escapes it.
 */
export function describeEntry(event: TimelineEvent, redacted: boolean): string {
  const typed = typedEvent(event);
  if (!typed) return `${event.type} entry`;
  switch (typed.type) {
    case 'runbook.pinned':
      return `runbook ${typed.data.runbookId} pinned at version ${typed.data.hash.slice(0, 12)}`;
    case 'runbook.feedback':
      return `runbook feedback on ${typed.data.runbookId} node ${typed.data.node} (${typed.data.kind.replace('_', ' ')})${quoted(typed.data.text, redacted)}`;
    case 'followup.added':
      return `follow-up (${typed.data.kind})${quoted(typed.data.text, redacted)}`;
    case 'incident.opened':
      return `incident opened: ${typed.data.title} (${typed.data.severity})`;
    case 'status.changed':
      return `status ${typed.data.from} → ${typed.data.to}${quoted(typed.data.reason, redacted)}`;
    case 'severity.changed':
      return `severity ${typed.data.from} → ${typed.data.to}`;
    case 'role.assigned':
      return `${typed.data.role}: ${typed.data.user}${typed.data.previous === undefined ? '' : ` (handoff from ${typed.data.previous})`}`;
    case 'note.added':
      return `note${quoted(typed.data.text, redacted)}`;
    case 'entry.starred':
      return `${typed.data.starred ? 'starred' : 'unstarred'} entry ${typed.data.seq}`;
    case 'entry.redacted':
      return `redacted entry ${typed.data.seq}`;
    case 'walk.started':
      return `walk of runbook ${typed.data.runbookId} started`;
    case 'step.entered':
      return `entered ${typed.data.nodeType} ${typed.data.node}`;
    case 'check.evaluated':
      return `check ${typed.data.node} read ${typed.data.value === null ? 'no number' : String(typed.data.value)} → ${typed.data.next}`;
    case 'check.failed':
      return `check ${typed.data.node} failed (${typed.data.status}): ${typed.data.reason} → ${typed.data.next}`;
    case 'question.answered':
      return `${typed.data.node} answered "${typed.data.label}" → ${typed.data.next}`;
    case 'action.completed':
      return `${typed.data.mitigation ? 'mitigation' : 'action'} ${typed.data.node} done${quoted(typed.data.note, redacted)}`;
    case 'action.skipped':
      return `action ${typed.data.node} skipped${quoted(typed.data.note, redacted)}`;
    case 'walk.ended':
      return `walk ended (${typed.data.outcome})${typed.data.handoff === undefined ? '' : `, hand off to ${typed.data.handoff}`}`;
    case 'alert.received':
      return `alert notification (${typed.data.status}, ${typed.data.alerts.length} alert${typed.data.alerts.length === 1 ? '' : 's'}), ${typed.data.grouping.decision}`;
    case 'alert.resolved':
      return `alerts resolved (${typed.data.fingerprints.length})`;
  }
  return `${event.type} entry`;
}
