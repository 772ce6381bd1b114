import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { SessionsFile } from '../../../src/server/auth/sessionsFile.js';
import { hashSessionId, SessionStore, type StoredSession } from '../../../src/server/auth/sessionStore.js';

const dirs: string[] = [];
afterAll(async () => {
  await Promise.all(dirs.map((dir) => rm(dir, { recursive: true, force: true })));
});

describe('SessionStore', () => {
  it('finds a session by its id, ends it on delete and at its expiry', () => {
    let now = 1000;
    const store = new SessionStore({ now: () => now, ttlMs: 500 });
    const session = store.create('ana');
    expect(store.get(session.id)).toEqual({ id: session.id, userName: 'ana', expiresAt: 1500 });
    expect(store.get('not-an-id')).toBeUndefined();
    now = 1500;
    expect(store.get(session.id)).toBeUndefined();
    now = 1000;
    const other = store.create('bo');
    store.delete(other.id);
    expect(store.get(other.id)).toBeUndefined();
  });

  it('saves only hashes of ids, and a new store from the saved sessions knows the same cookies', async () => {
    let saved: StoredSession[] = [];
    const store = new SessionStore({ now: () => 1000, save: (sessions) => { saved = sessions; return Promise.resolve(); } });
    const ana = store.create('ana');
    const bo = store.create('bo');
    await store.persisted();
    expect(saved.map((s) => s.userName).sort()).toEqual(['ana', 'bo']);
    expect(JSON.stringify(saved)).not.toContain(ana.id);
    expect(saved.find((s) => s.userName === 'ana')?.idHash).toBe(hashSessionId(ana.id));

    store.delete(bo.id);
    await store.persisted();
    const restarted = new SessionStore({ now: () => 2000, initial: saved });
    expect(restarted.get(ana.id)?.userName).toBe('ana');
    expect(restarted.get(bo.id)).toBeUndefined();
  });

  it('drops expired sessions when loading and when saving', async () => {
    let saved: StoredSession[] = [];
    const initial: StoredSession[] = [
      { idHash: hashSessionId('old'), userName: 'old', expiresAt: 900 },
      { idHash: hashSessionId('live'), userName: 'live', expiresAt: 5000 },
    ];
    const store = new SessionStore({ now: () => 1000, initial, save: (sessions) => { saved = sessions; return Promise.resolve(); } });
    expect(store.get('old')).toBeUndefined();
    expect(store.get('live')?.userName).toBe('live');
    store.create('new');
    await store.persisted();
    expect(saved.map((s) => s.userName).sort()).toEqual(['live', 'new']);
  });

  it('coalesces changes made while a save runs into one more save, and reports a failed save without throwing', async () => {
    const writes: number[] = [];
    const errors: unknown[] = [];
    let release: () => void = () => undefined;
    const store = new SessionStore({
      now: () => 1000,
      save: (sessions) => {
        writes.push(sessions.length);
        if (writes.length === 1) return new Promise<void>((resolve) => { release = resolve; });
        if (writes.length === 3) return Promise.reject(new Error('disk full'));
        return Promise.resolve();
      },
      onSaveError: (error) => errors.push(error),
    });
    store.create('a');
    await Promise.resolve();
    store.create('b');
    store.create('c');
    release();
    await store.persisted();
    expect(writes).toEqual([1, 3]);
    store.create('d');
    await store.persisted();
    expect(errors).toHaveLength(1);
    expect(store.get(store.create('e').id)?.userName).toBe('e');
  });
});

describe('SessionsFile', () => {
  it('writes and reads the sessions, and starts over (saying why) from a damaged file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-sessions-'));
    dirs.push(dir);
    const file = new SessionsFile(dir);
    const notices: string[] = [];
    expect(await file.read((m) => notices.push(m))).toEqual([]);
    const sessions = [{ idHash: 'h', userName: 'ana', expiresAt: 42 }];
    await file.write(sessions);
    expect(JSON.parse(await readFile(file.file, 'utf8'))).toEqual({ version: 1, sessions });
    expect(await file.read((m) => notices.push(m))).toEqual(sessions);
    expect(notices).toEqual([]);

    await writeFile(file.file, '{"version":1,"sessions":[{"idHash":"h"', 'utf8');
    expect(await file.read((m) => notices.push(m))).toEqual([]);
    expect(notices[0]).toMatch(/not valid JSON.*sign in again/);
  });
});
