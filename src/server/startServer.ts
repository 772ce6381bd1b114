import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { LowdbEventStore } from '../store/lowdbEventStore.js';
import { assembleServer, type AssembledServer } from './assembleServer.js';
import { UserDirectory } from './auth/userDirectory.js';
import { ensureFirstAdmin, usersFilePath } from './auth/usersFile.js';
import type { Logger } from './createLogger.js';
import { loadDemoScenarios, loadServerRunbooks } from './loadServerRunbooks.js';
import { SessionsFile } from './auth/sessionsFile.js';
import { defaultWebDir } from './http/webRoutes.js';
import { attachRealtime, type Realtime } from './realtime/attachRealtime.js';
import { socketAuthenticator, socketCredentialsLive } from './realtime/socketAuthenticator.js';
import { sourcesFactory } from './sourcesFactory.js';

export interface StartServerOptions {
  port: number;
  host: string;
  /** The data dir: the event store's files, the users file, the lock. */
  dataDir: string;
  runbooksDir: string;
  /** Whether the runbooks folder was named (then a missing one is an error, not a warning). */
  runbooksGiven: boolean;
  /** Demo: fixture scenarios from this folder answer the checks of the runbooks they fit. */
  scenariosDir?: string;
  sourceOverrides: Readonly<Record<string, string>>;
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  logger: Logger;
  /** Cut torn/corrupt logs back (with backups) instead of refusing to start. */
  repair?: boolean;
  trustProxy?: boolean;
  /** How long shutdown waits for open connections before cutting them (default 10 s). */
  shutdownGraceMs?: number;
  /** The bundled browser client (default dist/web of this package). */
  webDir?: string;
}

export interface RunningServer {
  url: string;
  port: number;
  dataDir: string;
  /** Set on the first start on this data dir: the admin's token, to show once. */
  firstAdminToken?: string;
  runbooks: number;
  demoScenarios: number;
  assembled: AssembledServer;
  /** Graceful stop: stop accepting, finish requests and appends under way, close the store, release the lock. */
  close(): Promise<void>;
}

/** A start that cannot go on (a runbooks folder that is not there, a port in use); the message says what to do. */
export class StartError extends Error {
  override readonly name = 'StartError';
}

/** Opens the data dir, loads users and runbooks, and serves the API and the realtime gateway. */
export async function startServer(options: StartServerOptions): Promise<RunningServer> {
  const { logger } = options;
  const dataDir = path.resolve(options.cwd, options.dataDir);
  const notice = (message: string): void => {
    logger.warn({ dataDir }, message);
  };

  const runbooks = await loadServerRunbooks(options.runbooksDir, options.cwd);
  if (runbooks.missing && options.runbooksGiven) throw new StartError(runbooks.skipped.join('\n'));
  for (const line of runbooks.skipped) logger.warn(line);
  const demo = options.scenariosDir === undefined ? undefined : await loadDemoScenarios(options.scenariosDir, runbooks.catalog, options.cwd);
  for (const line of demo?.skipped ?? []) logger.warn(line);

  const store = await LowdbEventStore.open({ dataDir, repair: options.repair ?? false, onNotice: notice });
  let http: HttpServer | undefined;
  let realtime: Realtime | undefined;
  try {
    const first = await ensureFirstAdmin(dataDir, new Date().toISOString());
    const users = await UserDirectory.open(usersFilePath(dataDir), (error) => {
      logger.error({ err: error }, 'the users file changed and cannot be read; the users read before stay in effect');
    });
    const sessionsFile = new SessionsFile(dataDir);
    const assembled = assembleServer({
      store,
      runbooks: runbooks.catalog,
      sources: sourcesFactory({ overrides: options.sourceOverrides, env: options.env, ...(demo ? { scenarios: demo.scenarios } : {}) }),
      users,
      logger,
      sessions: { initial: await sessionsFile.read(notice), save: (sessions) => sessionsFile.write(sessions) },
      webDir: options.webDir ?? defaultWebDir(),
      ...(options.trustProxy === undefined ? {} : { trustProxy: options.trustProxy }),
    });
    http = createServer(assembled.app);
    realtime = attachRealtime(http, {
      service: assembled.service,
      authenticate: socketAuthenticator(assembled.auth),
      logger,
      metrics: { connectedSockets: assembled.metrics.connectedSockets },
      onSessionEnd: (listener) => assembled.auth.sessions.onEnd(listener),
      stillValid: socketCredentialsLive(assembled.auth),
    });
    const address = await listen(http, options.port, options.host);
    const shown = address.family === 'IPv6' ? `[${address.address}]` : address.address;
    const running: RunningServer = {
      url: `http://${shown}:${address.port}`,
      port: address.port,
      dataDir,
      runbooks: runbooks.catalog.runbooks.size,
      demoScenarios: demo?.scenarios.size ?? 0,
      assembled,
      close: once(() => stop({ http: http as HttpServer, realtime: realtime as Realtime, assembled, store, logger, graceMs: options.shutdownGraceMs ?? 10_000 })),
    };
    if (first) running.firstAdminToken = first.token;
    logger.info({ url: running.url, dataDir, runbooks: running.runbooks, demoScenarios: running.demoScenarios }, 'server listening');
    return running;
  } catch (error) {
    realtime?.close();
    if (http?.listening) await new Promise((resolve) => http?.close(resolve));
    await store.close();
    throw error;
  }
}

function listen(http: HttpServer, port: number, host: string): Promise<AddressInfo> {
  return new Promise((resolve, reject) => {
    const failed = (error: NodeJS.ErrnoException): void => {
      const why =
        error.code === 'EADDRINUSE'
          ? `port ${port} on ${host} is in use; stop what uses it or pick another port with --port`
          : error.code === 'EACCES'
            ? `not allowed to listen on port ${port}; use a port above 1023 with --port`
            : error.code === 'EADDRNOTAVAIL' || error.code === 'ENOTFOUND'
              ? `cannot listen on host ${host}: this machine has no such address; use --host 127.0.0.1 or 0.0.0.0`
              : `cannot listen on ${host}:${port}: ${error.message}`;
      reject(new StartError(why));
    };
    http.once('error', failed);
    http.listen(port, host, () => {
      http.off('error', failed);
      resolve(http.address() as AddressInfo);
    });
  });
}

interface StopParts {
  http: HttpServer;
  realtime: Realtime;
  assembled: AssembledServer;
  store: LowdbEventStore;
  logger: Logger;
  graceMs: number;
}

async function stop({ http, realtime, assembled, store, logger, graceMs }: StopParts): Promise<void> {
  logger.info('shutting down: no new connections; finishing the requests under way');
  assembled.stopping();
  realtime.close();
  const closed = new Promise<void>((resolve) => http.close(() => { resolve(); }));
  // Keep-alive connections would hold close() open: close each once it is idle; busy ones finish their request first.
  const sweep = setInterval(() => { http.closeIdleConnections(); }, 25);
  await assembled.service.close();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => { resolve('late'); }, graceMs);
    timer.unref();
  });
  if ((await Promise.race([closed, late])) === 'late') {
    logger.warn({ graceMs }, 'connections still open after the grace period; closing them');
    http.closeAllConnections();
    await closed;
  }
  clearTimeout(timer);
  clearInterval(sweep);
  await store.close();
  logger.info('stopped: every acknowledged event is on disk and the data dir is unlocked');
}

function once(run: () => Promise<void>): () => Promise<void> {
  let running: Promise<void> | undefined;
  return () => (running ??= run());
}
