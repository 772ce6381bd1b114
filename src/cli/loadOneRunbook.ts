import { checkCatalog } from '../runbook/checkCatalog.js';
import type { Problem } from '../runbook/problem.js';
import type { Runbook } from '../runbook/types.js';
import { readSourceFiles } from './readSourceFiles.js';
import { terminalSafe } from './format/terminalSafe.js';

/** A runbook ready to use, or why not: its errors (`problems`) and/or a one-line `error`. */
export type OneRunbook = { runbook: Runbook; file: string } | { error?: string; problems: Problem[] };

/** Runbook ids never hold `.` or `/`, so anything that does is a path. */
function isPath(target: string): boolean {
  return /[./\\]/.test(target);
}

/**
 * Loads the one runbook a command works on, by file path or by id under `runbooksDir`, with the
 * whole of `runpath validate` applied: a runbook with errors is refused (warnings are not).
 * `purpose` completes "fix it before …" and "a test file cannot be …" (e.g. 'graphed', 'walked').
 */
export async function loadOneRunbook(target: string, runbooksDir: string, cwd: string, purpose: string): Promise<OneRunbook> {
  const byPath = isPath(target);
  const read = await readSourceFiles([byPath ? target : runbooksDir], cwd);
  // Looking up an id, an unreadable neighbour does not matter unless nothing could be read.
  if (read.problems.length > 0 && (byPath || read.files.length === 0)) return { problems: read.problems };
  const catalog = checkCatalog(read.files);
  const candidates = byPath ? catalog.runbooks : catalog.runbooks.filter((e) => e.value?.id === target);
  const [entry, ...more] = candidates;
  if (entry === undefined) {
    if (byPath) return { error: `'${target}' holds no runbook (a test file cannot be ${purpose}); pass the runbook itself`, problems: [] };
    const ids = [...new Set(catalog.runbooks.flatMap((e) => (e.value ? [e.value.id] : [])))].sort();
    const unreadable = catalog.runbooks.filter((e) => !e.value).length;
    const known = ids.length === 0 ? 'It holds no valid runbook.' : `Known ids: ${ids.join(', ')}.`;
    const broken = unreadable === 0 ? '' : ` ${unreadable} file${unreadable === 1 ? '' : 's'} could not be loaded; run 'runpath validate ${runbooksDir}' to see why.`;
    return { error: `no runbook with id '${target}' in ${runbooksDir}. ${known}${broken}`, problems: [] };
  }
  if (more.length > 0) {
    const files = candidates.map((e) => e.file).join(', ');
    return {
      error: byPath
        ? `'${target}' holds ${candidates.length} runbooks; pass one runbook file, or an id with --runbooks ${target}`
        : `runbook id '${target}' is defined in ${candidates.length} files (${files}); pass the file path instead`,
      problems: [],
    };
  }
  const errors = entry.problems.filter((p) => p.severity === 'error');
  if (errors.length > 0 || entry.value === undefined) {
    const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
    return { error: `${entry.file} has ${count}; fix it before it can be ${purpose} (details: runpath validate ${entry.file})`, problems: errors };
  }
  return { runbook: entry.value, file: entry.file };
}

/** `file:line:col: severity: message [rule]`, the one-line form commands print problems in. */
export function problemLine(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.severity}: ${terminalSafe(p.message)} [${p.rule}]\n`;
}
