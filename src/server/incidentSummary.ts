import type { Incident, IncidentWalk } from '../incidents/incident.js';
import type { Runbook } from '../runbook/types.js';

/** An incident as a list shows it (GET /api/incidents, the lobby's `incident` event). */
export type IncidentSummary = Pick<Incident, 'id' | 'title' | 'severity' | 'status' | 'openedAt' | 'openedBy' | 'roles' | 'lastSeq' | 'figures' | 'runbook'> & {
  walk?: Pick<IncidentWalk, 'runbookId' | 'runbookTitle'> & {
    current: string | null;
    ended?: NonNullable<IncidentWalk['state']['ended']>;
    /** Since when the walk waits at `current`, or has ended (ISO time): how long it is stuck. */
    since?: string;
  };
};

/**
 * An incident as a list shows it: what it is and where it stands, without its notes. The same for
 * every access role (nothing in it is redactable), so one summary serves every reader.
 */
export function incidentSummary(incident: Incident): IncidentSummary {
  const { id, title, severity, status, openedAt, openedBy, roles, lastSeq, figures, runbook, walk } = incident;
  const summary: IncidentSummary = { id, title, severity, status, openedAt, openedBy, roles, lastSeq, figures };
  if (runbook) summary.runbook = runbook;
  if (walk) {
    summary.walk = {
      runbookId: walk.runbookId,
      runbookTitle: walk.runbookTitle,
      current: walk.state.current,
      ...(walk.state.ended ? { ended: walk.state.ended } : {}),
      ...(walk.enteredAt === undefined ? {} : { since: walk.enteredAt }),
    };
  }
  return summary;
}

/** An incident's state without the lists that grow with its timeline. */
export type IncidentState = Omit<Incident, 'notes' | 'feedback' | 'followUps' | 'pins' | 'redactable' | 'uninterpreted'>;

/**
 * The incident as a command's answer carries it: where it stands (status, roles, walk, figures…)
 * without the lists that grow with the timeline (notes, runbook feedback, follow-ups, pinned
 * runbook versions, redactable and uninterpreted seqs), so an answer costs the same at event 5,000
 * as at event 5. GET /api/incidents/:id has them all.
 */
export function incidentState(incident: Incident): IncidentState {
  const state: Partial<Incident> = { ...incident };
  delete state.notes;
  delete state.feedback;
  delete state.followUps;
  delete state.pins;
  delete state.redactable;
  delete state.uninterpreted;
  return state as IncidentState;
}

/** A runbook as a list shows it: enough to pick one and fill its inputs. */
export function runbookSummary(runbook: Runbook, file: string | undefined): Record<string, unknown> {
  const summary: Record<string, unknown> = { id: runbook.id, title: runbook.title, start: runbook.start, inputs: runbook.inputs ?? {} };
  if (runbook.summary !== undefined) summary.summary = runbook.summary;
  if (runbook.tags) summary.tags = runbook.tags;
  if (runbook.owners) summary.owners = runbook.owners;
  if (runbook.match) summary.match = runbook.match;
  if (file !== undefined) summary.file = file;
  return summary;
}
