import { constants } from 'node:fs';
import { copyFile, link, mkdir, open, readFile, readdir, unlink } from 'node:fs/promises';
import path from 'node:path';
import { Low } from 'lowdb';
import { DurableJsonFile } from './durableJsonFile.js';
import { emptyIndex, incidentIndexProblem } from './incidentIndex.js';
import type { IncidentIndex } from './incidentIndex.js';
import { incidentIdOfLogFile, LOG_SUFFIX, logFileName } from './logFileName.js';
import { scanLog } from './scanLog.js';
import type { IdempotencyLocation, ScannedLog } from './scanLog.js';
import { CorruptDataError, formatDataProblem } from './storeErrors.js';
import type { DataProblem } from './storeErrors.js';
import { syncDirectory } from './syncDirectory.js';

// Layout of a data dir (the store's part of it):
//   runpath.lock               the lock (dataDirLock.ts)
//   incidents/index.json       incident ids in creation order (lowdb, durable rewrite)
//   incidents/<id>.jsonl       one append-only log per incident: a JSON record per append
//   backup/                    what --repair moved or copied aside
export const INCIDENTS_DIR = 'incidents';
export const INDEX_FILE = 'index.json';
export const BACKUP_DIR = 'backup';

export interface LoadedIncident {
  id: string;
  /** Whether its log file exists yet. */
  exists: boolean;
  lastSeq: number;
  bytes: number;
  idempotency: IdempotencyLocation[];
}

export interface LoadedDataDir {
  index: Low<IncidentIndex>;
  /** In creation order. */
  incidents: LoadedIncident[];
}

export interface LoadDataDirOptions {
  /** Cut damaged logs back (after a backup) and rebuild the index, instead of refusing. */
  repair: boolean;
  now: () => number;
  onNotice: (message: string) => void;
}

/**
 * Reads and checks every file of the store at start. Any torn or corrupt log, log missing from
 * the index, or unreadable index refuses the open with a CorruptDataError listing each (file,
 * line, byte), unless `repair` is set (or the only damage is torn final lines, which are always
 * unacknowledged appends): then damaged logs are copied to backup/ and cut to their
 * last whole record, and the index is completed or rebuilt from the logs.
 */
export async function loadDataDir(dataDir: string, options: LoadDataDirOptions): Promise<LoadedDataDir> {
  const dir = path.join(dataDir, INCIDENTS_DIR);
  await ensureDirectory(dir);
  const indexFile = `${INCIDENTS_DIR}/${INDEX_FILE}`;
  const index = new Low<IncidentIndex>(new DurableJsonFile<IncidentIndex>(path.join(dir, INDEX_FILE)), emptyIndex());
  const problems: DataProblem[] = [];
  let indexReadable = true;
  try {
    await index.read();
    const problem = incidentIndexProblem(index.data);
    if (problem !== undefined) {
      problems.push({ file: indexFile, kind: 'index', message: `${problem}: the index must be rebuilt from the logs` });
      indexReadable = false;
    }
  } catch (error) {
    if (!(error instanceof SyntaxError)) throw error;
    problems.push({ file: indexFile, kind: 'index', message: `${error.message}: the index must be rebuilt from the logs` });
    indexReadable = false;
  }

  const listed = indexReadable ? index.data.incidents.map((entry) => entry.id) : [];
  const scans = new Map<string, ScannedLog | undefined>();
  for (const id of listed) scans.set(id, await scanFile(dir, id));
  const unlisted: string[] = [];
  const strays: string[] = [];
  for (const name of (await readdir(dir)).filter((n) => n.endsWith(LOG_SUFFIX)).sort()) {
    const id = incidentIdOfLogFile(name);
    if (id === undefined) {
      strays.push(name);
      problems.push({ file: `${INCIDENTS_DIR}/${name}`, kind: 'unindexed', message: 'runpath never names a log like this: move the file out of the data dir' });
      continue;
    }
    if (scans.has(id)) continue;
    const scan = await scanFile(dir, id);
    scans.set(id, scan);
    unlisted.push(id);
    if (indexReadable) {
      problems.push({ file: `${INCIDENTS_DIR}/${name}`, kind: 'unindexed', message: `the index does not list incident ${JSON.stringify(id)} (${scan?.records ?? 0} whole records)` });
    }
  }
  for (const scan of scans.values()) if (scan?.problem) problems.push(scan.problem);

  let order = listed;
  if (problems.length > 0) {
    // A torn final line is an append a crash cut off before its fsync finished, so it was never
    // acknowledged: cutting it (after a backup, with a notice) loses nothing anyone was told was
    // stored, and a server restarted after kill -9 must come back without an operator. Anything
    // else may be real data damage: refuse, and let the operator choose --repair.
    const onlyTornTails = problems.every((p) => p.kind === 'torn');
    if (!options.repair && !onlyTornTails) throw new CorruptDataError(dataDir, problems);
    order = await repair(dataDir, { index, indexReadable, listed, unlisted, strays, scans }, options);
  }
  return {
    index,
    incidents: order.map((id) => {
      const scan = scans.get(id);
      return { id, exists: scan !== undefined, lastSeq: scan?.lastSeq ?? 0, bytes: scan?.validBytes ?? 0, idempotency: scan?.idempotency ?? [] };
    }),
  };
}

