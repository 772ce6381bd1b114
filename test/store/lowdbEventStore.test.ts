import { mkdtemp, open, readFile, rm } from 'node:fs/promises';
import type { FileHandle } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { TimelineEvent } from '../../src/incidents/timelineEvent.js';
import { LowdbEventStore } from '../../src/store/lowdbEventStore.js';
import type { LowdbEventStoreOptions } from '../../src/store/lowdbEventStore.js';
import { StoreFailedError } from '../../src/store/storeErrors.js';
import { eventStoreContract } from './eventStoreContract.js';
import type { StoreHarness } from './eventStoreContract.js';

const dirs: string[] = [];

async function tempDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-store-'));
  dirs.push(dir);
  return dir;
}

async function removeDirs(): Promise<void> {
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
}

function harness(options: Partial<LowdbEventStoreOptions> = {}): StoreHarness {
  return {
    async open(clock) {
      return LowdbEventStore.open({ dataDir: await tempDir(), ...clock, ...options, onNotice: () => undefined });
    },
    async reopen(store, clock) {
      if (!(store instanceof LowdbEventStore)) throw new TypeError('reopen takes a LowdbEventStore');
      await store.close();
      return LowdbEventStore.open({ dataDir: store.dataDir, ...clock, ...options, onNotice: () => undefined });
    },
    cleanup: removeDirs,
  };
}

eventStoreContract('LowdbEventStore', harness());
// Every read from the files instead of the cache.
eventStoreContract('LowdbEventStore without a read cache', harness({ cacheEvents: 0 }));

const note = (text: string) => ({ type: 'note.added', actor: { kind: 'user' as const, name: 'ana' }, data: { text } });

/** FileHandle.prototype, whose datasync the logs call once per flush. */
async function fileHandlePrototype(): Promise<FileHandle> {
  const handle = await open(import.meta.filename, 'r');
  await handle.close();
  return Object.getPrototypeOf(handle) as FileHandle;
}

/** Makes the datasync calls `hold` picks (by number, from 1) wait for `gate` before really syncing. */
async function holdDatasync(gate: Promise<void>, hold: (call: number) => boolean) {
  const proto = await fileHandlePrototype();
  const real = Object.getOwnPropertyDescriptor(proto, 'datasync')?.value as (this: FileHandle) => Promise<void>;
  let calls = 0;
  return vi.spyOn(proto, 'datasync').mockImplementation(async function (this: FileHandle) {
    if (hold(++calls)) await gate;
    return real.call(this);
  });
}

function deferred(): { promise: Promise<void>; resolve: () => void } {
  let resolve = (): void => undefined;
  const promise = new Promise<void>((r) => {
    resolve = r;
  });
  return { promise, resolve };
}

