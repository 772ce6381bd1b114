import type { Runbook } from '../../runbook/types.js';
import { CommandError } from '../commandError.js';
import type { CommandContext } from './commandContext.js';
import { requireText } from './commandInput.js';
import { COMMAND_LIMITS } from './commandLimits.js';

const LISTED = 10;

/** The runbook a command names, among those the server loaded; `unknown_runbook` names a few it has. */
export function requireRunbook(id: unknown, ctx: CommandContext): Runbook {
  const named = requireText(id, 'runbook', { max: COMMAND_LIMITS.node, singleLine: true });
  const runbook = ctx.runbooks?.get(named);
  if (runbook) return runbook;
  const known = [...(ctx.runbooks?.keys() ?? [])].sort();
  const some = known.slice(0, LISTED).map((k) => `'${k}'`).join(', ');
  const hint = known.length === 0 ? 'this server has no runbooks loaded' : `use one of ${some}${known.length > LISTED ? ` (and ${known.length - LISTED} more)` : ''}`;
  throw new CommandError('unknown_runbook', `there is no runbook '${named}'; ${hint}`, { allowed: known });
}
