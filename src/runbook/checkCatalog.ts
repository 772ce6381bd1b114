import type { Problem } from './problem.js';
import { compareProblems } from './problem.js';
import type { SourceMap } from './sourceMap.js';
import type { Runbook } from './types.js';
import type { RunbookTestFile } from './testFileTypes.js';
import { loadRunbook } from './loadRunbook.js';
import { loadTestFile } from './loadTestFile.js';
import { lintRunbook } from './lint/lintRunbook.js';
import { lintCatalog } from './lint/lintCatalog.js';

export interface SourceFile {
  file: string;
  text: string;
}

export interface CatalogEntry<T> {
  file: string;
  text: string;
  /** Set when the file parsed and passed its schema (lint problems do not unset it). */
  value?: T;
  map: SourceMap;
  problems: Problem[];
}

export interface Catalog {
  runbooks: CatalogEntry<Runbook>[];
  tests: CatalogEntry<RunbookTestFile>[];
  /** Every problem of every file, sorted by file and position. */
  problems: Problem[];
  files: number;
}

const TEST_FILE = /\.test\.ya?ml$/i;

export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file);
}

/** Loads, schema-checks and lints a set of files: the whole of `runpath validate`, minus I/O. */
export function checkCatalog(files: SourceFile[]): Catalog {
  const runbooks: CatalogEntry<Runbook>[] = [];
  const tests: CatalogEntry<RunbookTestFile>[] = [];
  for (const { file, text } of files) {
    if (isTestFile(file)) {
      tests.push({ file, text, ...loadTestFile(text, file) });
      continue;
    }
    const loaded = loadRunbook(text, file);
    const entry: CatalogEntry<Runbook> = { file, text, ...loaded };
    // Lint only what passed the schema: one mistake gives one problem, not a cascade.
    if (entry.value) entry.problems = [...entry.problems, ...lintRunbook(entry.value, entry.map, file)];
    runbooks.push(entry);
  }
  const valid = runbooks.flatMap((e) => (e.value ? [{ file: e.file, runbook: e.value, map: e.map }] : []));
  const crossFile = lintCatalog(valid);
  for (const p of crossFile) runbooks.find((e) => e.file === p.file)?.problems.push(p);
  const problems = [...runbooks, ...tests].flatMap((e) => e.problems).sort(compareProblems);
  for (const e of [...runbooks, ...tests]) e.problems.sort(compareProblems);
  return { runbooks, tests, problems, files: files.length };
}
