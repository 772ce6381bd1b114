import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseServeFlags, serveCommand } from '../../src/cli/serveCommand.js';
import { UsageError } from '../../src/cli/cliIo.js';
import { ROOT, spawnCli, type ServeProcess } from '../server/support/serveProcess.js';

let dir = '';
const children: ServeProcess[] = [];

beforeEach(async () => {
  dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-serve-'));
});
afterEach(async () => {
  for (const p of children.splice(0)) {
    if (p.child.exitCode === null && p.child.signalCode === null) {
      p.child.kill('SIGKILL');
      await p.exit;
    }
  }
  await rm(dir, { recursive: true, force: true });
});

function serve(args: string[], via: 'tsx' | 'bin' = 'tsx'): ServeProcess {
  const p = spawnCli(['serve', '--port', '0', '--data', path.join(dir, 'data'), ...args], { via });
  children.push(p);
  return p;
}

const tokenIn = (text: string): string | undefined => /rpt_[A-Za-z0-9_-]{43}/.exec(text)?.[0];

describe('runpath serve (a real process)', () => {
  it('prints the URL and the first admin token once, serves, and stops gracefully on SIGTERM', async () => {
    const first = serve(['--demo']);
    const url = await first.url;
    expect((await fetch(`${url}/healthz`)).status).toBe(200);
    const token = tokenIn(first.stdout());
    if (token === undefined) throw new Error(`no token in:\n${first.output()}`);
    const incidents = await fetch(`${url}/api/incidents`, { headers: { authorization: `Bearer ${token}` } });
    expect(incidents.status).toBe(200);
    const runbooks = (await (await fetch(`${url}/api/runbooks`, { headers: { authorization: `Bearer ${token}` } })).json()) as { runbooks: unknown[] };
    expect(runbooks.runbooks).toHaveLength(7);
    // Logs are JSON lines, each with the request's id, and never the token.
    const logLines = first.stdout().split('\n').filter((l) => l.startsWith('{'));
    expect(logLines.some((l) => (JSON.parse(l) as { route?: string; reqId?: string }).route === '/api/incidents')).toBe(true);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
    expect(first.output().split(token).length - 1).toBe(1);
    expect(existsSync(path.join(dir, 'data', 'runpath.lock'))).toBe(false);
    expect(await readFile(path.join(dir, 'data', 'users.json'), 'utf8')).not.toContain(token);

    const second = serve(['--demo']);
    const again = await second.url;
    expect((await fetch(`${again}/api/incidents`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(200);
    expect(tokenIn(second.output())).toBeUndefined();
    second.child.kill('SIGINT');
    expect(await second.exit).toBe(0);
  });

  it('refuses to start a second server on the same data dir', async () => {
    const first = serve([]);
    await first.url;
    const second = spawnCli(['serve', '--port', '0', '--data', path.join(dir, 'data')]);
    children.push(second);
    expect(await second.exit).toBe(1);
    expect(second.output()).toMatch(/is in use by process \d+/);
    expect((await fetch(`${await first.url}/healthz`)).status).toBe(200);
    first.child.kill('SIGTERM');
    expect(await first.exit).toBe(0);
  });

  it.skipIf(!existsSync(path.join(ROOT, 'dist/src/cli/serveCommand.js')))('npm start (node bin/runpath.js serve --demo) serves the demo and answers /healthz', async () => {
    const pkg = JSON.parse(await readFile(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    expect(pkg.scripts.start).toBe('node bin/runpath.js serve --demo');
    const p = serve(['--demo'], 'bin');
    const url = await p.url;
    expect(await (await fetch(`${url}/healthz`)).json()).toEqual({ status: 'ok' });
    expect(p.stdout()).toMatch(/demo: fixture scenarios from demo\/scenarios answer the checks of 7 runbook/);
    p.child.kill('SIGTERM');
    expect(await p.exit).toBe(0);
  });
});

describe('serve flags', () => {
  it('has defaults for every option', () => {
    expect(parseServeFlags([])).toEqual({
      port: 8080,
      host: '127.0.0.1',
      data: 'data',
      runbooks: 'runbooks',
      runbooksGiven: false,
      demo: false,
      scenarios: 'demo/scenarios',
      sources: {},
      repair: false,
      trustProxy: false,
      logLevel: 'info',
    });
  });

  it('takes sources, ports and flags; refuses bad values as usage errors', () => {
    expect(parseServeFlags(['-p', '0', '-s', 'prom=http://localhost:9090', '--demo', '--repair'])).toMatchObject({ port: 0, sources: { prom: 'http://localhost:9090' }, demo: true, repair: true });
    for (const args of [['--port', 'abc'], ['--port', '70000'], ['--source', 'prom'], ['--source', 'prom=ftp://x'], ['--log-level', 'loud'], ['extra'], ['--nope']]) {
      expect(() => parseServeFlags(args), args.join(' ')).toThrow(UsageError);
    }
  });

  it('prints its help', async () => {
    let out = '';
    const code = await serveCommand(['--help'], { stdout: (t) => (out += t), stderr: () => undefined, cwd: ROOT, env: {}, interactive: false });
    expect(code).toBe(0);
    expect(out).toContain('usage: runpath serve');
    expect(out).toContain('--demo');
  });

  it('exits 1 with what to do when the data dir holds damaged files', async () => {
    await mkdir(path.join(dir, 'data', 'incidents'), { recursive: true });
    await writeFile(path.join(dir, 'data', 'incidents', 'stray.jsonl'), 'garbage\n');
    let err = '';
    const io = { stdout: () => undefined, stderr: (t: string) => (err += t), cwd: ROOT, env: {}, interactive: false };
    const code = await serveCommand(['--port', '0', '--data', path.join(dir, 'data')], io, { logger: pino({ level: 'silent' }), stopSignal: new Promise(() => undefined) });
    expect(code).toBe(1);
    expect(err).toContain('incidents/stray.jsonl');
    expect(err).toContain('--repair');
    expect(existsSync(path.join(dir, 'data', 'runpath.lock'))).toBe(false);
  });
});
