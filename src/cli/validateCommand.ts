import { readFile } from 'node:fs/promises';
import { RULES } from '../runbook/lint/ruleCatalog.js';
import type { Severity } from '../runbook/problem.js';
import { compareProblems } from '../runbook/problem.js';
import type { CliIo } from './cliIo.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './cliIo.js';
import { parseCliArgs } from './parseCliArgs.js';
import { formatGithub } from './format/formatGithub.js';
import { formatJson } from './format/formatJson.js';
import { formatJunit } from './format/formatJunit.js';
import { formatSarif } from './format/formatSarif.js';
import { formatText } from './format/formatText.js';
import { plural } from './format/plural.js';
import { shouldUseColor } from './format/shouldUseColor.js';
import type { FormatOptions, Formatter, ValidateResult } from './format/validateResult.js';
import { failsAt } from './format/validateResult.js';
import { readSourceFiles } from './readSourceFiles.js';
import { checkFilesInParallel } from './validateInWorkers.js';
import { usePrecompiledSchemas } from './usePrecompiledSchemas.js';

// A Map, not an object: `--format constructor` must not find Object.prototype.constructor.
const FORMATS = new Map<string, Formatter>([
  ['text', formatText],
  ['json', formatJson],
  ['github', formatGithub],
  ['junit', formatJunit],
  ['sarif', formatSarif],
]);
const FAIL_LEVELS: readonly Severity[] = ['error', 'warning'];

const HELP = `usage: runpath validate [paths...] [options]

Checks runbooks and their *.test.yaml files: YAML safety, the JSON schema, graph lint rules and
PromQL syntax. Paths are files or folders (searched recursively for .yaml/.yml); default: runbooks/.

options:
  -f, --format <name>     text (default), json, github, junit or sarif
      --fail-on <level>   error (default) or warning: the lowest severity that fails the run
      --quiet             report errors only (warnings still count toward --fail-on warning)
  -h, --help              show this help

exit status: 0 no problem at or above --fail-on, 1 problems, 2 usage error.
`;

interface ValidateFlags {
  paths: string[];
  format: Formatter;
  failOn: Severity;
  quiet: boolean;
  help: boolean;
}

export async function validateCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args);
  if (flags.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const read = await readSourceFiles(flags.paths, io.cwd);
  await usePrecompiledSchemas();
  const checked = await withPlainEnv(() => checkFilesInParallel(read.files));
  const problems = [...read.problems, ...checked].sort(compareProblems);
  const shown = flags.quiet ? problems.filter((p) => p.severity === 'error') : problems;
  const result: ValidateResult = { files: read.files.length, problems: shown, texts: new Map(read.files.map((f) => [f.file, f.text])) };
  const options: FormatOptions = { color: shouldUseColor(io), failOn: flags.failOn, tool: await toolInfo(), rules: RULES };
  io.stdout(flags.format(result, options));
  const failing = problems.filter((p) => failsAt(p.severity, flags.failOn));
  const hidden = failing.length - shown.filter((p) => failsAt(p.severity, flags.failOn)).length;
  // Otherwise a run could print "no problems" and still exit 1.
  if (hidden > 0) io.stderr(`runpath validate: ${plural(hidden, 'warning')} hidden by --quiet fail the run under --fail-on warning\n`);
  return failing.length > 0 ? EXIT_PROBLEMS : EXIT_OK;
}

/**
 * Runs `fn` with `process.env` swapped for a plain copy. The `yaml` parser reads
 * `process.env.LOG_TOKENS` once per token, and each read of the real `process.env` is a call into
 * native code: about a tenth of the time on a large catalog.
 */
async function withPlainEnv<T>(fn: () => Promise<T>): Promise<T> {
  const real = process.env;
  process.env = { ...real };
  try {
    return await fn();
  } finally {
    process.env = real;
  }
}

function parseFlags(args: string[]): ValidateFlags {
  const parsed = parseCliArgs(args, {
    format: { type: 'string', short: 'f', default: 'text' },
    'fail-on': { type: 'string', default: 'error' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const { values, positionals } = parsed;
  const format = FORMATS.get(values.format);
  if (!format) throw new UsageError(`unknown format '${values.format}'; use one of: ${[...FORMATS.keys()].join(', ')}`);
  const failOn = FAIL_LEVELS.find((level) => level === values['fail-on']);
  if (!failOn) throw new UsageError(`unknown --fail-on level '${values['fail-on']}'; use error or warning`);
  return { paths: positionals, format, failOn, quiet: values.quiet, help: values.help };
}

// SARIF names the tool; package.json is the one place its version and home page are kept. It sits two
// folders up from src/cli/ and three from the compiled dist/src/cli/.
const PACKAGE_JSON = ['../../package.json', '../../../package.json'];

async function toolInfo(): Promise<FormatOptions['tool']> {
  for (const candidate of PACKAGE_JSON) {
    let pkg: { name?: unknown; version?: unknown; homepage?: unknown; repository?: unknown };
    try {
      pkg = JSON.parse(await readFile(new URL(candidate, import.meta.url), 'utf8')) as typeof pkg;
    } catch {
      continue;
    }
    if (pkg.name !== 'runpath') continue;
    const version = typeof pkg.version === 'string' ? pkg.version : '0.0.0';
    const repository = typeof pkg.repository === 'object' && pkg.repository !== null && 'url' in pkg.repository ? pkg.repository.url : pkg.repository;
    const uri = [pkg.homepage, repository].find((u): u is string => typeof u === 'string' && /^https?:\/\//.test(u));
    return { name: 'runpath', version, ...(uri === undefined ? {} : { informationUri: uri }) };
  }
  return { name: 'runpath', version: '0.0.0' };
}
