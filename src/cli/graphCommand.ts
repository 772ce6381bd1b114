import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from './cliIo.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './cliIo.js';
import { parseCliArgs } from './parseCliArgs.js';
import { loadOneRunbook, problemLine } from './loadOneRunbook.js';
import type { Runbook } from '../runbook/types.js';
import { toDot } from '../runbook/graph/toDot.js';
import { toMermaid } from '../runbook/graph/toMermaid.js';

const HELP = `usage: runpath graph <runbook-file-or-id> [--format mermaid|dot] [--runbooks dir] [--output file]

Prints a runbook's decision tree as a Mermaid flowchart or a Graphviz DOT digraph,
with branches labelled by their conditions. The argument is a runbook file
(runbooks/checkout-5xx.yaml) or a runbook id (checkout-5xx) looked up in --runbooks.

options:
  -f, --format mermaid|dot   output language (default: mermaid; dot when --output ends in .dot or .gv)
      --runbooks <dir>       folder to look a runbook id up in (default: runbooks)
  -o, --output <file>        write to this file instead of stdout
  -h, --help                 show this help

examples:
  runpath graph checkout-5xx > checkout-5xx.mmd
  runpath graph runbooks/checkout-5xx.yaml --format dot | dot -Tsvg > checkout-5xx.svg
`;

type Format = 'mermaid' | 'dot';
const RENDER: Record<Format, (runbook: Runbook) => string> = { mermaid: toMermaid, dot: toDot };

interface Options {
  target: string;
  format: Format;
  runbooks: string;
  output?: string;
}

function parseOptions(args: string[]): Options | 'help' {
  const parsed = parseCliArgs(args, {
    format: { type: 'string', short: 'f' },
    runbooks: { type: 'string' },
    output: { type: 'string', short: 'o' },
    help: { type: 'boolean', short: 'h' },
  });
  const { values, positionals } = parsed;
  if (values.help === true) return 'help';
  const [target, ...extra] = positionals;
  if (target === undefined) throw new UsageError('missing the runbook: pass a runbook file or id, e.g. runpath graph checkout-5xx');
  if (extra.length > 0) throw new UsageError(`expected one runbook, got ${positionals.length}: ${positionals.join(' ')}`);
  const format = values.format ?? (values.output !== undefined && /\.(dot|gv)$/i.test(values.output) ? 'dot' : 'mermaid');
  if (format !== 'mermaid' && format !== 'dot') throw new UsageError(`unknown format '${format}': use --format mermaid or --format dot`);
  return { target, format, runbooks: values.runbooks ?? 'runbooks', ...(values.output === undefined ? {} : { output: values.output }) };
}

/** `runpath graph`: print one runbook as Mermaid or DOT. Exit 0, 1 on an unknown or broken runbook, 2 on usage. */
export async function graphCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args);
  if (options === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const found = await loadOneRunbook(options.target, options.runbooks, io.cwd, 'graphed');
  if (!('runbook' in found)) {
    for (const p of found.problems) io.stderr(problemLine(p));
    if (found.error !== undefined) io.stderr(`runpath graph: ${found.error}\n`);
    return EXIT_PROBLEMS;
  }
  const { runbook } = found;

  const text = RENDER[options.format](runbook);
  if (options.output === undefined) {
    io.stdout(text);
    return EXIT_OK;
  }
  try {
    await writeFile(path.resolve(io.cwd, options.output), text, 'utf8');
  } catch (err) {
    io.stderr(`runpath graph: cannot write '${options.output}': ${err instanceof Error ? err.message : String(err)}\n`);
    return EXIT_PROBLEMS;
  }
  return EXIT_OK;
}