interface Found {
  index: Low<IncidentIndex>;
  indexReadable: boolean;
  listed: string[];
  unlisted: string[];
  strays: string[];
  scans: Map<string, ScannedLog | undefined>;
}

/** Makes the data dir readable again, keeping a copy of everything it changes; returns the incident order. */
async function repair(dataDir: string, found: Found, options: LoadDataDirOptions): Promise<string[]> {
  const dir = path.join(dataDir, INCIDENTS_DIR);
  for (const [id, scan] of found.scans) {
    const problem = scan?.problem;
    if (!scan || !problem) continue;
    const file = path.join(dir, logFileName(id));
    const backup = await backUp(dataDir, file, options.now, 'copy');
    const { size } = await cut(file, scan.validBytes);
    const lost = scan.recordsAfterProblem > 0 ? `, and ${scan.recordsAfterProblem} later record(s) with it` : '';
    options.onNotice(`repaired ${formatDataProblem(problem)} — cut the last ${size - scan.validBytes} bytes${lost}; kept ${scan.records} record(s) up to seq ${scan.lastSeq}; the original is in ${backup}`);
    delete scan.problem;
  }
  for (const name of found.strays) {
    const backup = await backUp(dataDir, path.join(dir, name), options.now, 'move');
    options.onNotice(`moved ${INCIDENTS_DIR}/${name}, which is not a runpath log, to ${backup}`);
  }
  const recovered: string[] = [];
  for (const id of found.unlisted) {
    if ((found.scans.get(id)?.records ?? 0) > 0) {
      recovered.push(id);
      continue;
    }
    found.scans.delete(id);
    const backup = await backUp(dataDir, path.join(dir, logFileName(id)), options.now, 'move');
    options.onNotice(`moved ${INCIDENTS_DIR}/${logFileName(id)}, an unlisted log without a whole record, to ${backup}`);
  }
  if (!found.indexReadable) {
    const indexPath = path.join(dir, INDEX_FILE);
    const backup = await backUp(dataDir, indexPath, options.now, 'copy').catch((error: unknown) => {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
      throw error;
    });
    options.onNotice(`rebuilding ${INCIDENTS_DIR}/${INDEX_FILE} from the logs${backup === undefined ? '' : `; the unreadable one is in ${backup}`}`);
  }
  if (recovered.length === 0 && found.indexReadable) return found.listed;
  // Logs the index lost go after the listed ones, by the time of their first event.
  const firstAt = (id: string): string => found.scans.get(id)?.firstAt ?? '';
  recovered.sort((a, b) => firstAt(a).localeCompare(firstAt(b)) || a.localeCompare(b));
  const order = [...found.listed, ...recovered];
  found.index.data = { version: 1, incidents: order.map((id) => ({ id, log: logFileName(id) })) };
  await found.index.write();
  if (recovered.length > 0) options.onNotice(`added ${recovered.length} incident(s) the index did not list: ${recovered.join(', ')}`);
  return order;
}

async function scanFile(dir: string, id: string): Promise<ScannedLog | undefined> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path.join(dir, logFileName(id)));
  } catch (error) {
    // Listed but never written: a crash between indexing a new incident and its first append.
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  return scanLog(bytes, { incidentId: id, file: `${INCIDENTS_DIR}/${logFileName(id)}` });
}

async function ensureDirectory(dir: string): Promise<void> {
  const made = await mkdir(dir, { recursive: true });
  if (made !== undefined) await syncDirectory(path.dirname(dir));
}

/** Keeps a copy (or moves) `file` into backup/ under a name that is never reused; returns that path relative to the data dir. */
async function backUp(dataDir: string, file: string, now: () => number, how: 'copy' | 'move'): Promise<string> {
  const dir = path.join(dataDir, BACKUP_DIR);
  await ensureDirectory(dir);
  const stamp = new Date(now()).toISOString().replace(/[:.]/g, '-');
  for (let n = 1; ; n++) {
    const name = `${path.basename(file)}.${stamp}${n > 1 ? `.${n}` : ''}`;
    const target = path.join(dir, name);
    try {
      if (how === 'copy') await copyFile(file, target, constants.COPYFILE_EXCL);
      else await link(file, target);
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw error;
    }
    const handle = await open(target, 'r');
    try {
      await handle.sync();
    } finally {
      await handle.close();
    }
    await syncDirectory(dir);
    if (how === 'move') {
      await unlink(file);
      await syncDirectory(path.dirname(file));
    }
    return `${BACKUP_DIR}/${name}`;
  }
}

async function cut(file: string, bytes: number): Promise<{ size: number }> {
  const handle = await open(file, 'r+');
  try {
    const { size } = await handle.stat();
    await handle.truncate(bytes);
    await handle.sync();
    return { size };
  } finally {
    await handle.close();
  }
}
