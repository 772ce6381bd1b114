/** What a follow-up action item is for: to detect the problem sooner, to prevent it, or to correct what it left behind. */
export const FOLLOW_UP_KINDS = ['detect', 'prevent', 'correct'] as const;

export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export function isFollowUpKind(value: unknown): value is FollowUpKind {
  return typeof value === 'string' && (FOLLOW_UP_KINDS as readonly string[]).includes(value);
}
