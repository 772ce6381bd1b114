import type { Runbook } from '../../runbook/types.js';
import type { Actor } from '../timelineEvent.js';

/** What a command needs besides the incident and its payload; the server passes it in. */
export interface CommandContext {
  /** Who sends the command: the actor of every event it produces. */
  actor: Actor;
  /** The runbooks the server has loaded, by id (walk commands and opening with a runbook need them). */
  runbooks?: ReadonlyMap<string, Runbook>;
  /** Server time now (ISO 8601): a backdated note may not claim a time later than this. */
  now?: string;
}
