import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { FileCheck, SourceFile } from '../runbook/checkCatalog.js';
import { catalogProblems, checkFile } from '../runbook/checkCatalog.js';
import type { Problem } from '../runbook/problem.js';

/** What each worker gets: every file, and the shared counter that hands out the next chunk. */
export interface WorkerInput {
  files: SourceFile[];
  next: SharedArrayBuffer;
  chunk: number;
}

/** What a worker sends back once the queue is empty: the checks it made, by index into `files`. */
export type WorkerOutput = [index: number, check: FileCheck][];

export interface ParallelOptions {
  /** Extra threads besides this one; default: one per further CPU, only for a large catalog. */
  workers?: number;
  /** The worker entry (compiled JavaScript); default: validateWorker.js beside this module. */
  workerUrl?: URL;
  /** Whether this thread takes chunks too while the workers run (default true). */
  thisThreadToo?: boolean;
}

/**
 * Below this much YAML a worker costs more than it saves: it loads and warms up its own copy of the
 * parser, schema and PromQL grammar, and two busy threads each run well below one thread's speed
 * (they share memory bandwidth and the CPU single-threaded V8 uses for garbage collection). On the
 * 2-CPU bench host, one worker was 6% slower at 240 bench runbooks (3.2 M characters), 6% faster at
 * 360, 13% at 500, 17% at 700 and 28% at 1,000.
 */
const MIN_CHARS_FOR_WORKERS = 4_500_000;
/** Files per grab: small enough that the threads finish together, large enough to rarely contend. */
const CHUNK = 4;

/**
 * Checks every file (see checkFile) and returns all problems, sorted exactly as checkCatalog
 * sorts them. A large catalog is shared between this thread and worker threads: YAML parsing
 * dominates and is single-threaded. The threads take chunks from one shared counter, so a thread
 * that drew large files simply takes fewer.
 */
export async function checkFilesInParallel(files: SourceFile[], options: ParallelOptions = {}): Promise<Problem[]> {
  const workerUrl = options.workerUrl ?? new URL('./validateWorker.js', import.meta.url);
  const count = options.workers ?? workersFor(files, availableParallelism());
  // Run from the TypeScript sources (as in unit tests) there is no compiled worker: check here.
  if (count === 0 || !existsSync(fileURLToPath(workerUrl))) return catalogProblems(files.map(checkFile));

  const input: WorkerInput = { files, next: new SharedArrayBuffer(4), chunk: CHUNK };
  const results = Array.from({ length: count }, () => runWorker(workerUrl, input));
  const checks: (FileCheck | undefined)[] = new Array<FileCheck | undefined>(files.length);
  if (options.thisThreadToo ?? true) for (const [index, check] of takeChunks(input)) checks[index] = check;
  for (const output of await Promise.all(results)) for (const [index, check] of output) checks[index] = check;
  return catalogProblems(checks.map((check, i) => {
    if (!check) throw new Error(`internal error: no thread checked ${files[i]?.file ?? `file #${i}`}`);
    return check;
  }));
}

/** Checks chunks of `input.files` until the shared counter runs past the end. */
export function takeChunks({ files, next, chunk }: WorkerInput): WorkerOutput {
  const counter = new Int32Array(next);
  const out: WorkerOutput = [];
  for (;;) {
    const start = Atomics.add(counter, 0, chunk);
    if (start >= files.length) return out;
    const end = Math.min(start + chunk, files.length);
    for (let i = start; i < end; i++) {
      const source = files[i];
      if (source) out.push([i, checkFile(source)]);
    }
  }
}

/** How many workers to start for these files on `cpus` CPUs: none for a small catalog, else one per further CPU. */
export function workersFor(files: readonly SourceFile[], cpus: number): number {
  let chars = 0;
  for (const f of files) chars += f.text.length;
  return chars < MIN_CHARS_FOR_WORKERS ? 0 : Math.max(0, cpus - 1);
}

function runWorker(url: URL, input: WorkerInput): Promise<WorkerOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(url, { workerData: input });
    let output: WorkerOutput | undefined;
    worker.once('message', (message: WorkerOutput) => { output = message; });
    worker.once('error', reject);
    worker.once('exit', (code) => {
      if (output) resolve(output);
      else reject(new Error(`internal error: a validate worker exited (code ${code}) without its results`));
    });
  });
}
