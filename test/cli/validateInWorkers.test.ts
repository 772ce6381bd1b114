import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';
import { checkFilesInParallel, takeChunks, workersFor } from '../../src/cli/validateInWorkers.js';
import { checkCatalog, type SourceFile } from '../../src/runbook/checkCatalog.js';

const DIR = fileURLToPath(new URL('../fixtures/perf/', import.meta.url));
const FILES: SourceFile[] = readdirSync(DIR).sort().map((name) => ({ file: name, text: readFileSync(DIR + name, 'utf8') }));
// Many files, so every thread gets chunks: the fixtures under several names.
const MANY: SourceFile[] = Array.from({ length: 12 }, (_, i) => FILES.map((f) => ({ file: `${i}/${f.file}`, text: f.text }))).flat();
const WORKER = new URL('../../dist/src/cli/validateWorker.js', import.meta.url);
const BUILT = existsSync(fileURLToPath(WORKER));

describe('checkFilesInParallel', () => {
  it('checks a small catalog in this thread, with exactly checkCatalog problems', async () => {
    const expected = checkCatalog(FILES).problems;
    expect(expected.length).toBeGreaterThan(10);
    expect(await checkFilesInParallel(FILES)).toEqual(expected);
  });

  it('checks in this thread when there is no compiled worker beside it (run from the sources)', async () => {
    const missing = pathToFileURL(path.join(tmpdir(), 'no-such-validate-worker.js'));
    expect(await checkFilesInParallel(MANY, { workers: 2, workerUrl: missing })).toEqual(checkCatalog(MANY).problems);
  });

  it('starts workers only for a large catalog, one per further CPU', () => {
    const runbooks = (count: number) => Array.from({ length: count }, (_, i) => ({ file: `${i}.yaml`, text: 'x'.repeat(13_000) }));
    expect(workersFor(runbooks(100), 2)).toBe(0);
    expect(workersFor(runbooks(1000), 2)).toBe(1);
    expect(workersFor(runbooks(1000), 4)).toBe(3);
    expect(workersFor(runbooks(1000), 1)).toBe(0);
  });

  it('takeChunks checks every file once, by index, while the shared counter lasts', () => {
    const next = new SharedArrayBuffer(4);
    const first = takeChunks({ files: FILES, next, chunk: 2 });
    expect(first.map(([i]) => i)).toEqual(FILES.map((_, i) => i));
    expect(first.map(([, c]) => c.file)).toEqual(FILES.map((f) => f.file));
    // The counter is spent: another thread taking chunks now gets nothing.
    expect(takeChunks({ files: FILES, next, chunk: 2 })).toEqual([]);
  });
});

describe.skipIf(!BUILT)(`worker threads${BUILT ? '' : ' (skipped: dist/src/cli/validateWorker.js is missing; run `npm run build` first)'}`, () => {
  it('workers alone give exactly checkCatalog problems', async () => {
    expect(await checkFilesInParallel(MANY, { workers: 2, workerUrl: WORKER, thisThreadToo: false })).toEqual(checkCatalog(MANY).problems);
  });

  it('workers and this thread together give exactly checkCatalog problems', async () => {
    expect(await checkFilesInParallel(MANY, { workers: 1, workerUrl: WORKER })).toEqual(checkCatalog(MANY).problems);
  });

  it('fails loudly when a worker crashes or ends without its results', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'runpath-workers-'));
    await writeFile(path.join(dir, 'throws.mjs'), "throw new Error('boom in worker');\n");
    await writeFile(path.join(dir, 'silent.mjs'), '// posts nothing\n');
    const run = (name: string) => checkFilesInParallel(FILES, { workers: 1, workerUrl: pathToFileURL(path.join(dir, name)), thisThreadToo: false });
    await expect(run('throws.mjs')).rejects.toThrow('boom in worker');
    await expect(run('silent.mjs')).rejects.toThrow(/a validate worker exited \(code 0\) without its results/);
  });
});
