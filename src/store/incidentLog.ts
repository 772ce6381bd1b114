import type { FileHandle } from 'node:fs/promises';
import { open } from 'node:fs/promises';
import path from 'node:path';
import { GroupCommit } from './groupCommit.js';
import type { EncodedRecord, LogRecord } from './logRecord.js';
import { syncDirectory } from './syncDirectory.js';

export interface IncidentLogOptions {
  incidentId: string;
  /** Absolute path of the log file. */
  file: string;
  /** Whether the file exists (a new one also needs its directory fsynced). */
  exists: boolean;
  lastSeq: number;
  /** Length of the valid, durable log in bytes. */
  bytes: number;
  /** Settles once the index lists the incident; the log is written only after. */
  ready: Promise<void>;
  /** Throws if the store can no longer write. */
  checkWritable: () => void;
  /** Records a write failure; returns the error every waiting append gets. */
  fail: (error: unknown) => Error;
  /** A record is durable at `offset` (its line is `length` bytes). Called in seq order. */
  onCommitted: (record: LogRecord, offset: number, length: number) => void;
}

/**
 * One incident's append-only log: a JSON line per append, written with O_APPEND and fdatasync.
 * Appends are serialized here: seq is assigned when an append is queued; appends queued together
 * or during a flush share its write and fsync (group commit), so the cost per append does not
 * grow with the incident's length, and other incidents flush independently.
 */
export class IncidentLog {
  readonly incidentId: string;
  readonly file: string;
  /** The last seq handed out, including appends not yet durable. */
  assignedSeq: number;
  /** The last durable seq: what readers see. */
  committedSeq: number;
  /** Durable bytes: reads never look past them. */
  committedBytes: number;
  #exists: boolean;
  readonly #options: IncidentLogOptions;
  readonly #commit: GroupCommit<EncodedRecord>;

  constructor(options: IncidentLogOptions) {
    this.incidentId = options.incidentId;
    this.file = options.file;
    this.assignedSeq = options.lastSeq;
    this.committedSeq = options.lastSeq;
    this.committedBytes = options.bytes;
    this.#exists = options.exists;
    this.#options = options;
    this.#commit = new GroupCommit((records) => this.#flush(records));
  }

  /** Queues an encoded record whose events continue from `assignedSeq`; settles once it is durable. */
  add(record: EncodedRecord): Promise<void> {
    const last = record.stored.events[record.stored.events.length - 1];
    if (last) this.assignedSeq = last.seq;
    return this.#commit.add(record);
  }

  idle(): Promise<void> {
    return this.#commit.idle();
  }

  async #flush(records: EncodedRecord[]): Promise<void> {
    this.#options.checkWritable();
    await this.#options.ready;
    const buffer = Buffer.from(records.map((r) => r.line).join(''), 'utf8');
    try {
      const handle = await open(this.file, 'a');
      try {
        await writeAll(handle, buffer);
        await handle.datasync();
      } finally {
        await handle.close();
      }
      if (!this.#exists) {
        await syncDirectory(path.dirname(this.file));
        this.#exists = true;
      }
    } catch (error) {
      throw this.#options.fail(error);
    }
    let offset = this.committedBytes;
    for (const record of records) {
      const length = Buffer.byteLength(record.line, 'utf8');
      this.#options.onCommitted(record.stored, offset, length);
      offset += length;
      this.committedSeq = record.stored.events[record.stored.events.length - 1]?.seq ?? this.committedSeq;
    }
    this.committedBytes = offset;
  }
}

async function writeAll(handle: FileHandle, buffer: Buffer): Promise<void> {
  let done = 0;
  while (done < buffer.length) {
    const { bytesWritten } = await handle.write(buffer, done, buffer.length - done, null);
    done += bytesWritten;
  }
}
