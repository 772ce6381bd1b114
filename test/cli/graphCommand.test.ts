import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, it, expect } from 'vitest';
import type { CliIo } from '../../src/cli/cliIo.js';
import { main } from '../../src/cli/main.js';
import { loadRunbook } from '../../src/runbook/loadRunbook.js';
import type { Runbook } from '../../src/runbook/types.js';
import { toDot } from '../../src/runbook/graph/toDot.js';
import { toMermaid } from '../../src/runbook/graph/toMermaid.js';

const CWD = fileURLToPath(new URL('../fixtures/graph/cli/', import.meta.url));

interface Run { code: number; stdout: string; stderr: string }

async function run(args: string[], cwd = CWD): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const io: CliIo = {
    stdout: (t) => { stdout += t; },
    stderr: (t) => { stderr += t; },
    cwd,
    env: {},
    interactive: false,
  };
  // Through main, so usage errors get exit code 2 the way the binary does.
  const code = await main(['graph', ...args], io);
  return { code, stdout, stderr };
}

function alpha(): Runbook {
  const loaded = loadRunbook(readFileSync(path.join(CWD, 'runbooks/alpha.yaml'), 'utf8'), 'runbooks/alpha.yaml');
  if (!loaded.value) throw new Error('alpha fixture does not load');
  return loaded.value;
}

describe('runpath graph', () => {
  let tmp = '';
  beforeAll(async () => { tmp = await mkdtemp(path.join(tmpdir(), 'runpath-graph-')); });
  afterAll(async () => { await rm(tmp, { recursive: true, force: true }); });

  it('prints a runbook file as Mermaid by default', async () => {
    const r = await run(['runbooks/alpha.yaml']);
    expect(r).toEqual({ code: 0, stdout: toMermaid(alpha()), stderr: '' });
    expect(r.stdout).toContain('n_ratio -->|"between 0.01 and 0.05"| n_fix');
  });

  it('looks an id up in runbooks/ and prints DOT with --format dot', async () => {
    const r = await run(['alpha', '--format', 'dot']);
    expect(r).toEqual({ code: 0, stdout: toDot(alpha()), stderr: '' });
  });

  it('looks an id up in the folder given by --runbooks', async () => {
    const r = await run(['dup', '--runbooks', 'dup']);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe("runpath graph: runbook id 'dup' is defined in 2 files (dup/one.yaml, dup/two.yaml); pass the file path instead\n");
    const one = await run(['dup/one.yaml', '-f', 'dot']);
    expect(one.code).toBe(0);
    expect(one.stdout.startsWith('digraph "dup" {\n')).toBe(true);
  });

  it('graphs a runbook that has only warnings, without printing them', async () => {
    const r = await run(['beta']);
    expect(r.code).toBe(0);
    expect(r.stderr).toBe('');
    expect(r.stdout).toContain('  n_done(["done<br>outcome: false alarm"]):::rp_end_false_alarm\n');
  });

  it('exits 1 on an unknown id and lists the known ones', async () => {
    const r = await run(['gamma']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toBe("runpath graph: no runbook with id 'gamma' in runbooks. Known ids: alpha, beta. 1 file could not be loaded; run 'runpath validate runbooks' to see why.\n");
  });

  it('prints the problems of a runbook with lint errors as file:line:col: message [rule] and exits 1', async () => {
    const r = await run(['dangling.yaml']);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    const lines = r.stderr.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^dangling\.yaml:12:31: .*'fire'.* \[dangling-target\]$/);
    expect(lines.at(-1)).toBe('runpath graph: dangling.yaml has 1 error; fix it before it can be graphed (details: runpath validate dangling.yaml)');
  });

  it('prints the schema problems of a runbook that fails the schema and exits 1', async () => {
    const r = await run(['runbooks/invalid.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^runbooks\/invalid\.yaml:10:14: .*finished.* \[schema\]\n/);
  });

  it('exits 1 on a path that does not exist, a test file, or a folder of several runbooks', async () => {
    const missing = await run(['nope.yaml']);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/^nope\.yaml:1:1: error: 'nope\.yaml' does not exist.* \[no-runbooks\]\n$/);
    const testFile = await run(['runbooks/alpha.test.yaml']);
    expect(testFile).toMatchObject({ code: 1, stderr: "runpath graph: 'runbooks/alpha.test.yaml' holds no runbook (a test file cannot be graphed); pass the runbook itself\n" });
    const folder = await run(['dup/']);
    expect(folder.code).toBe(1);
    expect(folder.stderr).toBe("runpath graph: 'dup/' holds 2 runbooks; pass one runbook file, or an id with --runbooks dup/\n");
  });

  it('exits 1 when the --runbooks folder does not exist', async () => {
    const r = await run(['alpha', '--runbooks', 'missing']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/\[no-runbooks\]\n$/);
  });

  it('writes to --output and infers dot from a .dot extension', async () => {
    const mmd = path.join(tmp, 'alpha.mmd');
    const dot = path.join(tmp, 'alpha.dot');
    expect(await run(['alpha', '--output', mmd])).toEqual({ code: 0, stdout: '', stderr: '' });
    expect(await readFile(mmd, 'utf8')).toBe(toMermaid(alpha()));
    expect((await run(['alpha', '-o', dot])).code).toBe(0);
    expect(await readFile(dot, 'utf8')).toBe(toDot(alpha()));
  });

  it('exits 1 with a clear message when --output cannot be written', async () => {
    const r = await run(['alpha', '--output', path.join(tmp, 'no', 'such', 'dir.mmd')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/^runpath graph: cannot write '.*dir\.mmd': ENOENT/);
  });

  it('prints its help with --help and exits 0', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.stdout).toMatch(/^usage: runpath graph <runbook-file-or-id> \[--format mermaid\|dot\]/);
  });

  it('exits 2 on usage errors: no runbook, two runbooks, a bad format, an unknown flag', async () => {
    for (const args of [[], ['alpha', 'beta'], ['alpha', '--format', 'svg'], ['alpha', '--colour']]) {
      const r = await run(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stdout).toBe('');
      expect(r.stderr).toMatch(/^runpath graph: .+\nRun 'runpath graph --help' for usage\.\n$/);
    }
    expect((await run(['alpha', '--format', 'svg'])).stderr).toContain("unknown format 'svg': use --format mermaid or --format dot");
  });
});
