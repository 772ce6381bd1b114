import type { Incident } from '../incidents/incident.js';
import type { Runbook } from '../runbook/types.js';

/** An incident as a list shows it: what it is and where it stands, without its notes. */
export function incidentSummary(incident: Incident): Record<string, unknown> {
  const { id, title, severity, status, openedAt, openedBy, roles, lastSeq, figures, runbook, walk } = incident;
  const summary: Record<string, unknown> = { id, title, severity, status, openedAt, openedBy, roles, lastSeq, figures };
  if (runbook) summary.runbook = runbook;
  if (walk) {
    summary.walk = { runbookId: walk.runbookId, runbookTitle: walk.runbookTitle, current: walk.state.current, ...(walk.state.ended ? { ended: walk.state.ended } : {}) };
  }
  return summary;
}

/** An incident's state without the lists that grow with its timeline. */
export type IncidentState = Omit<Incident, 'notes' | 'redactable' | 'uninterpreted'>;

/**
 * The incident as a command's answer carries it: where it stands (status, roles, walk, figures…)
 * without the lists that grow with the timeline (notes, redactable and uninterpreted seqs), so an
 * answer costs the same at event 5,000 as at event 5. GET /api/incidents/:id has them all.
 */
export function incidentState(incident: Incident): IncidentState {
  const state: Partial<Incident> = { ...incident };
  delete state.notes;
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
