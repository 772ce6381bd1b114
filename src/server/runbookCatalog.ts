import type { CatalogEntry } from '../runbook/checkCatalog.js';
import type { Runbook } from '../runbook/types.js';

/** The runbooks a server walks, by id (what the core's CommandContext takes), with the file each came from. */
export interface RunbookCatalog {
  readonly runbooks: ReadonlyMap<string, Runbook>;
  /** The file a runbook was loaded from, when known. */
  file(id: string): string | undefined;
}

/** A catalog from loaded entries: entries whose schema check failed are left out, and the first of a duplicated id wins. */
export function runbookCatalog(source: readonly CatalogEntry<Runbook>[] | ReadonlyMap<string, Runbook>): RunbookCatalog {
  if (!Array.isArray(source)) {
    const runbooks = source as ReadonlyMap<string, Runbook>;
    return { runbooks, file: () => undefined };
  }
  const runbooks = new Map<string, Runbook>();
  const files = new Map<string, string>();
  for (const entry of source as readonly CatalogEntry<Runbook>[]) {
    if (!entry.value || runbooks.has(entry.value.id)) continue;
    runbooks.set(entry.value.id, entry.value);
    files.set(entry.value.id, entry.file);
  }
  return { runbooks, file: (id) => files.get(id) };
}
