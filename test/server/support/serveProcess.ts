import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.join(path.dirname(fileURLToPath(import.meta.url)), '../../..');

export interface ServeProcess {
  child: ChildProcess;
  /** stdout and stderr so far. */
  output(): string;
  stdout(): string;
  /** The URL once the banner shows it (rejects if the process exits first). */
  url: Promise<string>;
  exit: Promise<number | null>;
}

/**
 * Starts the CLI in a process of its own: from source through tsx (default), or as `npm start`
 * runs it, `node bin/runpath.js` from dist/.
 */
export function spawnCli(args: string[], options: { via?: 'tsx' | 'bin'; cwd?: string } = {}): ServeProcess {
  const entry = options.via === 'bin' ? [path.join(ROOT, 'bin/runpath.js')] : ['--import', 'tsx', path.join(ROOT, 'test/server/support/runCli.ts')];
  const child = spawn(process.execPath, [...entry, ...args], { cwd: options.cwd ?? ROOT, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, NODE_OPTIONS: '' } });
  let out = '';
  let all = '';
  child.stdout.on('data', (chunk: Buffer) => {
    out += chunk.toString('utf8');
    all += chunk.toString('utf8');
  });
  child.stderr.on('data', (chunk: Buffer) => {
    all += chunk.toString('utf8');
  });
  const exit = new Promise<number | null>((resolve) => child.on('exit', (code) => { resolve(code); }));
  const url = new Promise<string>((resolve, reject) => {
    const look = (): void => {
      const found = /runpath serving on (http:\/\/\S+)/.exec(out)?.[1];
      if (found !== undefined) resolve(found);
    };
    child.stdout.on('data', look);
    void exit.then((code) => { reject(new Error(`the process exited (${String(code)}) before serving:\n${all}`)); });
  });
  url.catch(() => undefined);
  return { child, output: () => all, stdout: () => out, url, exit };
}
