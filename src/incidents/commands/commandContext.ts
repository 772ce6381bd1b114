import type { Runbook } from '../../runbook/types.js';
import type { RunbookVersion } from '../runbookVersion.js';
import type { Actor } from '../timelineEvent.js';

/** What a command needs besides the incident and its payload; the server passes it in. */
export interface CommandContext {
  /** Who sends the command: the actor of every event it produces. */
  actor: Actor;
  /** The runbooks the server has loaded, by id (walk commands and opening with a runbook need them). */
  runbooks?: ReadonlyMap<string, Runbook>;
  /**
   * The version (hash and text) of each runbook in `runbooks`: a walk started with it records
   * runbook.pinned and walk.started's runbookHash. Without it walks are not pinned.
   */
  runbookVersion?: (id: string) => RunbookVersion | undefined;
  /**
   * Runbooks by version hash: the pinned versions this incident's walk may follow, parsed by the
   * server from their runbook.pinned text. A pinned walk follows only its own version.
   */
  pinnedRunbooks?: ReadonlyMap<string, Runbook>;
  /** Server time now (ISO 8601): a backdated note may not claim a time later than this. */
  now?: string;
}
