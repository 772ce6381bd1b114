import type { AlertMatch, Runbook } from '../../runbook/types.js';

/** What matching reads of a runbook: a catalog's summaries match as the runbooks themselves do. */
export type Matchable = Pick<Runbook, 'id' | 'match'>;

export interface RunbookMatch<R extends Matchable = Runbook> {
  runbook: R;
  /** The `match` entry that fits. */
  entry: AlertMatch;
}

/** docs/runbook-format.md: an entry fits when every label it lists equals the alert's (an entry lists at least one). */
function fits(entry: AlertMatch, labels: Readonly<Record<string, string>>): boolean {
  const wanted = Object.entries(entry.labels);
  return wanted.length > 0 && wanted.every(([name, value]) => Object.hasOwn(labels, name) && labels[name] === value);
}

/**
 * The runbook whose `match` fits these labels best: the fitting entry with the most labels wins
 * (the most specific), ties go to the runbook id first in order. Undefined when none fits.
 */
export function matchRunbook<R extends Matchable>(runbooks: Iterable<R>, labels: Readonly<Record<string, string>>): RunbookMatch<R> | undefined {
  let best: RunbookMatch<R> | undefined;
  for (const runbook of runbooks) {
    for (const entry of runbook.match ?? []) {
      if (!fits(entry, labels)) continue;
      const size = Object.keys(entry.labels).length;
      const bestSize = best === undefined ? -1 : Object.keys(best.entry.labels).length;
      if (size > bestSize || (size === bestSize && best !== undefined && runbook.id < best.runbook.id)) best = { runbook, entry };
    }
  }
  return best;
}
