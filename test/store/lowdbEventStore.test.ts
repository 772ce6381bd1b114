import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { LowdbEventStore } from '../../src/store/lowdbEventStore.js';
import { eventStoreContract } from './eventStoreContract.js';

const dirs: string[] = [];

eventStoreContract('LowdbEventStore', {
  async open(clock) {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'runpath-store-'));
    dirs.push(dataDir);
    return LowdbEventStore.open({ dataDir, ...clock, onNotice: () => undefined });
  },
  async reopen(store, clock) {
    if (!(store instanceof LowdbEventStore)) throw new TypeError('reopen takes a LowdbEventStore');
    await store.close();
    return LowdbEventStore.open({ dataDir: store.dataDir, ...clock, onNotice: () => undefined });
  },
  async cleanup() {
    await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
  },
});
