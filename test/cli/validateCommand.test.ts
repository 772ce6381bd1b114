import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import type { CliIo } from '../../src/cli/cliIo.js';
import { main } from '../../src/cli/main.js';
import { validateCommand } from '../../src/cli/validateCommand.js';
import { RULES } from '../../src/runbook/lint/ruleCatalog.js';

const FIXTURES = fileURLToPath(new URL('../fixtures/validate/', import.meta.url));
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

interface Run { code: number; stdout: string; stderr: string }

async function run(args: string[], options: { cwd?: string; interactive?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    cwd: options.cwd ?? FIXTURES,
    env: options.env ?? {},
    interactive: options.interactive ?? false,
  };
  // Through main, so usage errors get their exit code 2 the way the binary does.
  const code = await main(['validate', ...args], io);
  return { code, stdout, stderr };
}

interface JsonReport { files: number; problems: Record<string, unknown>[] }

describe('runpath validate', () => {
  it('reports the error and the warning of a fixture as file:line:col with source carets, and exits 1', async () => {
    const { code, stdout } = await run(['mixed']);
    expect(code).toBe(1);
    expect(stdout).toMatch(/^mixed\/broken\.yaml:16:15: error: .*'dnoe'.* \[dangling-target\]$/m);
    expect(stdout).toContain("[dangling-target]\n   |\n16 |         next: dnoe\n   |               ^~~~\n");
    expect(stdout).toMatch(/^mixed\/broken\.yaml:23:3: warning: .*'orphan'.* \[unreachable-node\]$/m);
    expect(stdout.trimEnd().split('\n').at(-1)).toBe('✖ 2 problems (1 error, 1 warning) in 1 of 2 files');
  });

  it('exits 0 with a one-line summary on clean runbooks', async () => {
    const { code, stdout } = await run(['clean']);
    expect(code).toBe(0);
    expect(stdout).toBe('✓ 1 file checked, no problems\n');
  });

  it('prints the documented json: files checked and the six problem keys', async () => {
    const { code, stdout } = await run(['mixed', '--format', 'json']);
    expect(code).toBe(1);
    const report = JSON.parse(stdout) as JsonReport;
    expect(Object.keys(report)).toEqual(['files', 'problems']);
    expect(report.files).toBe(2);
    expect(report.problems).toHaveLength(2);
    for (const p of report.problems) expect(Object.keys(p)).toEqual(['file', 'line', 'column', 'severity', 'rule', 'message']);
    expect(report.problems[0]).toMatchObject({ file: 'mixed/broken.yaml', line: 16, column: 15, severity: 'error', rule: 'dangling-target' });
    expect(report.problems[1]).toMatchObject({ file: 'mixed/broken.yaml', line: 23, column: 3, severity: 'warning', rule: 'unreachable-node' });
  });

  it('prints github workflow commands', async () => {
    const { stdout } = await run(['mixed', '-f', 'github']);
    const lines = stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatch(/^::error file=mixed\/broken\.yaml,line=16,col=15,endLine=16,endColumn=19,title=dangling-target::/);
    expect(lines[1]).toMatch(/^::warning file=mixed\/broken\.yaml,line=23,col=3,endLine=23,endColumn=9,title=unreachable-node::/);
  });

  it('prints junit with a passing testcase for the clean file', async () => {
    const { stdout } = await run(['mixed', '--format=junit']);
    expect(stdout).toContain('<testsuites name="runpath validate" tests="3" failures="1"');
    expect(stdout).toContain('<testcase classname="mixed/fine" name="no problems" file="mixed/fine.yaml" time="0"/>');
  });

  it('prints sarif whose rules come from the rule catalog', async () => {
    const { stdout } = await run(['mixed', '--format', 'sarif']);
    const log = JSON.parse(stdout) as { version: string; runs: { tool: { driver: { name: string; version: string; rules: { id: string; shortDescription: { text: string }; help: { text: string } }[] } }; results: unknown[] }[] };
    expect(log.version).toBe('2.1.0');
    const driver = log.runs[0]?.tool.driver;
    expect(driver?.name).toBe('runpath');
    expect(driver?.version).toMatch(/^\d+\.\d+\.\d+/);
    expect(driver?.rules.find((r) => r.id === 'dangling-target')).toEqual({
      id: 'dangling-target',
      shortDescription: { text: RULES['dangling-target'].description },
      help: { text: RULES['dangling-target'].help },
      defaultConfiguration: { level: 'error' },
    });
    expect(log.runs[0]?.results).toHaveLength(2);
  });

  describe('exit codes and --fail-on', () => {
    it('passes a warning-only run by default and fails it under --fail-on warning', async () => {
      expect((await run(['warning-only'])).code).toBe(0);
      expect((await run(['warning-only', '--fail-on', 'warning'])).code).toBe(1);
      expect((await run(['warning-only', '--fail-on', 'error'])).code).toBe(0);
    });

    it('--quiet reports errors only, but hidden warnings still fail under --fail-on warning, and it says so', async () => {
      const quiet = await run(['warning-only', '--quiet']);
      expect(quiet.code).toBe(0);
      expect(quiet.stdout).toBe('✓ 1 file checked, no problems\n');
      const strict = await run(['warning-only', '--quiet', '--fail-on', 'warning']);
      expect(strict.code).toBe(1);
      expect(strict.stderr).toContain('1 warning hidden by --quiet fail the run under --fail-on warning');
      const mixed = await run(['mixed', '--quiet', '--format', 'json']);
      expect((JSON.parse(mixed.stdout) as JsonReport).problems.map((p) => p['rule'])).toEqual(['dangling-target']);
    });

    it('exits 2 on an unknown flag, an unknown format or fail level, naming the valid values', async () => {
      const flag = await run(['--bogus']);
      expect(flag.code).toBe(2);
      expect(flag.stderr).toContain("Unknown option '--bogus'");
      const format = await run(['--format', 'xml']);
      expect(format.code).toBe(2);
      expect(format.stderr).toContain("unknown format 'xml'; use one of: text, json, github, junit, sarif");
      expect((await run(['--format', 'constructor'])).code).toBe(2);
      const level = await run(['--fail-on', 'info']);
      expect(level.code).toBe(2);
      expect(level.stderr).toContain("unknown --fail-on level 'info'");
      expect((await run(['--format'])).code).toBe(2);
    });

    it('--help prints the flags and exits 0', async () => {
      const help = await run(['--help']);
      expect(help.code).toBe(0);
      for (const flag of ['--format', '--fail-on', '--quiet']) expect(help.stdout).toContain(flag);
    });
  });

  describe('paths', () => {
    let cwd = '';
    beforeAll(async () => {
      cwd = await mkdtemp(path.join(tmpdir(), 'runpath-validate-'));
    });
    afterAll(async () => {
      await rm(cwd, { recursive: true, force: true });
    });

    it('fails with no-runbooks when there is no runbooks/ folder and no path is given: never a silent pass', async () => {
      const { code, stdout } = await run(['--format', 'json'], { cwd });
      expect(code).toBe(1);
      const report = JSON.parse(stdout) as JsonReport;
      expect(report.files).toBe(0);
      expect(report.problems).toEqual([expect.objectContaining({ file: 'runbooks', rule: 'no-runbooks', severity: 'error' })]);
    });

    it('checks runbooks/ by default', async () => {
      await cp(path.join(FIXTURES, 'clean'), path.join(cwd, 'runbooks'), { recursive: true });
      const { code, stdout } = await run([], { cwd });
      expect(code).toBe(0);
      expect(stdout).toBe('✓ 1 file checked, no problems\n');
    });

    it('fails a missing path with no-runbooks even when other paths are fine', async () => {
      const { code, stdout } = await run(['clean', 'no-such-folder']);
      expect(code).toBe(1);
      expect(stdout).toMatch(/^no-such-folder:1:1: error: .*does not exist.* \[no-runbooks\]$/m);
    });

    it('reports schema problems in test files too', async () => {
      const bad = path.join(cwd, 'bad.test.yaml');
      await writeFile(bad, 'nonsense: true\n');
      const { code, stdout } = await run(['bad.test.yaml', '--format', 'json'], { cwd });
      expect(code).toBe(1);
      const report = JSON.parse(stdout) as JsonReport;
      expect(report.files).toBe(1);
      expect(report.problems.length).toBeGreaterThan(0);
      expect(report.problems.every((p) => p['file'] === 'bad.test.yaml' && p['severity'] === 'error')).toBe(true);
    });
  });

  describe('colour', () => {
    it('colours on a terminal unless NO_COLOR is set, and never off a terminal', async () => {
      expect((await run(['mixed'], { interactive: true })).stdout).toContain('\u001b[31m');
      expect((await run(['mixed'], { interactive: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
      expect((await run(['mixed'], { interactive: false })).stdout).not.toContain('\u001b[');
    });
  });

  it('puts the real process.env back after checking (it swaps in a plain copy while the parser runs)', async () => {
    const real = process.env;
    expect((await run(['clean'])).code).toBe(0);
    expect(process.env).toBe(real);
  });

  it('can be called directly and returns the exit code', async () => {
    const io: CliIo = { stdout: () => undefined, stderr: () => undefined, cwd: FIXTURES, env: {}, interactive: false };
    await expect(validateCommand(['clean'], io)).resolves.toBe(0);
    await expect(validateCommand(['--nope'], io)).rejects.toThrow(/Unknown option/);
  });
});

const BIN = path.join(ROOT, 'bin/runpath.js');
const BUILT = existsSync(path.join(ROOT, 'dist/src/cli/main.js'));

function spawnBin(args: string[]): Promise<number> {
  return new Promise((resolve) => {
    execFile(process.execPath, [BIN, ...args], { cwd: FIXTURES }, (err) => {
      resolve(err ? (typeof err.code === 'number' ? err.code : -1) : 0);
    });
  });
}

describe.skipIf(!BUILT)(`end to end through bin/runpath.js${BUILT ? '' : ' (skipped: dist/src/cli/main.js, the entry bin/runpath.js loads, is missing; run `npm run build` first)'}`, () => {
  it('exits 0 clean, 1 with problems, 2 on a usage error', async () => {
    expect(await spawnBin(['validate', 'clean'])).toBe(0);
    expect(await spawnBin(['validate', 'mixed'])).toBe(1);
    expect(await spawnBin(['validate', 'warning-only', '--fail-on', 'warning'])).toBe(1);
    expect(await spawnBin(['validate', '--bogus'])).toBe(2);
  });
});
