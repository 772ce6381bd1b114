import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { UserDirectory } from '../../../src/server/auth/userDirectory.js';
import { addUser, usersFilePath } from '../../../src/server/auth/usersFile.js';

const NOW = '2024-05-01T12:00:00.000Z';
let dir = '';

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-userdir-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('UserDirectory', () => {
  it('finds users by token and by name', async () => {
    const { token } = await addUser(dir, { name: 'alice', role: 'commander', now: NOW });
    const users = await UserDirectory.open(usersFilePath(dir));
    expect(await users.byToken(token)).toMatchObject({ name: 'alice', role: 'commander' });
    expect(await users.byToken(`${token}x`)).toBeUndefined();
    expect(await users.byName('alice')).toMatchObject({ role: 'commander' });
    expect(await users.byName('bob')).toBeUndefined();
  });

  it('sees users added after it opened (runpath user add while the server runs)', async () => {
    await addUser(dir, { name: 'alice', role: 'viewer', now: NOW });
    const users = await UserDirectory.open(usersFilePath(dir));
    const { token } = await addUser(dir, { name: 'bob', role: 'responder', now: NOW });
    expect(await users.byToken(token)).toMatchObject({ name: 'bob' });
    expect(users.size).toBe(2);
  });

  it('keeps the last good users when the file turns unreadable, and reports it', async () => {
    const { token } = await addUser(dir, { name: 'alice', role: 'viewer', now: NOW });
    const problems: unknown[] = [];
    const users = await UserDirectory.open(usersFilePath(dir), (e) => problems.push(e));
    await writeFile(usersFilePath(dir), 'not json at all');
    expect(await users.byToken(token)).toMatchObject({ name: 'alice' });
    expect(problems).toHaveLength(1);
  });
});
