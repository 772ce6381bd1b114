import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cliIo.js';
import { main } from '../../src/cli/main.js';
import { hashToken } from '../../src/server/auth/apiToken.js';

let dir = '';
beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-usercmd-'));
});
afterEach(async () => {
  await rm(dir, { recursive: true, force: true });
});

function io(): CliIo & { out: string; err: string } {
  const captured = { out: '', err: '' };
  return Object.assign(captured, {
    stdout: (t: string) => (captured.out += t),
    stderr: (t: string) => (captured.err += t),
    cwd: dir,
    env: {},
    interactive: false,
  });
}

describe('runpath user', () => {
  it('add prints the new token once on stdout and stores only its hash', async () => {
    const term = io();
    expect(await main(['user', 'add', 'alice', '--role', 'responder', '--data', 'd'], term)).toBe(0);
    const token = term.out.trim();
    expect(token).toMatch(/^rpt_[A-Za-z0-9_-]{43}$/);
    expect(term.err).toContain('alice (responder)');
    expect(term.err).not.toContain(token);
    const file = await readFile(path.join(dir, 'd', 'users.json'), 'utf8');
    expect(file).not.toContain(token);
    expect(file).toContain(hashToken(token));
  });

  it('refuses an existing name (exit 1) unless --replace', async () => {
    await main(['user', 'add', 'alice', '--role', 'viewer'], io());
    const again = io();
    expect(await main(['user', 'add', 'alice', '--role', 'admin'], again)).toBe(1);
    expect(again.err).toContain('--replace');
    const replaced = io();
    expect(await main(['user', 'add', 'alice', '--role', 'admin', '--replace'], replaced)).toBe(0);
    const list = io();
    expect(await main(['user', 'list'], list)).toBe(0);
    expect(list.out).toMatch(/^alice {2}admin/);
    expect(list.out).not.toContain('rpt_');
  });

  it('answers usage errors with exit 2: no role, a bad role, no name, an unknown action', async () => {
    for (const args of [['add', 'bob'], ['add', 'bob', '--role', 'root'], ['add', '--role', 'viewer'], ['remove', 'bob'], ['add', 'a', 'b', '--role', 'viewer'], []]) {
      const term = io();
      expect(await main(['user', ...args], term), args.join(' ')).toBe(2);
      expect(term.err).toContain('runpath user:');
    }
  });

  it('refuses a bad user name with exit 1, and lists an empty data dir', async () => {
    const term = io();
    expect(await main(['user', 'add', 'no spaces', '--role', 'viewer'], term)).toBe(1);
    expect(term.err).toContain('not allowed');
    const list = io();
    expect(await main(['user', 'list'], list)).toBe(0);
    expect(list.err).toContain('no users');
  });
});
