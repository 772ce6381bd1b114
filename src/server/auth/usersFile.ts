import { mkdir, open, readFile, rename, stat, unlink } from 'node:fs/promises';
import path from 'node:path';
import type { AccessRole } from '../../incidents/accessRole.js';
import { syncDirectory } from '../../store/syncDirectory.js';
import { hashToken, newApiToken } from './apiToken.js';
import { isUser, userNameProblem, type User } from './user.js';

// The users file lives in the data dir next to the event store's files:
//   users.json        { "version": 1, "users": [{ name, role, tokenHash, createdAt }] }
//   users.json.lock   held while a process rewrites it (runpath user add, the first serve)
export const USERS_FILE = 'users.json';

/** Why the users file cannot be used or changed; the message says what to do. */
export class UsersFileError extends Error {
  override readonly name = 'UsersFileError';
  constructor(
    readonly code: 'users_file_invalid' | 'user_exists' | 'bad_user_name' | 'users_file_locked',
    message: string,
  ) {
    super(message);
  }
}

export function usersFilePath(dataDir: string): string {
  return path.join(dataDir, USERS_FILE);
}

/** The users in the file; none when it does not exist. Throws UsersFileError when it is not a users file. */
export async function readUsersFile(file: string): Promise<User[]> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (error) {
    throw new UsersFileError('users_file_invalid', `${file} is not valid JSON (${(error as Error).message}); restore it from a backup, or move it away and add the users again with runpath user add`);
  }
  const users = typeof parsed === 'object' && parsed !== null && 'users' in parsed ? parsed.users : undefined;
  if (!Array.isArray(users)) throw new UsersFileError('users_file_invalid', `${file} has no "users" list; restore it from a backup, or move it away and add the users again with runpath user add`);
  const bad = users.findIndex((u) => !isUser(u));
  if (bad !== -1) {
    throw new UsersFileError('users_file_invalid', `${file}: users[${bad}] is not a user record ({ name, role, tokenHash, createdAt }); fix or remove it (runpath user add makes new ones)`);
  }
  return users as User[];
}

/** Writes the users durably: a temp file (owner-only), fsync, rename over the file, fsync the folder. */
export async function writeUsersFile(file: string, users: readonly User[]): Promise<void> {
  const dir = path.dirname(file);
  const temp = path.join(dir, `.${path.basename(file)}.${process.pid}.tmp`);
  const handle = await open(temp, 'w', 0o600);
  try {
    await handle.writeFile(`${JSON.stringify({ version: 1, users }, null, 2)}\n`, 'utf8');
    await handle.sync();
  } finally {
    await handle.close();
  }
  await rename(temp, file);
  await syncDirectory(dir);
}

const LOCK_WAIT_MS = 5_000;
const LOCK_STALE_MS = 30_000;
const LOCK_POLL_MS = 25;

/** Runs a read-modify-write of the users file while holding its lock file, so two writers never lose each other's user. */
export async function changeUsersFile<T>(dataDir: string, change: (users: User[]) => { users?: User[]; result: T }): Promise<T> {
  await mkdir(dataDir, { recursive: true });
  const file = usersFilePath(dataDir);
  const lock = `${file}.lock`;
  await acquireLock(lock);
  try {
    const { users, result } = change(await readUsersFile(file));
    if (users) await writeUsersFile(file, users);
    return result;
  } finally {
    await unlink(lock).catch(() => undefined);
  }
}

async function acquireLock(lock: string): Promise<void> {
  const deadline = Date.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      const handle = await open(lock, 'wx', 0o600);
      await handle.writeFile(`${process.pid}\n`);
      await handle.close();
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
    }
    // A lock left by a killed process: users are rewritten in milliseconds, so an old lock is stale.
    const since = await stat(lock).then((s) => s.mtimeMs, () => undefined);
    if (since !== undefined && Date.now() - since > LOCK_STALE_MS) {
      await unlink(lock).catch(() => undefined);
      continue;
    }
    if (Date.now() > deadline) {
      throw new UsersFileError('users_file_locked', `${lock} is held by another runpath process changing the users; try again, or delete the lock file if no runpath process is running`);
    }
    await new Promise((resolve) => setTimeout(resolve, LOCK_POLL_MS));
  }
}

export interface AddUserOptions {
  name: string;
  role: AccessRole;
  /** ISO 8601 creation time. */
  now: string;
  /** Replace an existing user of that name (a new token; the old one stops working). */
  replace?: boolean;
}

/** Adds a user with a new token; returns the token (shown once, never stored) and the record. */
export async function addUser(dataDir: string, options: AddUserOptions): Promise<{ user: User; token: string }> {
  const problem = userNameProblem(options.name);
  if (problem !== undefined) throw new UsersFileError('bad_user_name', problem);
  const token = newApiToken();
  const user: User = { name: options.name, role: options.role, tokenHash: hashToken(token), createdAt: options.now };
  return changeUsersFile(dataDir, (users) => {
    const exists = users.some((u) => u.name === options.name);
    if (exists && options.replace !== true) {
      throw new UsersFileError('user_exists', `there is already a user ${options.name}; pick another name, or pass --replace to give ${options.name} a new token (the old one stops working)`);
    }
    return { users: [...users.filter((u) => u.name !== options.name), user], result: { user, token } };
  });
}

/** On a data dir with no users: creates `admin` and returns its token (to print once). Undefined when users exist. */
export async function ensureFirstAdmin(dataDir: string, now: string): Promise<{ user: User; token: string } | undefined> {
  const token = newApiToken();
  const user: User = { name: 'admin', role: 'admin', tokenHash: hashToken(token), createdAt: now };
  return changeUsersFile(dataDir, (users) => (users.length > 0 ? { result: undefined } : { users: [user], result: { user, token } }));
}
