import { createHash } from 'node:crypto';
import type { RunbookVersion } from '../incidents/runbookVersion.js';
import type { CatalogEntry } from '../runbook/checkCatalog.js';
import type { Problem } from '../runbook/problem.js';
import type { Runbook } from '../runbook/types.js';
import { canonicalJson } from './payloadFingerprint.js';

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
  /**
   * The version of a loaded runbook a walk pins: the file's text and its sha256 (hex), with the
   * file. A runbook given as an object (a map, in tests) has no file: its text is its canonical
   * JSON (keys sorted at every level), which loadRunbook reads back like YAML.
   */
  version(id: string): RunbookVersion | undefined;
}

/** sha256 of a runbook's text, in lowercase hex: the hash walks pin. */
export function runbookHash(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Versions computed once per id, on first use (hashing every runbook at start would be wasted on most). */
function versions(text: (id: string) => string | undefined, file: (id: string) => string | undefined): (id: string) => RunbookVersion | undefined {
  const known = new Map<string, RunbookVersion>();
  return (id) => {
    const cached = known.get(id);
    if (cached) return cached;
    const body = text(id);
    if (body === undefined) return undefined;
    const where = file(id);
    const version: RunbookVersion = { hash: runbookHash(body), text: body, ...(where === undefined ? {} : { file: where }) };
    known.set(id, version);
    return version;
  };
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
    const text = (id: string): string | undefined => {
      const runbook = runbooks.get(id);
      return runbook && canonicalJson(runbook);
    };
    return { runbooks, file: () => undefined, problems: () => NONE, rejected, version: versions(text, () => undefined) };
  }
  const runbooks = new Map<string, Runbook>();
  const files = new Map<string, string>();
  const problems = new Map<string, readonly Problem[]>();
  const texts = new Map<string, string>();
  const left: RejectedRunbook[] = [...rejected];
  for (const entry of source as readonly CatalogEntry<Runbook>[]) {
    if (!entry.value || runbooks.has(entry.value.id)) {
      left.push({ file: entry.file, ...(entry.value ? { id: entry.value.id } : {}), problems: [...entry.problems] });
      continue;
    }
    runbooks.set(entry.value.id, entry.value);
    files.set(entry.value.id, entry.file);
    texts.set(entry.value.id, entry.text);
    problems.set(entry.value.id, entry.problems);
  }
  const file = (id: string): string | undefined => files.get(id);
  return { runbooks, file, problems: (id) => problems.get(id) ?? NONE, rejected: left, version: versions((id) => texts.get(id), file) };
}
