import { stat } from 'node:fs/promises';
import { hashToken, sameHash } from './apiToken.js';
import { readUsersFile } from './usersFile.js';
import type { User } from './user.js';

/**
 * The users a running server knows, read from the users file and read again whenever the file
 * changes, so `runpath user add` takes effect without a restart. A file that turns unreadable
 * keeps the last good users (and is reported once per change).
 */
export class UserDirectory {
  #users: readonly User[];
  readonly #file: string | undefined;
  readonly #onProblem: (error: unknown) => void;
  #version = '';

  private constructor(users: readonly User[], file: string | undefined, onProblem: (error: unknown) => void) {
    this.#users = users;
    this.#file = file;
    this.#onProblem = onProblem;
  }

  /** Reads the users file (throws UsersFileError when it is not one). */
  static async open(file: string, onProblem: (error: unknown) => void = () => undefined): Promise<UserDirectory> {
    const version = await fileVersion(file);
    const directory = new UserDirectory(await readUsersFile(file), file, onProblem);
    directory.#version = version;
    return directory;
  }

  /** A fixed set of users, for tests. */
  static of(users: readonly User[]): UserDirectory {
    return new UserDirectory(users, undefined, () => undefined);
  }

  get size(): number {
    return this.#users.length;
  }

  /** The user whose token this is. Compares every stored hash in constant time, whichever matches. */
  async byToken(token: string): Promise<User | undefined> {
    await this.#refresh();
    const hash = hashToken(token);
    let found: User | undefined;
    for (const user of this.#users) if (sameHash(user.tokenHash, hash)) found = user;
    return found;
  }

  async byName(name: string): Promise<User | undefined> {
    await this.#refresh();
    return this.#users.find((u) => u.name === name);
  }

  async #refresh(): Promise<void> {
    if (this.#file === undefined) return;
    const version = await fileVersion(this.#file);
    if (version === this.#version) return;
    this.#version = version;
    try {
      this.#users = await readUsersFile(this.#file);
    } catch (error) {
      this.#onProblem(error);
    }
  }
}

/** Changes whenever the file is replaced or rewritten (a rename gives a new inode). */
async function fileVersion(file: string): Promise<string> {
  try {
    const s = await stat(file, { bigint: true });
    return `${s.ino}:${s.size}:${s.mtimeNs}`;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'missing';
    throw error;
  }
}
