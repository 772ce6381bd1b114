// A real Alertmanager (Debian's prometheus-alertmanager) for integration tests: a temp config whose
// one receiver is a webhook, served on 127.0.0.1 at a free port, alerts pushed to its own API,
// stopped by PID.
import { spawn, type ChildProcess } from 'node:child_process';
import { closeSync, openSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { freePort, stopChild, waitReady } from '../support/childProcess.js';

export const ALERTMANAGER = '/usr/bin/prometheus-alertmanager';

export interface RunningAlertmanager {
  url: string;
  dir: string;
  /** POST /api/v2/alerts: Alertmanager's own API, as Prometheus would push. */
  push(alerts: PushedAlert[]): Promise<void>;
  /** The log so far (for failure messages). */
  log(): string;
  /** TERM, then KILL after 10 s; removes the temp dir. Safe to call twice. */
  stop(): Promise<void>;
}

export interface PushedAlert {
  labels: Record<string, string>;
  annotations?: Record<string, string>;
  startsAt?: string;
  endsAt?: string;
  generatorURL?: string;
}

export interface AlertmanagerOptions {
  /** Where the webhook posts (the receiver's URL). */
  webhookUrl: string;
  /** The bearer token Alertmanager sends (written to a credentials_file, as the README documents). */
  token: string;
  groupBy: string[];
}



function config(options: AlertmanagerOptions, tokenFile: string): string {
  // JSON is YAML: no quoting surprises in URLs or paths.
  return JSON.stringify({
    route: { receiver: 'runpath', group_by: options.groupBy, group_wait: '1s', group_interval: '2s', repeat_interval: '1h' },
    receivers: [
      {
        name: 'runpath',
        webhook_configs: [{ url: options.webhookUrl, send_resolved: true, http_config: { authorization: { credentials_file: tokenFile } } }],
      },
    ],
  });
}


/** Starts Alertmanager with a webhook receiver (group_wait 1s, group_interval 2s, send_resolved); throws with its log. */
export async function startAlertmanager(options: AlertmanagerOptions): Promise<RunningAlertmanager> {
  const dir = await mkdtemp(path.join(tmpdir(), 'runpath-am-'));
  const tokenFile = path.join(dir, 'runpath-token');
  await writeFile(tokenFile, options.token, { mode: 0o600 });
  await writeFile(path.join(dir, 'am.yml'), config(options, tokenFile));
  const logFile = path.join(dir, 'alertmanager.log');
  const log = (): string => {
    try {
      return readFileSync(logFile, 'utf8').slice(-3000);
    } catch {
      return '(no log)';
    }
  };
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const fd = openSync(logFile, 'a');
  let child: ChildProcess;
  try {
    child = spawn(
      ALERTMANAGER,
      ['--config.file=am.yml', '--storage.path=./data', `--web.listen-address=127.0.0.1:${port}`, '--cluster.listen-address='],
      { cwd: dir, stdio: ['ignore', fd, fd] },
    );
  } finally {
    closeSync(fd);
  }
  const reap = (): void => {
    child.kill('SIGKILL');
  };
  process.once('exit', reap);
  let stopped: Promise<void> | undefined;
  const stop = (): Promise<void> => {
    stopped ??= (async () => {
      await stopChild(child);
      process.off('exit', reap);
      await rm(dir, { recursive: true, force: true });
    })();
    return stopped;
  };
  if (!(await waitReady(url, child, 20_000))) {
    const tail = log();
    await stop();
    throw new Error(`alertmanager did not become ready on ${url}:\n${tail}`);
  }
  const push = async (alerts: PushedAlert[]): Promise<void> => {
    const response = await fetch(`${url}/api/v2/alerts`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(alerts),
      signal: AbortSignal.timeout(5000),
    });
    if (!response.ok) throw new Error(`alertmanager refused the alerts: ${response.status} ${await response.text()}`);
    await response.body?.cancel();
  };
  return { url, dir, push, log, stop };
}
