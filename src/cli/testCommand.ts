import { stat } from 'node:fs/promises';
import path from 'node:path';
import { runTestSuite, siblingRunbookFiles } from '../engine/runTestSuite.js';
import type { TestRunReport } from '../engine/testRunReport.js';
import type { Catalog, SourceFile } from '../runbook/checkCatalog.js';
import { checkCatalog, isTestFile } from '../runbook/checkCatalog.js';
import type { Problem } from '../runbook/problem.js';
import { fileProblem } from '../runbook/problem.js';
import type { CliIo } from './cliIo.js';
import { EXIT_OK, EXIT_PROBLEMS, UsageError } from './cliIo.js';
import { parseCliArgs } from './parseCliArgs.js';
import { shouldUseColor } from './format/shouldUseColor.js';
import { testReportJson } from './format/testReportJson.js';
import { testReportJunit } from './format/testReportJunit.js';
import { testReportText } from './format/testReportText.js';
import { readSourceFiles } from './readSourceFiles.js';

const HELP = `usage: runpath test [paths...] [options]

Runs every *.test.yaml case against its runbook (the runbook named by runbook:, else the sibling
<name>.yaml) with the walk engine the server uses, then reports which branches no case takes.
Paths are files or folders (searched recursively); default: runbooks/.

options:
      --run <regex>        only run cases whose name matches (JavaScript regular expression)
  -f, --format <name>      text (default), json or junit
      --require-coverage   fail when an outlet (branch, default, on_no_data, on_error, answer,
                           done, skipped) of a tested runbook is never taken
  -h, --help               show this help

exit status: 0 all cases pass, 1 failures (or uncovered outlets with --require-coverage), 2 usage error.
`;

type Format = 'text' | 'json' | 'junit';
const FORMATS: readonly Format[] = ['text', 'json', 'junit'];

interface TestFlags {
  paths: string[];
  run?: RegExp;
  format: Format;
  requireCoverage: boolean;
  help: boolean;
}

function parseFlags(args: string[]): TestFlags {
  const parsed = parseCliArgs(args, {
    run: { type: 'string' },
    format: { type: 'string', short: 'f', default: 'text' },
    'require-coverage': { type: 'boolean', default: false },
    help: { type: 'boolean', short: 'h', default: false },
  });
  const { values, positionals } = parsed;
  const format = FORMATS.find((f) => f === values.format);
  if (!format) throw new UsageError(`unknown format '${values.format}'; use one of: ${FORMATS.join(', ')}`);
  let run: RegExp | undefined;
  if (values.run !== undefined) {
    try {
      run = new RegExp(values.run, 'u');
    } catch (err) {
      throw new UsageError(`--run '${values.run}' is not a valid regular expression: ${err instanceof Error ? err.message : String(err)}`);
    }
  }
  return { paths: positionals, format, requireCoverage: values['require-coverage'], help: values.help, ...(run ? { run } : {}) };
}

async function exists(file: string, cwd: string): Promise<boolean> {
  try {
    await stat(path.resolve(cwd, file));
    return true;
  } catch {
    return false;
  }
}

/**
 * Runbooks the test files need but the given paths left out (`runpath test runbooks/x.test.yaml`):
 * the sibling `<name>.yaml`, or for `runbook: <id>` the test file's folder.
 */
async function neededRunbookPaths(catalog: Catalog, cwd: string): Promise<string[]> {
  const have = new Set(catalog.runbooks.map((r) => r.file));
  const ids = new Set(catalog.runbooks.flatMap((r) => (r.value ? [r.value.id] : [])));
  const needed = new Set<string>();
  for (const test of catalog.tests) {
    if (!test.value) continue;
    const id = test.value.runbook;
    if (id !== undefined) {
      if (!ids.has(id)) needed.add(path.posix.dirname(test.file));
      continue;
    }
    const siblings = siblingRunbookFiles(test.file);
    if (siblings.some((s) => have.has(s))) continue;
    for (const s of siblings) if (await exists(s, cwd)) needed.add(s);
  }
  return [...needed];
}

async function buildReport(flags: TestFlags, cwd: string): Promise<TestRunReport> {
  const read = await readSourceFiles(flags.paths, cwd);
  let files: SourceFile[] = read.files;
  let catalog = checkCatalog(files);
  const requested = new Set(catalog.runbooks.map((r) => r.file));
  const extra = await neededRunbookPaths(catalog, cwd);
  if (extra.length > 0) {
    const more = await readSourceFiles(extra, cwd);
    const known = new Set(files.map((f) => f.file));
    files = [...files, ...more.files.filter((f) => !isTestFile(f.file) && !known.has(f.file))];
    catalog = checkCatalog(files);
  }
  const problems: Problem[] = [...read.problems];
  if (catalog.tests.length === 0 && read.problems.length === 0) {
    const where = flags.paths.length > 0 ? flags.paths.join(', ') : 'runbooks';
    problems.push(fileProblem(flags.paths[0] ?? 'runbooks', 'no-tests',
      `no *.test.yaml files in ${where}; add a test file beside each runbook (e.g. checkout-5xx.test.yaml next to checkout-5xx.yaml)`));
  }
  return runTestSuite(catalog, { requested, problems, ...(flags.run ? { run: flags.run } : {}) });
}

export async function testCommand(args: string[], io: CliIo): Promise<number> {
  const flags = parseFlags(args);
  if (flags.help) {
    io.stdout(HELP);
    return EXIT_OK;
  }
  const report = await buildReport(flags, io.cwd);
  const { requireCoverage } = flags;
  const ran = report.files.reduce((n, f) => n + f.cases.length, 0);
  // A filter that selects nothing must not pass silently.
  if (flags.run && ran === 0 && report.totals.filtered > 0) {
    report.problems.push(fileProblem(flags.paths[0] ?? 'runbooks', 'no-matching-case',
      `--run '${flags.run.source}' matches none of the ${report.totals.filtered} cases; check the pattern (it is a regular expression on case names)`));
    report.totals.failed++;
  }
  switch (flags.format) {
    case 'text':
      io.stdout(testReportText(report, { color: shouldUseColor(io), requireCoverage }));
      break;
    case 'json':
      io.stdout(testReportJson(report, { requireCoverage }));
      break;
    case 'junit':
      io.stdout(testReportJunit(report, { requireCoverage }));
      break;
  }
  const uncovered = report.totals.outlets - report.totals.covered;
  return report.totals.failed > 0 || (requireCoverage && uncovered > 0) ? EXIT_PROBLEMS : EXIT_OK;
}
