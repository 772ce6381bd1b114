import { randomUUID } from 'node:crypto';
import { link, readFile, unlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { DataDirLockedError } from './storeErrors.js';
import type { LockOwner } from './storeErrors.js';

export const LOCK_FILE = 'runpath.lock';

export interface DataDirLockOptions {
  /** Epoch milliseconds, for the lock's `since`. */
  now: () => number;
  /** Told when a stale lock is taken over. */
  onNotice: (message: string) => void;
}

type Held = LockOwner | 'gone' | { unreadable: string };

/**
 * An exclusive lock on a data dir: `<dataDir>/runpath.lock` holding the owner's pid and host, so a
 * second server refuses to start on the same files. A lock whose pid is dead on this host (a
 * server killed with -9) is stale and taken over, with a notice.
 */
export class DataDirLock {
  readonly file: string;
  readonly #text: string;

  private constructor(file: string, text: string) {
    this.file = file;
    this.#text = text;
  }

  static async acquire(dataDir: string, options: DataDirLockOptions): Promise<DataDirLock> {
    const file = path.join(dataDir, LOCK_FILE);
    const owner: LockOwner = { pid: process.pid, host: os.hostname(), since: new Date(options.now()).toISOString() };
    const text = `${JSON.stringify(owner)}\n`;
    // A few rounds: the lock may vanish or change hands between our looks at it.
    for (let round = 0; round < 3; round++) {
      if (await createExclusive(file, text)) return new DataDirLock(file, text);
      const held = await readHeld(file);
      if (held === 'gone') continue;
      if ('unreadable' in held) {
        throw new DataDirLockedError(file, `${dataDir} has a lock file ${file} that is not runpath's (${held.unreadable}). If no runpath server uses this dir, delete the file and start again.`);
      }
      if (!isDead(held)) throw lockedError(dataDir, file, held);
      if (await takeOver(file, held, text)) {
        options.onNotice(`took over the lock on ${dataDir} from process ${held.pid}, which is no longer running (it held the lock since ${held.since} and did not release it: it probably crashed or was killed)`);
        return new DataDirLock(file, text);
      }
    }
    const last = await readHeld(file);
    if (last !== 'gone' && !('unreadable' in last)) throw lockedError(dataDir, file, last);
    throw new DataDirLockedError(file, `could not lock ${dataDir}: its lock file ${file} keeps changing hands; is another server starting on it? Try again.`);
  }

  /** Removes the lock file if it is still ours. */
  async release(): Promise<void> {
    let text: string;
    try {
      text = await readFile(this.file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return;
      throw error;
    }
    if (text === this.#text) await unlink(this.file);
  }
}

function lockedError(dataDir: string, file: string, owner: LockOwner): DataDirLockedError {
  const who = owner.pid === process.pid && owner.host === os.hostname() ? 'this process (another store is open on it)' : `process ${owner.pid} on ${owner.host}`;
  return new DataDirLockedError(
    file,
    `${dataDir} is in use by ${who} since ${owner.since}. Stop that server or use another data dir. If that process is not a runpath server, delete the lock file ${file} and start again.`,
  );
}

/** Creates `file` with `text` only if it does not exist; the content is complete the moment the name appears. */
async function createExclusive(file: string, text: string): Promise<boolean> {
  // Write then link: unlike open('wx') + write, no one can ever read a half-written lock.
  const temp = `${file}.${process.pid}.${randomUUID()}.tmp`;
  await writeFile(temp, text, { flag: 'wx' });
  try {
    await link(temp, file);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  } finally {
    await unlink(temp);
  }
}

async function readHeld(file: string): Promise<Held> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'gone';
    throw error;
  }
  try {
    const value = JSON.parse(text) as Partial<LockOwner> | null;
    if (value !== null && typeof value === 'object' && Number.isSafeInteger(value.pid) && typeof value.host === 'string' && typeof value.since === 'string') {
      return value as LockOwner;
    }
  } catch {
    // reported below
  }
  return { unreadable: `content ${JSON.stringify(text.slice(0, 80))}` };
}

/** Only a lock from this host can be checked; a pid that no longer exists there held it last. */
function isDead(owner: LockOwner): boolean {
  if (owner.host !== os.hostname()) return false;
  if (owner.pid === process.pid) return false;
  try {
    process.kill(owner.pid, 0);
    return false;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'ESRCH';
  }
}

function sameOwner(a: LockOwner, b: LockOwner): boolean {
  return a.pid === b.pid && a.host === b.host && a.since === b.since;
}

/**
 * Replaces a stale lock. A second lock file (`.takeover`) makes the check-delete-create sequence
 * exclusive, so two servers starting at once cannot both delete the stale lock and then each
 * other's fresh one.
 */
async function takeOver(file: string, stale: LockOwner, text: string): Promise<boolean> {
  const guard = `${file}.takeover`;
  if (!(await createExclusive(guard, text))) {
    const other = await readHeld(guard);
    if (other === 'gone' || 'unreadable' in other || !isDead(other)) return false;
    // The guard's own owner died mid-takeover: clear it; the caller's next round retries.
    await unlink(guard).catch(() => undefined);
    return false;
  }
  try {
    const now = await readHeld(file);
    if (now !== 'gone') {
      if ('unreadable' in now || !sameOwner(now, stale)) return false;
      await unlink(file);
    }
    return await createExclusive(file, text);
  } finally {
    await unlink(guard);
  }
}
