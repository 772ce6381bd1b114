import type { Problem, SourceRange } from './problem.js';
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

/**
 * What `runpath validate` keeps of one checked file: plain data (no AST), so a large catalog need
 * not hold every parsed document at once, and files can be checked on other threads.
 */
export interface FileCheck {
  file: string;
  isTest: boolean;
  /** The file's own problems (YAML, schema, lint), unsorted, in the order checkCatalog gathers them. */
  problems: Problem[];
  /** A runbook that passed its schema: its id and where the id is written, for catalog-wide rules. */
  runbookId?: { id: string; at: SourceRange };
}

const TEST_FILE = /\.test\.ya?ml$/i;

export function isTestFile(file: string): boolean {
  return TEST_FILE.test(file);
}

function loadRunbookEntry({ file, text }: SourceFile): CatalogEntry<Runbook> {
  const entry: CatalogEntry<Runbook> = { file, text, ...loadRunbook(text, file) };
  // Lint only what passed the schema: one mistake gives one problem, not a cascade.
  if (entry.value) entry.problems = [...entry.problems, ...lintRunbook(entry.value, entry.map, file)];
  return entry;
}

/** Loads, schema-checks and lints a set of files: the whole of `runpath validate`, minus I/O. */
export function checkCatalog(files: SourceFile[]): Catalog {
  const runbooks: CatalogEntry<Runbook>[] = [];
  const tests: CatalogEntry<RunbookTestFile>[] = [];
  for (const source of files) {
    if (isTestFile(source.file)) tests.push({ ...source, ...loadTestFile(source.text, source.file) });
    else runbooks.push(loadRunbookEntry(source));
  }
  const valid = runbooks.flatMap((e) => (e.value ? [{ file: e.file, runbook: e.value, map: e.map }] : []));
  const crossFile = lintCatalog(valid);
  for (const p of crossFile) runbooks.find((e) => e.file === p.file)?.problems.push(p);
  const problems = [...runbooks, ...tests].flatMap((e) => e.problems).sort(compareProblems);
  for (const e of [...runbooks, ...tests]) e.problems.sort(compareProblems);
  return { runbooks, tests, problems, files: files.length };
}

/** Checks one file on its own: the per-file part of checkCatalog. */
export function checkFile(source: SourceFile): FileCheck {
  if (isTestFile(source.file)) return { file: source.file, isTest: true, problems: loadTestFile(source.text, source.file).problems };
  const entry = loadRunbookEntry(source);
  const check: FileCheck = { file: source.file, isTest: false, problems: entry.problems };
  if (entry.value) check.runbookId = { id: entry.value.id, at: entry.map.locate(['id']) };
  return check;
}

/**
 * The catalog-wide part of checkCatalog over files checked one by one (in the order they were
 * read): adds the cross-file problems and returns every problem, sorted exactly as checkCatalog's.
 */
export function catalogProblems(checks: readonly FileCheck[]): Problem[] {
  const runbooks = checks.filter((c) => !c.isTest).map((c) => ({ ...c, problems: [...c.problems] }));
  const byFile = new Map<string, FileCheck>();
  for (const c of runbooks) if (!byFile.has(c.file)) byFile.set(c.file, c);
  const valid = runbooks.flatMap((c) => (c.runbookId ? [{ file: c.file, runbook: c.runbookId, map: { locate: fixedAt(c.runbookId.at) } }] : []));
  for (const p of lintCatalog(valid)) byFile.get(p.file)?.problems.push(p);
  return [...runbooks, ...checks.filter((c) => c.isTest)].flatMap((c) => c.problems).sort(compareProblems);
}

/** lintCatalog only asks where a runbook's `id` is: the position was taken when the file was checked. */
function fixedAt(at: SourceRange): () => SourceRange {
  return () => at;
}
