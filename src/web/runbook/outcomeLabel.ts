import type { Outcome } from '../../runbook/types.js';

const LABELS: Record<Outcome, string> = {
  resolved: 'resolved',
  mitigated: 'mitigated',
  escalate: 'escalate',
  false_alarm: 'false alarm',
  monitoring: 'monitoring',
};

/** An end node's outcome in words. */
export function outcomeLabel(outcome: Outcome): string {
  return LABELS[outcome];
}
