import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { hashToken } from '../../../src/server/auth/apiToken.js';
import { addUser, ensureFirstAdmin, readUsersFile, usersFilePath, UsersFileError } from '../../../src/server/auth/usersFile.js';

const NOW = '2024-05-01T12:00:00.000Z';
let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-users-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('usersFile', () => {
  it('adds a user: the token is returned once, only its hash is stored, owner-only file', async () => {
    const { user, token } = await addUser(dir, { name: 'alice', role: 'responder', now: NOW });
    expect(user).toEqual({ name: 'alice', role: 'responder', tokenHash: hashToken(token), createdAt: NOW });
    const text = await readFile(usersFilePath(dir), 'utf8');
    expect(text).not.toContain(token);
    expect(JSON.parse(text)).toEqual({ version: 1, users: [user] });
    expect((await stat(usersFilePath(dir))).mode & 0o777).toBe(0o600);
    expect(await readUsersFile(usersFilePath(dir))).toEqual([user]);
  });

  it('refuses a second user of the same name unless replacing (the old token stops matching)', async () => {
    const first = await addUser(dir, { name: 'alice', role: 'viewer', now: NOW });
    await expect(addUser(dir, { name: 'alice', role: 'admin', now: NOW })).rejects.toMatchObject({ code: 'user_exists', message: expect.stringContaining('--replace') as string });
    const second = await addUser(dir, { name: 'alice', role: 'admin', now: NOW, replace: true });
    const users = await readUsersFile(usersFilePath(dir));
    expect(users).toEqual([second.user]);
    expect(users[0]?.tokenHash).not.toBe(hashToken(first.token));
  });

  it('refuses names that are not simple identifiers', async () => {
    for (const name of ['', 'a b', '-dash', 'x'.repeat(65), 'new\nline']) {
      await expect(addUser(dir, { name, role: 'viewer', now: NOW })).rejects.toMatchObject({ code: 'bad_user_name' });
    }
  });

  it('keeps every user when several processes-worth of adds race', async () => {
    await Promise.all(Array.from({ length: 8 }, (_, i) => addUser(dir, { name: `user${i}`, role: 'viewer', now: NOW })));
    expect((await readUsersFile(usersFilePath(dir))).map((u) => u.name).sort()).toEqual(Array.from({ length: 8 }, (_, i) => `user${i}`));
  });

  it('reports a damaged users file instead of treating it as empty', async () => {
    await writeFile(usersFilePath(dir), '{"users": [');
    await expect(readUsersFile(usersFilePath(dir))).rejects.toBeInstanceOf(UsersFileError);
    await writeFile(usersFilePath(dir), JSON.stringify({ users: [{ name: 'x', role: 'root', tokenHash: 'h', createdAt: NOW }] }));
    await expect(readUsersFile(usersFilePath(dir))).rejects.toThrow(/users\[0\]/);
    await expect(ensureFirstAdmin(dir, NOW)).rejects.toBeInstanceOf(UsersFileError);
  });

  it('creates the first admin once, on a data dir with no users', async () => {
    const first = await ensureFirstAdmin(dir, NOW);
    expect(first?.user).toMatchObject({ name: 'admin', role: 'admin' });
    expect(await ensureFirstAdmin(dir, NOW)).toBeUndefined();
    expect(await readUsersFile(usersFilePath(dir))).toHaveLength(1);
  });

  it('takes over a lock file left by a killed process once it is stale', async () => {
    const lock = `${usersFilePath(dir)}.lock`;
    await writeFile(lock, '99999\n');
    const { utimes } = await import('node:fs/promises');
    const old = new Date(Date.now() - 60_000);
    await utimes(lock, old, old);
    await addUser(dir, { name: 'bob', role: 'viewer', now: NOW });
    expect((await readUsersFile(usersFilePath(dir))).map((u) => u.name)).toEqual(['bob']);
  });
});
