// `runpath serve --demo` as a child process, for the scripts and benches that drive a real server
// (bench/ui, scripts/take-screenshots.js): a free port, a data dir of the caller's, the first
// admin's token read from the banner, and a graceful stop.

import { spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** Starts the demo server on `dataDir` (a fresh one: the admin token is printed on the first start only). */
export async function startDemoServer(dataDir) {
  const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'runpath.js'), 'serve', '--demo', '--port', '0', '--data', dataDir, '--log-level', 'warn'],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise((resolve) => { child.on('close', resolve); });
  const url = await new Promise((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`runpath serve did not start within 15 s:\n${output}`)); }, 15_000);
    child.stdout.on('data', (chunk) => {
      output += chunk;
      const match = /^runpath serving on (http:\/\/\S+)$/m.exec(output);
      if (match && output.includes('Add users with')) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk) => { output += chunk; });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`runpath serve exited before listening:\n${output}`));
    });
  });
  const token = /^\s+(rpt_\S+)\s*$/m.exec(output)?.[1];
  if (!token) throw new Error(`no admin token in the banner:\n${output}`);
  return {
    url,
    token,
    stop: async () => {
      child.kill('SIGTERM');
      await exited;
    },
  };
}
