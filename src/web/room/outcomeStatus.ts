import type { IncidentStatus } from '../api/apiTypes.js';
import type { Outcome } from '../../runbook/types.js';

export const OUTCOME_TEXT: Record<Outcome, string> = {
  resolved: 'Resolved',
  mitigated: 'Mitigated',
  escalate: 'Escalate',
  false_alarm: 'False alarm',
  monitoring: 'Monitoring',
};

/**
 * The status a walk's outcome suggests for the incident: what "change status" should offer at the
 * end. An escalation hands the incident on; it stays open where it is.
 */
export function suggestedStatus(outcome: Outcome): IncidentStatus | undefined {
  switch (outcome) {
    case 'resolved':
    case 'false_alarm':
      return 'resolved';
    case 'mitigated':
    case 'monitoring':
      return 'mitigated';
    case 'escalate':
      return undefined;
  }
}