describe('LowdbEventStore files and flushes', () => {
  const stores: LowdbEventStore[] = [];
  afterEach(async () => {
    vi.restoreAllMocks();
    await Promise.all(stores.splice(0).map((s) => s.close()));
    await removeDirs();
  });

  async function fresh(options: Partial<LowdbEventStoreOptions> = {}): Promise<LowdbEventStore> {
    const store = await LowdbEventStore.open({ dataDir: await tempDir(), onNotice: () => undefined, ...options });
    stores.push(store);
    return store;
  }

  it('writes one JSON line per append, its idempotency record in the same line', async () => {
    const store = await fresh({ now: () => Date.UTC(2025, 0, 2), newId: () => 'id' });
    await store.append({ incidentId: 'inc', drafts: [note('a'), note('b')] });
    const idempotency = { scope: 'inc', key: 'k', fingerprint: 'f', response: { status: 201, body: { ok: true } } };
    await store.append({ incidentId: 'inc', drafts: [note('c')], idempotency });
    const lines = (await readFile(path.join(store.dataDir, 'incidents', 'inc.jsonl'), 'utf8')).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(JSON.parse(lines[0] ?? '')).toEqual({ events: (await store.read('inc')).slice(0, 2) });
    expect(JSON.parse(lines[1] ?? '')).toEqual({ events: (await store.read('inc', 2)), idempotency });
    expect(JSON.parse(await readFile(path.join(store.dataDir, 'incidents', 'index.json'), 'utf8'))).toEqual({ version: 1, incidents: [{ id: 'inc', log: 'inc.jsonl' }] });
  });

  it('names a log file safely whatever the incident id', async () => {
    const store = await fresh();
    await store.append({ incidentId: '../../etc/passwd é', drafts: [note('x')] });
    const files = (await readFile(path.join(store.dataDir, 'incidents', 'index.json'), 'utf8'));
    expect(JSON.parse(files)).toMatchObject({ incidents: [{ id: '../../etc/passwd é', log: '%2E%2E%2F%2E%2E%2Fetc%2Fpasswd%20%C3%A9.jsonl' }] });
    await expect(store.append({ incidentId: 'x'.repeat(201), drafts: [note('x')] })).rejects.toThrow(/too long: 201 bytes as a file name/);
  });

  it('gives appends made in one tick one write and one fsync', async () => {
    const store = await fresh();
    await store.append({ incidentId: 'inc', drafts: [note('first')] });
    const datasync = vi.spyOn(await fileHandlePrototype(), 'datasync');
    const results = await Promise.all(Array.from({ length: 50 }, (_, i) => store.append({ incidentId: 'inc', drafts: [note(`n${i}`)] })));
    expect(datasync).toHaveBeenCalledTimes(1);
    expect(results.map((r) => r[0]?.seq)).toEqual(Array.from({ length: 50 }, (_, i) => i + 2));
  });

  it('acknowledges an append only after its fsync; appends arriving meanwhile share the next one', async () => {
    const store = await fresh();
    await store.append({ incidentId: 'inc', drafts: [note('first')] });
    const gate = deferred();
    const datasync = await holdDatasync(gate.promise, () => true);
    const done: number[] = [];
    const first = store.append({ incidentId: 'inc', drafts: [note('held')] }).then((e) => done.push(e[0]?.seq ?? 0));
    await vi.waitFor(() => {
      expect(datasync).toHaveBeenCalledTimes(1);
    });
    const later = Array.from({ length: 20 }, (_, i) => store.append({ incidentId: 'inc', drafts: [note(`later${i}`)] }).then((e) => done.push(e[0]?.seq ?? 0)));
    await new Promise((resolve) => setTimeout(resolve, 30));
    expect(done).toEqual([]);
    expect((await store.read('inc')).map((e) => e.seq)).toEqual([1]);
    gate.resolve();
    await Promise.all([first, ...later]);
    expect(done).toEqual(Array.from({ length: 21 }, (_, i) => i + 2));
    expect(datasync).toHaveBeenCalledTimes(2);
  });

  it('does not hold up other incidents while one flushes', async () => {
    const store = await fresh();
    await store.append({ incidentId: 'slow', drafts: [note('a')] });
    await store.append({ incidentId: 'fast', drafts: [note('a')] });
    const gate = deferred();
    const datasync = await holdDatasync(gate.promise, (call) => call === 1);
    let slowDone = false;
    const slow = store.append({ incidentId: 'slow', drafts: [note('b')] }).then(() => (slowDone = true));
    await vi.waitFor(() => {
      expect(datasync).toHaveBeenCalledTimes(1);
    });
    const [fast] = await store.append({ incidentId: 'fast', drafts: [note('b')] });
    expect(fast?.seq).toBe(2);
    expect(slowDone).toBe(false);
    gate.resolve();
    await slow;
  });

  it('fails the append whose fsync fails and every later one, and keeps serving reads', async () => {
    const store = await fresh();
    await store.append({ incidentId: 'inc', drafts: [note('kept')] });
    vi.spyOn(await fileHandlePrototype(), 'datasync').mockRejectedValueOnce(Object.assign(new Error('EIO: i/o error, fdatasync'), { code: 'EIO' }));
    const failed = store.append({ incidentId: 'inc', drafts: [note('lost')] });
    await expect(failed).rejects.toBeInstanceOf(StoreFailedError);
    await expect(failed).rejects.toThrow(`writing to ${store.dataDir} failed (EIO: i/o error, fdatasync): no more appends are accepted; fix the disk problem and restart the server`);
    await expect(store.append({ incidentId: 'other', drafts: [note('x')] })).rejects.toBeInstanceOf(StoreFailedError);
    expect((await store.read('inc')).map((e) => (e.data as { text: string }).text)).toEqual(['kept']);
  });

  it('keeps reads right while the read cache evicts and refills incidents', async () => {
    const store = await fresh({ cacheEvents: 10 });
    const expected = new Map<string, TimelineEvent[]>();
    for (let round = 0; round < 6; round++) {
      for (const id of ['a', 'b', 'c']) {
        const events = await store.append({ incidentId: id, drafts: [note(`${id}${round}`)] });
        expected.set(id, [...(expected.get(id) ?? []), ...events]);
        for (const other of ['a', 'b', 'c']) expect(await store.read(other)).toEqual(expected.get(other) ?? []);
      }
    }
    const [events] = await Promise.all([store.read('a', 3), store.append({ incidentId: 'a', drafts: [note('during')] })]);
    expect(events.map((e) => e.seq)).toEqual([4, 5, 6]);
    expect((await store.read('a', 3)).map((e) => e.seq)).toEqual([4, 5, 6, 7]);
  });

  it('finishes appends under way when closed, then releases the lock', async () => {
    const store = await fresh();
    const pending = Promise.all(Array.from({ length: 10 }, (_, i) => store.append({ incidentId: 'inc', drafts: [note(`n${i}`)] })));
    await store.close();
    expect((await pending).length).toBe(10);
    const again = await LowdbEventStore.open({ dataDir: store.dataDir, onNotice: () => undefined });
    stores.push(again);
    expect((await again.read('inc')).length).toBe(10);
  });
});
