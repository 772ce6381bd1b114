import type { IncidentFeedback } from './incident.js';

/**
 * One runbook feedback entry as the runbook's owners read it across incidents (GET
 * /api/runbooks/:id/feedback): the incident's feedback with where it came from, never its text
 * once redacted.
 */
export type RunbookFeedbackItem = Omit<IncidentFeedback, 'runbookId' | 'redacted'> & {
  incidentId: string;
  incidentTitle: string;
  redacted?: true;
};
