import type { CatalogEntry } from '../runbook/checkCatalog.js';
import type { Problem } from '../runbook/problem.js';
import type { Runbook } from '../runbook/types.js';

/** A file the server left out of its catalog, with every problem it has (at least one of them an error, as a rule). */
export interface RejectedRunbook {
  file: string;
  /** The runbook's id, when the file got far enough to have one. */
  id?: string;
  problems: Problem[];
}

/** The runbooks a server walks, by id (what the core's CommandContext takes), with the file each came from. */
export interface RunbookCatalog {
  readonly runbooks: ReadonlyMap<string, Runbook>;
  /** The file a runbook was loaded from, when known. */
  file(id: string): string | undefined;
  /**
   * The problems of a loaded runbook, sorted by position: warnings only when loadServerRunbooks
   * built the catalog (it leaves runbooks with errors out). Empty when none, or the id is unknown.
   */
  problems(id: string): readonly Problem[];
  /** Files left out, with every problem of each, in the order they were found. */
  readonly rejected: readonly RejectedRunbook[];
}

const NONE: readonly Problem[] = Object.freeze([]);

/**
 * A catalog from loaded entries: entries whose schema check failed are left out (listed in
 * `rejected`), and the first of a duplicated id wins. `rejected` adds files left out before
 * (errors, unreadable files). A map of runbooks has no files or problems.
 */
export function runbookCatalog(source: readonly CatalogEntry<Runbook>[] | ReadonlyMap<string, Runbook>, rejected: readonly RejectedRunbook[] = []): RunbookCatalog {
  if (!Array.isArray(source)) {
    const runbooks = source as ReadonlyMap<string, Runbook>;
    return { runbooks, file: () => undefined, problems: () => NONE, rejected };
  }
  const runbooks = new Map<string, Runbook>();
  const files = new Map<string, string>();
  const problems = new Map<string, readonly Problem[]>();
  const left: RejectedRunbook[] = [...rejected];
  for (const entry of source as readonly CatalogEntry<Runbook>[]) {
    if (!entry.value || runbooks.has(entry.value.id)) {
      left.push({ file: entry.file, ...(entry.value ? { id: entry.value.id } : {}), problems: [...entry.problems] });
      continue;
    }
    runbooks.set(entry.value.id, entry.value);
    files.set(entry.value.id, entry.file);
    problems.set(entry.value.id, entry.problems);
  }
  return { runbooks, file: (id) => files.get(id), problems: (id) => problems.get(id) ?? NONE, rejected: left };
}
