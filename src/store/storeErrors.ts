// Errors of the file-backed store. Each has a stable `code` and a message telling the operator
// what to do.

/** Who holds a data dir lock (the lock file's content). */
export interface LockOwner {
  pid: number;
  host: string;
  /** When the lock was taken, ISO 8601. */
  since: string;
}

/** Another process (or another store in this one) has the data dir. */
export class DataDirLockedError extends Error {
  override readonly name = 'DataDirLockedError';
  readonly code = 'data_dir_locked';
  constructor(readonly lockFile: string, message: string) {
    super(message);
  }
}

/** Something wrong found in a data file when the store opens. */
export interface DataProblem {
  /** Path relative to the data dir. */
  file: string;
  /** 1-based line, for a log record. */
  line?: number;
  /** 0-based byte offset where the bad part starts. */
  byte?: number;
  /**
   * `torn`: the last record ends mid-line — an append cut off by a crash, so never acknowledged;
   * `corrupt`: a whole record that does not read back (damaged or edited file);
   * `unindexed`: a log the index does not list; `index`: the index itself is unreadable.
   */
  kind: 'torn' | 'corrupt' | 'unindexed' | 'index';
  message: string;
}

/** The data dir holds torn or corrupt files: the store refuses to open rather than drop anything silently. */
export class CorruptDataError extends Error {
  override readonly name = 'CorruptDataError';
  readonly code = 'corrupt_data';
  constructor(readonly dataDir: string, readonly problems: DataProblem[]) {
    super(
      [
        `the data in ${dataDir} needs repair before the store can open:`,
        ...problems.map((p) => `  ${formatDataProblem(p)}`),
        `To recover, open it with repair (\`runpath serve --repair\`): each damaged log is copied to ${dataDir}/backup/ and cut back to its last whole record, the index is rebuilt from the logs. Records after a bad one are only in the backup.`,
      ].join('\n'),
    );
  }
}

export function formatDataProblem(p: DataProblem): string {
  const where = p.line === undefined ? p.file : `${p.file}:${p.line}${p.byte === undefined ? '' : ` (byte ${p.byte})`}`;
  return `${where}: ${p.message}`;
}

/** A write or fsync failed: the store refuses further appends (the disk's state is unknown until a restart re-reads it). */
export class StoreFailedError extends Error {
  override readonly name = 'StoreFailedError';
  readonly code = 'store_failed';
  constructor(readonly dataDir: string, cause: unknown) {
    super(`writing to ${dataDir} failed (${cause instanceof Error ? cause.message : String(cause)}): no more appends are accepted; fix the disk problem and restart the server`, { cause });
  }
}

export class StoreClosedError extends Error {
  override readonly name = 'StoreClosedError';
  readonly code = 'store_closed';
  constructor() {
    super('the event store is closed: open it again to use it');
  }
}
