import { open, readFile, rename } from 'node:fs/promises';
import path from 'node:path';
import type { Adapter } from 'lowdb';
import { syncDirectory } from './syncDirectory.js';

/**
 * A lowdb adapter that makes each write durable before it resolves: write a temp file, fsync it,
 * rename it over the target, fsync the directory. A crash leaves the old or the new document,
 * never a mix. (lowdb's own JSONFile renames without fsync and coalesces queued writes.)
 * Writes are serialized here; each costs the whole document, so keep such documents small.
 */
export class DurableJsonFile<T> implements Adapter<T> {
  readonly #file: string;
  readonly #temp: string;
  #writing: Promise<void> = Promise.resolve();

  constructor(file: string) {
    this.#file = file;
    this.#temp = path.join(path.dirname(file), `.${path.basename(file)}.tmp`);
  }

  /** The document, or null when the file does not exist. Throws a SyntaxError naming the file if it is not JSON. */
  async read(): Promise<T | null> {
    let text: string;
    try {
      text = await readFile(this.#file, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw error;
    }
    try {
      return JSON.parse(text) as T;
    } catch (error) {
      throw new SyntaxError(`${this.#file} is not valid JSON (${(error as Error).message})`);
    }
  }

  write(data: T): Promise<void> {
    const text = `${JSON.stringify(data, null, 1)}\n`;
    const next = this.#writing.catch(() => undefined).then(() => this.#writeNow(text));
    this.#writing = next;
    return next;
  }

  async #writeNow(text: string): Promise<void> {
    const handle = await open(this.#temp, 'w');
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(this.#temp, this.#file);
    await syncDirectory(path.dirname(this.#file));
  }
}
