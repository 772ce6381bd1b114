import { writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { CliIo } from './cliIo.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './cliIo.js';
import { parseCliArgs } from './parseCliArgs.js';
import { readSourceFiles } from './readSourceFiles.js';
import type { CatalogEntry } from '../runbook/checkCatalog.js';
import { checkCatalog } from '../runbook/checkCatalog.js';
import type { Problem } from '../runbook/problem.js';
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

function problemLine(p: Problem): string {
  return `${p.file}:${p.line}:${p.column}: ${p.message} [${p.rule}]\n`;
}

/** Runbook ids never hold `.` or `/`, so anything that does is a path. */
function isPath(target: string): boolean {
  return /[./\\]/.test(target);
}

type Found = { entry: CatalogEntry<Runbook>; problems: Problem[] } | { error: string; problems: Problem[] };

async function findRunbook(options: Options, cwd: string): Promise<Found> {
  const byPath = isPath(options.target);
  const read = await readSourceFiles([byPath ? options.target : options.runbooks], cwd);
  // Looking up an id, an unreadable neighbour does not matter unless nothing could be read.
  if (read.problems.length > 0 && (byPath || read.files.length === 0)) return { error: '', problems: read.problems };
  const catalog = checkCatalog(read.files);
  const problemsOf = (file: string): Problem[] => catalog.problems.filter((p) => p.file === file);

  if (byPath) {
    const [entry, ...more] = catalog.runbooks;
    if (entry === undefined) return { error: `'${options.target}' holds no runbook (test files cannot be graphed); pass the runbook itself`, problems: [] };
    if (more.length > 0) return { error: `'${options.target}' holds ${catalog.runbooks.length} runbooks; pass one runbook file, or an id with --runbooks ${options.target}`, problems: [] };
    return { entry, problems: problemsOf(entry.file) };
  }

  const matches = catalog.runbooks.filter((e) => e.value?.id === options.target);
  const [entry, ...more] = matches;
  if (entry === undefined) {
    const ids = [...new Set(catalog.runbooks.flatMap((e) => (e.value ? [e.value.id] : [])))].sort();
    const unreadable = catalog.runbooks.filter((e) => !e.value).length;
    const known = ids.length === 0 ? 'It holds no valid runbook.' : `Known ids: ${ids.join(', ')}.`;
    const broken = unreadable === 0 ? '' : ` ${unreadable} file${unreadable === 1 ? '' : 's'} could not be loaded; run 'runpath validate ${options.runbooks}' to see why.`;
    return { error: `no runbook with id '${options.target}' in ${options.runbooks}. ${known}${broken}`, problems: [] };
  }
  if (more.length > 0) {
    return { error: `runbook id '${options.target}' is defined in ${matches.length} files (${matches.map((e) => e.file).join(', ')}); pass the file path instead`, problems: [] };
  }
  return { entry, problems: problemsOf(entry.file) };
}

/** `runpath graph`: print one runbook as Mermaid or DOT. Exit 0, 1 on an unknown or broken runbook, 2 on usage. */
export async function graphCommand(args: string[], io: CliIo): Promise<number> {
  const options = parseOptions(args);
  if (options === 'help') {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const found = await findRunbook(options, io.cwd);
  const errors = found.problems.filter((p) => p.severity === 'error');
  for (const p of errors) io.stderr(problemLine(p));
  if ('error' in found) {
    if (found.error !== '') io.stderr(`runpath graph: ${found.error}\n`);
    return EXIT_PROBLEMS;
  }
  const runbook = found.entry.value;
  if (errors.length > 0 || runbook === undefined) {
    const count = errors.length === 1 ? '1 error' : `${errors.length} errors`;
    io.stderr(`runpath graph: ${found.entry.file} has ${count}; fix it before graphing (details: runpath validate ${found.entry.file})\n`);
    return EXIT_PROBLEMS;
  }

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
