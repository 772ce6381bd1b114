import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Problem } from '../runbook/problem.js';
import { fileProblem } from '../runbook/problem.js';
import type { SourceFile } from '../runbook/checkCatalog.js';
import { YAML_LIMITS } from '../runbook/parseYamlSafely.js';

const YAML_FILE = /\.ya?ml$/i;
/** Folders never worth descending into. */
const SKIP_DIRS = new Set(['node_modules', '.git', 'dist', 'coverage']);

function display(abs: string, cwd: string): string {
  const rel = path.relative(cwd, abs);
  const shown = rel === '' || rel.startsWith('..') || path.isAbsolute(rel) ? abs : rel;
  return shown.split(path.sep).join('/');
}

function walk(dir: string, out: string[]): void {
  const entries = readdirSync(dir, { withFileTypes: true });
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  for (const e of entries) {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) {
      if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) walk(full, out);
    } else if (e.isFile() && YAML_FILE.test(e.name)) {
      out.push(full);
    }
  }
}

/**
 * Expands paths (files or folders, recursively; default `runbooks/`) to YAML files and reads them.
 * A path that does not exist or holds no YAML is a problem, never a silent pass. Files over the
 * size limit are not read into memory at all.
 *
 * The reads are synchronous on purpose: a catalog is many small files, and awaiting each one costs
 * a trip through the thread pool (1,000 runbooks: ~30 ms read synchronously, ~130 ms even with all
 * reads in flight at once, ~350 ms one after another).
 */
// eslint-disable-next-line @typescript-eslint/require-await -- the shared contract is a Promise; reading is synchronous inside (see above)
export async function readSourceFiles(paths: string[], cwd: string): Promise<{ files: SourceFile[]; problems: Problem[] }> {
  const problems: Problem[] = [];
  const found: string[] = [];
  for (const p of paths.length > 0 ? paths : ['runbooks']) {
    const abs = path.resolve(cwd, p);
    let isDir: boolean;
    try {
      isDir = statSync(abs).isDirectory();
    } catch {
      problems.push(fileProblem(p, 'no-runbooks', `'${p}' does not exist; pass a runbook file or a folder of runbooks (default: runbooks/)`));
      continue;
    }
    if (!isDir) {
      found.push(abs);
      continue;
    }
    const before = found.length;
    walk(abs, found);
    if (found.length === before) problems.push(fileProblem(p, 'no-runbooks', `'${p}' holds no .yaml or .yml files; point at the folder that holds your runbooks`));
  }
  const files: SourceFile[] = [];
  const seen = new Set<string>();
  for (const abs of found) {
    if (seen.has(abs)) continue;
    seen.add(abs);
    const file = display(abs, cwd);
    try {
      const { size } = statSync(abs);
      if (size > YAML_LIMITS.maxChars * 4) {
        problems.push(fileProblem(file, 'file-too-large', `file is ${Math.ceil(size / 1024)} KiB; runbooks are limited to ${YAML_LIMITS.maxChars / 1024} KiB. Split it into several runbooks.`));
        continue;
      }
      files.push({ file, text: readFileSync(abs, 'utf8') });
    } catch (err) {
      problems.push(fileProblem(file, 'read-error', `cannot read the file: ${err instanceof Error ? err.message : String(err)}`));
    }
  }
  return { files, problems };
}
