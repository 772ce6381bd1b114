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
