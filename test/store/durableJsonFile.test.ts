import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { Low } from 'lowdb';
import { afterEach, describe, expect, it } from 'vitest';
import { DurableJsonFile } from '../../src/store/durableJsonFile.js';

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function file(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-durable-'));
  dirs.push(dir);
  return path.join(dir, 'doc.json');
}

describe('DurableJsonFile', () => {
  it('is a lowdb adapter: missing file reads as the default, writes read back', async () => {
    const target = await file();
    const db = new Low<{ items: number[] }>(new DurableJsonFile(target), { items: [] });
    await db.read();
    expect(db.data).toEqual({ items: [] });
    db.data.items.push(1, 2);
    await db.write();
    const again = new Low<{ items: number[] }>(new DurableJsonFile(target), { items: [] });
    await again.read();
    expect(again.data).toEqual({ items: [1, 2] });
  });

  it('leaves the last whole document and no temp file after writes in a row', async () => {
    const target = await file();
    const adapter = new DurableJsonFile<{ n: number }>(target);
    await Promise.all(Array.from({ length: 10 }, (_, n) => adapter.write({ n })));
    expect(JSON.parse(await readFile(target, 'utf8'))).toEqual({ n: 9 });
    expect(await readdir(path.dirname(target))).toEqual(['doc.json']);
  });

  it('names the file when it is not JSON', async () => {
    const target = await file();
    await writeFile(target, '{"a":');
    await expect(new DurableJsonFile(target).read()).rejects.toThrow(`${target} is not valid JSON`);
  });
});
