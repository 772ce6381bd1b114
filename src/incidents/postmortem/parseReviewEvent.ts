// The #6 entries (runbook versions, runbook feedback, follow-ups) as the postmortem reads them:
// by type and data alone, checked here, so an older timeline without them, or a core that does
// not know them yet, still yields a postmortem.
import { FOLLOW_UP_KINDS, type FeedbackKind, type FollowUpKind } from './postmortem.js';

export type ReviewEvent =
  | { type: 'runbook.pinned'; data: { runbookId: string; hash: string; text: string; file?: string } }
  | { type: 'runbook.feedback'; data: { runbookId: string; runbookHash?: string; node: string; kind: FeedbackKind; text: string } }
  | { type: 'followup.added'; data: { kind: FollowUpKind; text: string; owner?: string } };

const FEEDBACK_KINDS: readonly string[] = ['wrong_branch', 'missing_step', 'other'];

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isNonEmpty = (value: unknown): value is string => typeof value === 'string' && value.length > 0;
const optionalText = (value: unknown): value is string | undefined => value === undefined || typeof value === 'string';

/** A review entry checked against its shape, or undefined (another type, or malformed data). */
export function parseReviewEvent(type: string, data: unknown): ReviewEvent | undefined {
  if (!isRecord(data)) return undefined;
  switch (type) {
    case 'runbook.pinned': {
      const { runbookId, hash, text, file } = data;
      if (!isNonEmpty(runbookId) || !isNonEmpty(hash) || typeof text !== 'string' || !optionalText(file)) return undefined;
      return { type, data: { runbookId, hash, text, ...(file === undefined ? {} : { file }) } };
    }
    case 'runbook.feedback': {
      const { runbookId, runbookHash, node, kind, text } = data;
      if (!isNonEmpty(runbookId) || !isNonEmpty(node) || typeof text !== 'string' || !optionalText(runbookHash)) return undefined;
      if (typeof kind !== 'string' || !FEEDBACK_KINDS.includes(kind)) return undefined;
      return { type, data: { runbookId, node, kind: kind as FeedbackKind, text, ...(runbookHash === undefined ? {} : { runbookHash }) } };
    }
    case 'followup.added': {
      const { kind, text, owner } = data;
      if (typeof kind !== 'string' || !(FOLLOW_UP_KINDS as readonly string[]).includes(kind)) return undefined;
      if (typeof text !== 'string' || !optionalText(owner)) return undefined;
      return { type, data: { kind: kind as FollowUpKind, text, ...(owner === undefined || owner === '' ? {} : { owner }) } };
    }
    default:
      return undefined;
  }
}
