import type { CliIo } from './cliIo.js';
import { EXIT_USAGE, UsageError } from './cliIo.js';

type Command = (args: string[], io: CliIo) => Promise<number>;

interface CommandEntry {
  summary: string;
  load: () => Promise<Command>;
}

// Loaded lazily so `runpath validate` does not pay for the server's imports.
const COMMANDS: Record<string, CommandEntry> = {
  validate: {
    summary: 'check runbooks: schema, graph lint, PromQL syntax',
    load: async () => (await import('./validateCommand.js')).validateCommand,
  },
  test: {
    summary: 'run *.test.yaml cases against their runbooks, with branch coverage',
    load: async () => (await import('./testCommand.js')).testCommand,
  },
  graph: {
    summary: 'print a runbook as Mermaid or Graphviz DOT',
    load: async () => (await import('./graphCommand.js')).graphCommand,
  },
  walk: {
    summary: 'walk a runbook against live metrics (or a scenario) from the terminal',
    load: async () => (await import('./walkCommand.js')).walkCommand,
  },
  serve: {
    summary: 'serve the incident API and live timeline (--demo: walks without Prometheus)',
    load: async () => (await import('./serveCommand.js')).serveCommand,
  },
  user: {
    summary: 'add a server user and print its API token once, or list the users',
    load: async () => (await import('./userCommand.js')).userCommand,
  },
};

function usage(): string {
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(10)} ${c.summary}`);
  return ['usage: runpath <command> [options]', '', 'commands:', ...lines, '', "Run 'runpath <command> --help' for a command's options."].join('\n') + '\n';
}

export function processIo(): CliIo {
  return {
    stdout: (t) => process.stdout.write(t),
    stderr: (t) => process.stderr.write(t),
    cwd: process.cwd(),
    env: process.env,
    interactive: process.stdin.isTTY && process.stdout.isTTY,
  };
}

export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    (name === undefined ? io.stderr : io.stdout)(usage());
    return name === undefined ? EXIT_USAGE : 0;
  }
  if (name === '--version') {
    io.stdout('runpath 0.1.0\n');
    return 0;
  }
  const entry = COMMANDS[name];
  if (!entry) {
    io.stderr(`runpath: unknown command '${name}'\n\n${usage()}`);
    return EXIT_USAGE;
  }
  try {
    const command = await entry.load();
    return await command(rest, io);
  } catch (err) {
    if (err instanceof UsageError) {
      io.stderr(`runpath ${name}: ${err.message}\nRun 'runpath ${name} --help' for usage.\n`);
      return EXIT_USAGE;
    }
    throw err;
  }
}
