import { parseDuration } from '../../engine/parseDuration.js';
import { WalkError } from '../../engine/walkError.js';

/** How long after an incident last saw a fingerprint a notification naming it still groups there. */
export const DEFAULT_ALERT_WINDOW_MS = 30 * 60_000;

/** The grouping window from RUNPATH_ALERT_GROUP_WINDOW (a duration such as 30m or 1h), else the default. */
export function alertWindowFromEnv(env: Readonly<Record<string, string | undefined>>): number {
  const text = env.RUNPATH_ALERT_GROUP_WINDOW;
  if (text === undefined || text.trim() === '') return DEFAULT_ALERT_WINDOW_MS;
  try {
    return parseDuration(text.trim()) * 1000;
  } catch (error) {
    if (!(error instanceof WalkError)) throw error;
    throw new Error(`RUNPATH_ALERT_GROUP_WINDOW: ${error.message}`);
  }
}
