import type { CliIo } from './cliIo.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './cliIo.js';
import { parseCliArgs } from './parseCliArgs.js';
import { UsersFileError } from '../server/auth/usersFile.js';
import { createLogger, type Logger } from '../server/createLogger.js';
import { StartError, startServer, type RunningServer } from '../server/startServer.js';
import { CorruptDataError, DataDirLockedError } from '../store/storeErrors.js';

const HELP = `usage: runpath serve [options]

Serves the incident API (HTTP, JSON) and the live timeline (socket.io) on one port, keeping
incidents as event logs in the data dir. On the first start on a data dir it creates the user
admin and prints its API token once; add more users with runpath user add.

options:
  -p, --port <n>              port (default: 8080; 0 picks a free one)
      --host <address>        address to listen on (default: 127.0.0.1; 0.0.0.0 for every interface)
  -d, --data <dir>            data dir: incident logs, users, lock (default: ./data)
  -r, --runbooks <dir>        runbooks to walk (default: ./runbooks); ones with errors are left out
      --demo                  answer checks from fixture scenarios instead of Prometheus, so a
                              walk works with no metrics backend
      --scenarios <dir>       where the demo's *.scenario.yaml files are (default: demo/scenarios)
  -s, --source <name=url>     base URL of a prometheus source (repeatable); wins over
                              RUNPATH_SOURCE_<NAME>_URL and the runbook's url
      --repair                on a torn or corrupt data file, back it up and cut it to its last
                              whole record instead of refusing to start
      --trust-proxy           behind a reverse proxy: take the client address from X-Forwarded-For
                              (for the auth failure limit)
      --log-level <level>     trace, debug, info (default), warn, error
  -h, --help                  show this help

Credentials of Prometheus sources come from the environment only: RUNPATH_SOURCE_<NAME>_BEARER_TOKEN,
or RUNPATH_SOURCE_<NAME>_USERNAME and _PASSWORD.

Logs are JSON lines on stdout (pino). SIGTERM or SIGINT stops gracefully: no new connections, the
requests under way finish, every acknowledged event is on disk, the data dir is unlocked.

exit status: 0 stopped by a signal, 1 could not start (data dir in use or damaged, port taken…),
2 usage error.
`;

const LOG_LEVELS = ['trace', 'debug', 'info', 'warn', 'error', 'fatal', 'silent'];

/** What `serve` takes from the process, injectable so tests can run it in-process. */
export interface ServeDeps {
  /** Resolves when the server should stop (default: the first SIGTERM or SIGINT). */
  stopSignal?: Promise<string>;
  logger?: Logger;
  /** Told once the server listens (tests read the URL from it). */
  onListening?: (server: RunningServer) => void;
}

export interface ServeFlags {
  port: number;
  host: string;
  data: string;
  runbooks: string;
  runbooksGiven: boolean;
  demo: boolean;
  scenarios: string;
  sources: Record<string, string>;
  repair: boolean;
  trustProxy: boolean;
  logLevel: string;
}

