import { spawn } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { DataDirLock, LOCK_FILE } from '../../src/store/dataDirLock.js';
import { LowdbEventStore } from '../../src/store/lowdbEventStore.js';
import { DataDirLockedError } from '../../src/store/storeErrors.js';
import { startStoreChild } from './storeChild.js';

const dirs: string[] = [];
const cleanups: (() => Promise<unknown>)[] = [];

afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await Promise.all(dirs.splice(0).map((dir) => rm(dir, { recursive: true, force: true })));
});

async function dataDir(): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-lock-'));
  dirs.push(dir);
  return dir;
}

/** The pid of a process that has exited (so no process has it, barring reuse). */
async function deadPid(): Promise<number> {
  const child = spawn(process.execPath, ['-e', '']);
  await new Promise((resolve) => child.on('exit', resolve));
  if (child.pid === undefined) throw new Error('no pid');
  return child.pid;
}

const options = { now: () => Date.UTC(2025, 0, 1), onNotice: () => undefined };

describe('the data dir lock', () => {
  it('refuses a second process on a data dir a running store holds, naming the holder', async () => {
    const dir = await dataDir();
    const store = await LowdbEventStore.open({ dataDir: dir, onNotice: () => undefined });
    cleanups.push(() => store.close());
    const second = startStoreChild(['try', dir]);
    const line = await second.waitFor('refused ');
    expect((await second.exited).code).toBe(1);
    expect(line).toMatch(/^refused data_dir_locked /);
    const message = JSON.parse(line.slice('refused data_dir_locked '.length)) as string;
    expect(message).toContain(`in use by process ${process.pid} on ${os.hostname()}`);
    expect(message).toContain(path.join(dir, LOCK_FILE));
  });

  it('refuses to open while another process holds the dir, and opens once it has stopped', async () => {
    const dir = await dataDir();
    const holder = startStoreChild(['hold', dir]);
    cleanups.push(() => {
      holder.process.kill('SIGKILL');
      return holder.exited;
    });
    await holder.waitFor('open ');
    const refused = LowdbEventStore.open({ dataDir: dir, onNotice: () => undefined });
    await expect(refused).rejects.toBeInstanceOf(DataDirLockedError);
    await expect(refused).rejects.toThrow(`in use by process ${holder.pid}`);
    holder.process.stdin?.end();
    expect((await holder.exited).code).toBe(0);
    const store = await LowdbEventStore.open({ dataDir: dir, onNotice: () => undefined });
    await store.close();
  });

  it('refuses a second store on the same dir in this process', async () => {
    const dir = await dataDir();
    const store = await LowdbEventStore.open({ dataDir: dir, onNotice: () => undefined });
    cleanups.push(() => store.close());
    await expect(LowdbEventStore.open({ dataDir: dir, onNotice: () => undefined })).rejects.toThrow('in use by this process (another store is open on it)');
  });

  it('takes over a lock left by a process that no longer runs, and says so', async () => {
    const dir = await dataDir();
    const pid = await deadPid();
    await writeFile(path.join(dir, LOCK_FILE), `${JSON.stringify({ pid, host: os.hostname(), since: '2025-01-01T00:00:00.000Z' })}\n`);
    const notices: string[] = [];
    const store = await LowdbEventStore.open({ dataDir: dir, onNotice: (m) => notices.push(m) });
    cleanups.push(() => store.close());
    expect(notices).toEqual([expect.stringContaining(`took over the lock on ${dir} from process ${pid}, which is no longer running`)]);
    expect(JSON.parse(await readFile(path.join(dir, LOCK_FILE), 'utf8'))).toMatchObject({ pid: process.pid, host: os.hostname() });
  });

  it('takes over the lock of a store process killed with -9', async () => {
    const dir = await dataDir();
    const holder = startStoreChild(['hold', dir]);
    await holder.waitFor('open ');
    holder.process.kill('SIGKILL');
    await holder.exited;
    const notices: string[] = [];
    const store = await LowdbEventStore.open({ dataDir: dir, onNotice: (m) => notices.push(m) });
    await store.close();
    expect(notices.join('\n')).toContain(`from process ${holder.pid}, which is no longer running`);
  });

  it('does not take over a lock from another host, whose pid it cannot check', async () => {
    const dir = await dataDir();
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: await deadPid(), host: 'elsewhere.example', since: '2025-01-01T00:00:00.000Z' }));
    await expect(DataDirLock.acquire(dir, options)).rejects.toThrow(/in use by process \d+ on elsewhere\.example since 2025-01-01T00:00:00\.000Z/);
  });

  it('refuses a lock file it cannot read, saying how to clear it', async () => {
    const dir = await dataDir();
    await writeFile(path.join(dir, LOCK_FILE), 'garbage');
    await expect(DataDirLock.acquire(dir, options)).rejects.toThrow(/not runpath's \(content "garbage"\)\. If no runpath server uses this dir, delete the file/);
  });

  it('removes its lock file on release, but not one it no longer owns', async () => {
    const dir = await dataDir();
    const file = path.join(dir, LOCK_FILE);
    const lock = await DataDirLock.acquire(dir, options);
    expect(JSON.parse(await readFile(file, 'utf8'))).toEqual({ pid: process.pid, host: os.hostname(), since: '2025-01-01T00:00:00.000Z' });
    await lock.release();
    await expect(readFile(file)).rejects.toMatchObject({ code: 'ENOENT' });
    const again = await DataDirLock.acquire(dir, options);
    await writeFile(file, 'someone else');
    await again.release();
    expect(await readFile(file, 'utf8')).toBe('someone else');
  });

  it('lets exactly one of several stores racing for a stale lock win', async () => {
    const dir = await dataDir();
    await writeFile(path.join(dir, LOCK_FILE), JSON.stringify({ pid: await deadPid(), host: os.hostname(), since: '2025-01-01T00:00:00.000Z' }));
    const children = Array.from({ length: 4 }, () => startStoreChild(['hold', dir]));
    cleanups.push(() =>
      Promise.all(
        children.map((c) => {
          c.process.kill('SIGKILL');
          return c.exited;
        }),
      ),
    );
    for (const c of children) await Promise.race([c.exited, c.waitFor('open ', 15_000).catch(() => undefined)]);
    const opened = children.filter((c) => c.lines.some((l) => l.startsWith('open ')));
    expect(opened).toHaveLength(1);
    for (const loser of children.filter((c) => !opened.includes(c))) {
      expect((await loser.exited).code).toBe(1);
      expect(loser.stderr()).toContain('DataDirLockedError');
    }
  });
});
