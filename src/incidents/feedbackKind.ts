/** What runbook feedback says is wrong with a node: it sent the walk the wrong way, it lacks a step, or something else. */
export const FEEDBACK_KINDS = ['wrong_branch', 'missing_step', 'other'] as const;

export type FeedbackKind = (typeof FEEDBACK_KINDS)[number];

export function isFeedbackKind(value: unknown): value is FeedbackKind {
  return typeof value === 'string' && (FEEDBACK_KINDS as readonly string[]).includes(value);
}