export function parseServeFlags(args: string[]): ServeFlags | 'help' {
  const { values, positionals } = parseCliArgs(args, {
    port: { type: 'string', short: 'p' },
    host: { type: 'string' },
    data: { type: 'string', short: 'd' },
    runbooks: { type: 'string', short: 'r' },
    demo: { type: 'boolean' },
    scenarios: { type: 'string' },
    source: { type: 'string', short: 's', multiple: true },
    repair: { type: 'boolean' },
    'trust-proxy': { type: 'boolean' },
    'log-level': { type: 'string' },
    help: { type: 'boolean', short: 'h' },
  });
  if (values.help === true) return 'help';
  if (positionals.length > 0) throw new UsageError(`serve takes no arguments, only options; got '${positionals.join(' ')}'`);
  const portText = values.port ?? '8080';
  const port = /^\d{1,5}$/.test(portText) ? Number(portText) : Number.NaN;
  if (!(port >= 0 && port <= 65535)) throw new UsageError(`--port must be a number from 0 to 65535, not '${portText}'`);
  const sources: Record<string, string> = {};
  for (const pair of values.source ?? []) {
    const at = pair.indexOf('=');
    const name = pair.slice(0, at);
    const url = pair.slice(at + 1);
    if (at <= 0 || url === '') throw new UsageError(`--source takes name=url (e.g. --source prom=http://localhost:9090), not '${pair}'`);
    if (!/^https?:\/\//i.test(url)) throw new UsageError(`--source ${name}: '${url}' is not an http(s) URL`);
    sources[name] = url;
  }
  const logLevel = values['log-level'] ?? 'info';
  if (!LOG_LEVELS.includes(logLevel)) throw new UsageError(`--log-level must be one of ${LOG_LEVELS.join(', ')}, not '${logLevel}'`);
  return {
    port,
    host: values.host ?? '127.0.0.1',
    data: values.data ?? 'data',
    runbooks: values.runbooks ?? 'runbooks',
    runbooksGiven: values.runbooks !== undefined,
    demo: values.demo === true,
    scenarios: values.scenarios ?? 'demo/scenarios',
    sources,
    repair: values.repair === true,
    trustProxy: values['trust-proxy'] === true,
    logLevel,
  };
}

/** The first SIGTERM or SIGINT; a second one while stopping exits at once. */
function processStopSignal(): Promise<string> {
  return new Promise((resolve) => {
    const onSignal = (signal: string): void => {
      process.off('SIGTERM', onSignal);
      process.off('SIGINT', onSignal);
      const force = (): void => {
        process.stderr.write(`runpath serve: ${signal} again; exiting without finishing the shutdown\n`);
        process.exit(1);
      };
      process.once('SIGTERM', force);
      process.once('SIGINT', force);
      resolve(signal);
    };
    process.on('SIGTERM', onSignal);
    process.on('SIGINT', onSignal);
  });
}

function banner(server: RunningServer, flags: ServeFlags): string {
  const lines = [`runpath serving on ${server.url}`, `  data: ${server.dataDir}`, `  runbooks: ${server.runbooks} from ${flags.runbooks}`];
  if (flags.demo) lines.push(`  demo: fixture scenarios from ${flags.scenarios} answer the checks of ${server.demoScenarios} runbook(s); no Prometheus needed`);
  if (server.firstAdminToken !== undefined) {
    lines.push(
      '',
      'First start on this data dir: created the user admin. Its API token, shown only this once:',
      '',
      `  ${server.firstAdminToken}`,
      '',
      'Send it as Authorization: Bearer <token>, or sign in with it in the browser.',
      'Add users with: runpath user add <name> --role viewer|responder|commander|admin',
    );
  }
  return `${lines.join('\n')}\n`;
}

/** `runpath serve`: runs until SIGTERM/SIGINT, then stops gracefully. */
export async function serveCommand(args: string[], io: CliIo, deps: ServeDeps = {}): Promise<number> {
  const flags = parseServeFlags(args);
  if (flags === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const logger = deps.logger ?? createLogger({ level: flags.logLevel });
  const stopSignal = deps.stopSignal ?? processStopSignal();
  let server: RunningServer;
  try {
    server = await startServer({
      port: flags.port,
      host: flags.host,
      dataDir: flags.data,
      runbooksDir: flags.runbooks,
      runbooksGiven: flags.runbooksGiven,
      ...(flags.demo ? { scenariosDir: flags.scenarios } : {}),
      sourceOverrides: flags.sources,
      env: io.env,
      cwd: io.cwd,
      logger,
      repair: flags.repair,
      trustProxy: flags.trustProxy,
    });
  } catch (error) {
    if (error instanceof DataDirLockedError || error instanceof CorruptDataError || error instanceof StartError || error instanceof UsersFileError) {
      io.stderr(`runpath serve: ${error.message}\n`);
      return EXIT_PROBLEMS;
    }
    throw error;
  }
  io.stdout(banner(server, flags));
  deps.onListening?.(server);
  const signal = await stopSignal;
  logger.info({ signal }, 'stop requested');
  await server.close();
  return EXIT_OK;
}
