// A real `runpath serve --demo` process for the browser tests (or one whose Prometheus is down): its own temp data dir, a free port
// on 127.0.0.1, the first admin's token read from its banner, and kill -9 / restart on the same
// port and data dir (the page must find the server again at the URL it already has).
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { addUser } from '../../integration/server/serveProcess.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const BIN = path.join(ROOT, 'bin/runpath.js');
const WEB_INDEX = path.join(ROOT, 'dist/web/index.html');

export interface DemoServer {
  readonly url: string;
  readonly port: number;
  readonly dataDir: string;
  /** The first admin's API token (printed once, on the first start). */
  readonly adminToken: string;
  /** `runpath user add <name> --role <role>` on this data dir (the running server picks it up); its token. */
  addUser(name: string, role: 'viewer' | 'responder' | 'commander' | 'admin'): string;
  /** SIGKILL: no graceful close, the lock left behind. */
  kill9(): Promise<void>;
  /** Starts it again on the same port and data dir (after kill9 or stop). */
  restart(): Promise<void>;
  /** SIGTERM, then removes the data dir. */
  close(): Promise<void>;
  /** Everything the current process printed (for failure messages). */
  output(): string;
}

interface Running {
  child: ChildProcess;
  exited: Promise<void>;
  output: () => string;
  url: string;
}

/** The client must be built: without it every page test would fail for one reason, said once here. */
export function assertWebBuilt(): void {
  if (!existsSync(WEB_INDEX)) throw new Error(`the browser client is not built (no ${WEB_INDEX}); run \`npm run build\` first`);
  const index = readFileSync(WEB_INDEX, 'utf8');
  for (const asset of index.matchAll(/(?:src|href)="\/(assets\/[^"]+)"/g)) {
    const file = path.join(ROOT, 'dist/web', asset[1] ?? '');
    if (!existsSync(file)) throw new Error(`dist/web/index.html names ${asset[1] ?? '?'}, which is missing (a build under way?); run \`npm run build\` again`);
  }
}

export interface DemoServerOptions {
  /**
   * 'demo' (default): fixture scenarios answer every check. 'unreachable': no scenarios, and the
   * runbooks' `prom` source points at a closed port, so every check fails as with Prometheus down.
   */
  metrics?: 'demo' | 'unreachable';
}

async function launch(dataDir: string, port: number, options: DemoServerOptions): Promise<Running> {
  const metrics = options.metrics === 'unreachable' ? ['--source', 'prom=http://127.0.0.1:9'] : ['--demo'];
  const args = [BIN, 'serve', ...metrics, '--host', '127.0.0.1', '--port', String(port), '--data', dataDir, '--log-level', 'warn'];
  const child = spawn(process.execPath, args, { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const exited = new Promise<void>((resolve) => { child.on('close', () => { resolve(); }); });
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => { reject(new Error(`runpath serve --demo did not listen within 15 s:\n${output}`)); }, 15_000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString('utf8');
      const match = /^runpath serving on (http:\/\/\S+)$/m.exec(output);
      // The banner is one write; wait for its last line when it carries the first admin's token.
      if (match?.[1] !== undefined && (!output.includes('First start') || output.includes('Add users with'))) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.stderr.on('data', (chunk: Buffer) => { output += chunk.toString('utf8'); });
    void exited.then(() => {
      clearTimeout(timer);
      reject(new Error(`runpath serve --demo exited before listening:\n${output}`));
    });
  });
  return { child, exited, output: () => output, url };
}

/** Starts a demo server on a fresh temp data dir and a free port. */
export async function startDemoServer(options: DemoServerOptions = {}): Promise<DemoServer> {
  assertWebBuilt();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'runpath-e2e-'));
  let running = await launch(dataDir, 0, options);
  const token = /^\s+(rpt_\S+)\s*$/m.exec(running.output())?.[1];
  if (token === undefined) throw new Error(`no admin token in the first start's banner:\n${running.output()}`);
  const url = running.url;
  const port = Number(new URL(url).port);
  let alive = true;
  return {
    url,
    port,
    dataDir,
    adminToken: token,
    addUser: (name, role) => addUser(dataDir, name, role),
    kill9: async () => {
      running.child.kill('SIGKILL');
      await running.exited;
      alive = false;
    },
    restart: async () => {
      if (alive) throw new Error('restart: the server is still running; kill9 it first');
      running = await launch(dataDir, port, options);
      alive = true;
    },
    close: async () => {
      if (alive) {
        running.child.kill('SIGTERM');
        await running.exited;
        alive = false;
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
    output: () => running.output(),
  };
}
