import { spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const SCRIPT = fileURLToPath(new URL('./storeProcess.ts', import.meta.url));
const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface StoreChild {
  process: ChildProcess;
  pid: number;
  /** Every whole line printed so far. */
  lines: string[];
  /** The first line starting with `prefix` (waiting for it if need be). */
  waitFor(prefix: string, timeoutMs?: number): Promise<string>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  stderr(): string;
}

/** Runs test/store/storeProcess.ts (through tsx) with `args`. */
export function startStoreChild(args: string[]): StoreChild {
  const child = spawn(process.execPath, ['--import', 'tsx', SCRIPT, ...args], { cwd: ROOT, stdio: ['pipe', 'pipe', 'pipe'] });
  if (child.pid === undefined) throw new Error('could not start the store child process');
  const lines: string[] = [];
  let partial = '';
  let errors = '';
  const waiting: { prefix: string; resolve: (line: string) => void }[] = [];
  child.stdout.setEncoding('utf8');
  child.stdout.on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) {
      lines.push(line);
      for (const w of waiting.filter((x) => line.startsWith(x.prefix))) {
        waiting.splice(waiting.indexOf(w), 1);
        w.resolve(line);
      }
    }
  });
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (chunk: string) => {
    errors += chunk;
  });
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on('close', (code, signal) => {
      resolve({ code, signal });
    });
  });
  return {
    process: child,
    pid: child.pid,
    lines,
    stderr: () => errors,
    exited,
    waitFor(prefix, timeoutMs = 10_000) {
      const seen = lines.find((l) => l.startsWith(prefix));
      if (seen !== undefined) return Promise.resolve(seen);
      return new Promise<string>((resolve, reject) => {
        const timer = setTimeout(() => {
          reject(new Error(`no line starting with ${JSON.stringify(prefix)} within ${timeoutMs} ms; printed:\n${lines.slice(-5).join('\n')}\nstderr:\n${errors}`));
        }, timeoutMs);
        waiting.push({
          prefix,
          resolve: (line) => {
            clearTimeout(timer);
            resolve(line);
          },
        });
        void exited.then(() => {
          clearTimeout(timer);
          reject(new Error(`the store child exited before printing ${JSON.stringify(prefix)}; stderr:\n${errors}`));
        });
      });
    },
  };
}
