import { compareProblems, type Problem } from '../problem.js';
import type { SourceMap } from '../sourceMap.js';
import type { Runbook } from '../types.js';
import { RULES } from './ruleCatalog.js';

/** What the catalog rules read of a runbook: its id, and where that is written. */
export interface CatalogLintEntry {
  file: string;
  runbook: Pick<Runbook, 'id'>;
  map: Pick<SourceMap, 'locate'>;
}

/**
 * Rules across runbooks: `duplicate-id`, reported on every runbook after the first with that id
 * (by file name, so the result does not depend on the order files were read in).
 */
export function lintCatalog(entries: readonly CatalogLintEntry[]): Problem[] {
  const firstById = new Map<string, CatalogLintEntry>();
  const problems: Problem[] = [];
  const ordered = [...entries].sort((a, b) => (a.file < b.file ? -1 : a.file > b.file ? 1 : 0));
  for (const entry of ordered) {
    const id = entry.runbook.id;
    const first = firstById.get(id);
    if (first === undefined) {
      firstById.set(id, entry);
      continue;
    }
    const where = first.map.locate(['id']);
    problems.push({
      file: entry.file,
      ...entry.map.locate(['id']),
      severity: RULES['duplicate-id'].severity,
      rule: 'duplicate-id',
      message: `runbook id '${id}' is already used by ${first.file}:${where.line}; ids must be unique across the catalog, so rename one of them`,
    });
  }
  return problems.sort(compareProblems);
}
