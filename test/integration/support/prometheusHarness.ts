// A real Prometheus for integration tests: backfill deterministic OpenMetrics data with promtool,
// serve it on 127.0.0.1 at a free port, query it at explicit times, stop it by PID.
import { execFile, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { realPartAvailable } from '../../support/realPart.js';
import { freePort, stopChild, waitReady } from './childProcess.js';

export interface RunningPrometheus {
  /** Base URL, e.g. http://127.0.0.1:40123 */
  url: string;
  /** The temp dir holding data.om, the config, the TSDB and prometheus.log. */
  dataDir: string;
  pid: number;
  /** Stops the process (TERM, then KILL after 10 s) and removes dataDir. Safe to call twice. */
  stop(): Promise<void>;
}

export interface StartOptions {
  /** OpenMetrics text: timestamps in seconds, every sample timestamped, ending with `# EOF`. */
  openMetrics: string;
  /** How long to wait for /-/ready; default 30 s. */
  readyTimeoutMs?: number;
}

/** Newest data must be this far behind the clock, or promtool refuses/Prometheus' head overlaps it. */
const BACKFILL_MARGIN_SECONDS = 3 * 3600;

/** True when Debian's `prometheus` package (prometheus and promtool) is on PATH. */
export function hasPrometheus(): boolean {
  return realPartAvailable('prometheus') && realPartAvailable('promtool');
}

/**
 * A fixed evaluation base for one test file: 6 h before now, on the hour. Tests put their data
 * before it (up to a couple of hours after it at most) and query at explicit times around it.
 */
export function backfillBase(nowMs: number = Date.now()): number {
  return Math.floor((nowMs / 1000 - 6 * 3600) / 3600) * 3600;
}


function newestTimestamp(openMetrics: string): number {
  let newest = -Infinity;
  for (const line of openMetrics.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const t = Number(line.slice(line.lastIndexOf(' ') + 1));
    if (!Number.isFinite(t)) throw new Error(`OpenMetrics sample without a timestamp: ${line}`);
    newest = Math.max(newest, t);
  }
  return newest;
}

function checkOpenMetrics(openMetrics: string): void {
  if (!openMetrics.trimEnd().endsWith('# EOF')) throw new Error('OpenMetrics text must end with "# EOF"');
  const newest = newestTimestamp(openMetrics);
  if (newest > 1e11) throw new Error(`timestamp ${newest} looks like milliseconds; OpenMetrics wants seconds`);
  if (newest > Date.now() / 1000 - BACKFILL_MARGIN_SECONDS) {
    throw new Error(`data ends at ${new Date(newest * 1000).toISOString()}, less than 3 h before now; backfill only older data`);
  }
}

async function backfill(dir: string): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    execFile(
      'promtool',
      ['tsdb', 'create-blocks-from', 'openmetrics', 'data.om', './tsdb'],
      { cwd: dir, timeout: 120_000, maxBuffer: 16 * 1024 * 1024 },
      (error, _stdout, stderr) => {
        if (error) reject(new Error(`promtool backfill failed: ${error.message}\n${stderr.slice(-2000)}`));
        else resolve();
      },
    );
  });
}

function logTail(dir: string): string {
  try {
    return readFileSync(path.join(dir, 'prometheus.log'), 'utf8').slice(-3000);
  } catch {
    return '(no log)';
  }
}




function launch(dir: string, port: number): ChildProcess {
  const log = openSync(path.join(dir, 'prometheus.log'), 'a');
  try {
    return spawn(
      'prometheus',
      [
        '--config.file=config.yml',
        '--storage.tsdb.path=./tsdb',
        `--web.listen-address=127.0.0.1:${port}`,
        // Retention is measured from the newest block: it must cover the whole backfilled range.
        '--storage.tsdb.retention.time=100y',
      ],
      { cwd: dir, stdio: ['ignore', log, log] },
    );
  } finally {
    closeSync(log);
  }
}

/**
 * Backfills `openMetrics` into a fresh TSDB and serves it. Tries up to 3 ports (another process
 * may take a free port between our probe and Prometheus' bind). Throws with the log's tail.
 */
export async function startPrometheus(options: StartOptions): Promise<RunningPrometheus> {
  checkOpenMetrics(options.openMetrics);
  const dir = await mkdtemp(path.join(tmpdir(), 'runpath-prom-'));
  try {
    await writeFile(path.join(dir, 'data.om'), options.openMetrics);
    await writeFile(path.join(dir, 'config.yml'), 'global: {}\n');
    await backfill(dir);
    for (let attempt = 1; attempt <= 3; attempt++) {
      const port = await freePort();
      const url = `http://127.0.0.1:${port}`;
      const child = launch(dir, port);
      // Should the test process die without afterAll, take Prometheus down with it.
      const reap = (): void => {
        child.kill('SIGKILL');
      };
      process.once('exit', reap);
      if (await waitReady(url, child, options.readyTimeoutMs ?? 30_000)) {
        let stopped: Promise<void> | undefined;
        return {
          url,
          dataDir: dir,
          pid: child.pid ?? -1,
          stop: async () => {
            stopped ??= (async () => {
              await stopChild(child);
              process.off('exit', reap);
              await rm(dir, { recursive: true, force: true });
            })();
            return stopped;
          },
        };
      }
      await stopChild(child);
      process.off('exit', reap);
      const tail = logTail(dir);
      if (attempt < 3 && tail.includes('address already in use')) continue;
      throw new Error(`prometheus did not become ready on ${url}:\n${tail}`);
    }
    throw new Error('prometheus did not start');
  } catch (error) {
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
}
