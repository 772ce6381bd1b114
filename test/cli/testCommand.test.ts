import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { describe, expect, it } from 'vitest';
import type { CliIo } from '../../src/cli/cliIo.js';
import { UsageError } from '../../src/cli/cliIo.js';
import { main } from '../../src/cli/main.js';
import { testCommand } from '../../src/cli/testCommand.js';

// fast-xml-parser deprecates its validator in favour of a separate package we do not install; it still validates.
// eslint-disable-next-line @typescript-eslint/no-deprecated
const isWellFormed = (xml: string): boolean => XMLValidator.validate(xml) === true;

const FIXTURES = path.join(path.dirname(fileURLToPath(import.meta.url)), '../fixtures/testcmd');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
  lastLine: string;
}

function fakeIo(): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { io: { stdout: (t) => out.push(t), stderr: (t) => err.push(t), cwd: FIXTURES, env: {}, interactive: false }, out, err };
}

async function runTest(...args: string[]): Promise<Run> {
  const { io, out, err } = fakeIo();
  const code = await testCommand(args, io);
  const stdout = out.join('');
  return { code, stdout, stderr: err.join(''), lastLine: stdout.trimEnd().split('\n').at(-1) ?? '' };
}

describe('runpath test (text)', () => {
  it('passes a fully covered runbook and ends with the summary line', async () => {
    const run = await runTest('passing');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('passing/disk-full.test.yaml → disk-full\n  ✓ disk above 90%\n  ✓ disk fine\n');
    expect(run.stdout).toContain('  ✓ disk-full: 7/7 outlets\ncoverage: 7/7 outlets\n');
    expect(run.lastLine).toBe('4 passed, 0 failed');
  });

  it('reports failures under each failing case, with expected vs actual path', async () => {
    const run = await runTest('failing');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      [
        '  ✗ expects the wrong end (failing/disk-full.test.yaml:5:5)',
        "      path differs at step 2: expected 'clean-up', got 'fine'",
        '        expected: disk-usage → clean-up → fixed',
        '        actual:   disk-usage → fine',
        "      expected the walk to end at 'fixed' but it ended at 'fine' (outcome false_alarm, by end)",
      ].join('\n'),
    );
    expect(run.stdout).toContain("      question 'ask' was reached but the case gives no answer; add answers.ask: one of 'Yes', 'No'\n");
    expect(run.lastLine).toBe('1 passed, 2 failed');
  });

  it('lists every outlet no case takes at its file:line:col', async () => {
    const run = await runTest('failing');
    expect(run.stdout).toContain(
      [
        '  ! disk-failing: 4/7 outlets',
        "failing/disk-full.yaml:17:5: on_error of check 'disk-usage' (→ ask) is never taken",
        "failing/disk-full.yaml:22:9: answer 'Yes' of question 'ask' (→ clean-up) is never taken",
        "failing/disk-full.yaml:23:9: answer 'No' of question 'ask' (→ fine) is never taken",
        'coverage: 4/7 outlets',
      ].join('\n'),
    );
  });

  it('fails a test file whose runbook does not exist, by sibling or by id', async () => {
    const run = await runTest('missing-runbook');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain(
      'missing-runbook/orphan.test.yaml:1:1: no runbook to test: missing-runbook/orphan.yaml does not exist; put the runbook beside its test file or name it with runbook: <id> [runbook-not-found]',
    );
    expect(run.stdout).toContain("missing-runbook/named.test.yaml:1:10: no runbook has id 'disk-fill'; fix runbook: or pass the folder that holds it (runpath test <folder>) [runbook-not-found]");
    expect(run.stdout).toContain("missing-runbook/disk-full.yaml:1:1: runbook 'disk-missing' has no test file; add one beside it (0/7 outlets)");
    expect(run.lastLine).toBe('0 passed, 2 failed');
  });

  it('fails a case that asserts nothing', async () => {
    const run = await runTest('assert-nothing');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('  ✗ walks but asserts nothing (assert-nothing/disk-full.test.yaml:2:5)\n      the case asserts nothing; add expect.path, expect.end, expect.outcome or expect.ended_by\n');
    expect(run.lastLine).toBe('1 passed, 1 failed');
  });

  it('fails test files whose runbook or own text has errors, printing the problems', async () => {
    const run = await runTest('broken');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("broken/bad-test.test.yaml:3:5: unknown key 'checkz' in cases[0] (did you mean 'checks'?)");
    expect(run.stdout).toContain('broken/disk-full.test.yaml:1:1: the runbook under test, broken/disk-full.yaml, has errors');
    expect(run.stdout).toContain("broken/disk-full.yaml:28:11: `next` names node 'fixd', which does not exist; did you mean 'fixed'? [dangling-target]");
    // The sibling of a test file that failed to load is not reported as untested.
    expect(run.stdout).not.toContain('has no test file');
    expect(run.lastLine).toBe('0 passed, 2 failed');
  });

  it('finds a runbook by id in the given folders', async () => {
    const run = await runTest('by-id');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('by-id/tests/disk.test.yaml → disk-by-id\n  ✓ disk above 90% <&"\'> in the name\n');
    expect(run.lastLine).toBe('1 passed, 0 failed');
  });

  it('reads the sibling runbook when given only a test file', async () => {
    const run = await runTest('passing/disk-full.test.yaml');
    expect(run.code).toBe(0);
    expect(run.lastLine).toBe('4 passed, 0 failed');
  });

  it('fails a path that does not exist, and a folder without test files', async () => {
    const missing = await runTest('nowhere');
    expect(missing.code).toBe(1);
    expect(missing.stdout).toContain("✗ nowhere:1:1: 'nowhere' does not exist");
    expect(missing.lastLine).toBe('0 passed, 1 failed');
    const noTests = await runTest('no-tests');
    expect(noTests.code).toBe(1);
    expect(noTests.stdout).toContain('✗ no-tests:1:1: no *.test.yaml files in no-tests; add a test file beside each runbook');
    expect(noTests.lastLine).toBe('0 passed, 1 failed');
  });
});

describe('runpath test --run', () => {
  it('runs only the cases whose name matches', async () => {
    const run = await runTest('failing', 'passing', '--run', '^disk (above|fine)');
    expect(run.stdout).toContain('  ✓ disk above 90%');
    expect(run.stdout).not.toContain('forgets the answer');
    expect(run.stdout).toContain('coverage: 5/14 outlets (of the cases --run selected)\n');
    expect(run.stdout).toContain('4 cases left out by --run\n');
    expect(run.lastLine).toBe('3 passed, 0 failed');
    expect(run.code).toBe(0);
  });

  it('fails when the pattern matches no case', async () => {
    const run = await runTest('passing', '--run', 'no such case');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain("--run 'no such case' matches none of the 4 cases");
    expect(run.lastLine).toBe('0 passed, 1 failed');
  });
});

describe('runpath test --require-coverage', () => {
  it('fails on uncovered outlets only when asked', async () => {
    expect((await runTest('by-id')).code).toBe(0);
    const run = await runTest('by-id', '--require-coverage');
    expect(run.code).toBe(1);
    expect(run.stdout).toContain('✗ --require-coverage: 5 outlets never taken\n');
    expect(run.lastLine).toBe('1 passed, 0 failed');
    expect((await runTest('passing', '--require-coverage')).code).toBe(0);
  });
});

describe('runpath test --format json', () => {
  it('prints one object with files, cases, uncovered outlets and totals', async () => {
    const run = await runTest('failing', '--format', 'json');
    expect(run.code).toBe(1);
    const json = JSON.parse(run.stdout) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(['files', 'cases', 'uncovered', 'coverage', 'problems', 'totals']);
    expect(json.files).toEqual([{ file: 'failing/disk-full.test.yaml', runbook: 'disk-failing', runbookFile: 'failing/disk-full.yaml', status: 'failed', problems: [] }]);
    expect(json.cases).toMatchObject([
      { file: 'failing/disk-full.test.yaml', runbook: 'disk-failing', name: 'disk above 90%', status: 'passed', failures: [], path: ['disk-usage', 'clean-up', 'fixed'] },
      { name: 'expects the wrong end', status: 'failed', path: ['disk-usage', 'fine'], end: 'fine', outcome: 'false_alarm' },
      { name: 'forgets the answer', status: 'failed', path: ['disk-usage', 'ask'], end: null },
    ]);
    expect(json.uncovered).toContainEqual({
      file: 'failing/disk-full.yaml',
      line: 22,
      column: 9,
      runbook: 'disk-failing',
      node: 'ask',
      outlet: 'answer',
      index: 0,
      target: 'clean-up',
      message: "answer 'Yes' of question 'ask' (→ clean-up) is never taken",
    });
    expect(json.totals).toEqual({ passed: 1, failed: 2, filtered: 0, outlets: 7, covered: 4, requireCoverage: false });
  });

  it('reports a file that cannot run with its problems', async () => {
    const json = JSON.parse((await runTest('missing-runbook', '-f', 'json')).stdout) as { files: unknown[] };
    expect(json.files).toContainEqual({
      file: 'missing-runbook/named.test.yaml',
      runbook: null,
      runbookFile: null,
      status: 'error',
      problems: [
        {
          file: 'missing-runbook/named.test.yaml',
          line: 1,
          column: 10,
          severity: 'error',
          rule: 'runbook-not-found',
          message: "no runbook has id 'disk-fill'; fix runbook: or pass the folder that holds it (runpath test <folder>)",
        },
      ],
    });
  });
});

describe('runpath test --format junit', () => {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (name) => ['testsuite', 'testcase'].includes(name) });
  interface Junit {
    testsuites: { tests: string; failures: string; testsuite: { name: string; tests: string; failures: string; testcase: { name: string; failure?: { type: string; message: string; '#text': string } }[] }[] };
  }

  it('is valid JUnit XML with a suite per file and a failure per failing case', async () => {
    const run = await runTest('failing', 'by-id', '--format', 'junit');
    expect(run.code).toBe(1);
    expect(isWellFormed(run.stdout)).toBe(true);
    const doc = parser.parse(run.stdout) as Junit;
    expect(doc.testsuites).toMatchObject({ tests: '6', failures: '2' });
    const [byId, failing, cov] = doc.testsuites.testsuite;
    expect(byId?.name).toBe('by-id/tests/disk.test.yaml');
    expect(byId?.testcase[0]?.name).toBe('disk above 90% <&"\'> in the name');
    expect(failing?.name).toBe('failing/disk-full.test.yaml');
    expect(failing).toMatchObject({ tests: '3', failures: '2' });
    expect(failing?.testcase[1]?.failure?.message).toBe("path differs at step 2: expected 'clean-up', got 'fine'");
    expect(failing?.testcase[1]?.failure?.['#text']).toContain('actual:   disk-usage → fine');
    expect(cov?.name).toBe('coverage');
    expect(cov?.testcase.map((c) => c.failure)).toEqual([undefined, undefined]);
  });

  it('fails the coverage testcases under --require-coverage, and reports files that cannot run', async () => {
    const run = await runTest('by-id', 'missing-runbook', '--format', 'junit', '--require-coverage');
    expect(isWellFormed(run.stdout)).toBe(true);
    const doc = parser.parse(run.stdout) as Junit;
    const names = doc.testsuites.testsuite.map((s) => s.name);
    expect(names).toEqual(['by-id/tests/disk.test.yaml', 'missing-runbook/named.test.yaml', 'missing-runbook/orphan.test.yaml', 'coverage']);
    expect(doc.testsuites.testsuite[1]?.testcase[0]).toMatchObject({ name: 'load', failure: { type: 'runbook-not-found' } });
    expect(doc.testsuites.testsuite[3]?.testcase.map((c) => [c.name, c.failure?.type])).toEqual([
      ['disk-by-id', 'uncovered'],
      ['disk-missing', 'uncovered'],
    ]);
  });

  it('stays valid XML, and safe on a terminal, with control characters in paths', async () => {
    const junit = fakeIo();
    await testCommand(['nowhere\u0001\u001b[2J', '--format', 'junit'], junit.io);
    expect(isWellFormed(junit.out.join(''))).toBe(true);
    const text = await runTest('nowhere\u0001\u001b[2J');
    expect(text.stdout).toContain("'nowhere\ufffd\ufffd[2J' does not exist");
    expect(text.stdout).not.toContain('\u001b');
  });
});

describe('runpath test usage', () => {
  it('prints help', async () => {
    const run = await runTest('--help');
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^usage: runpath test \[paths\.\.\.\] \[options\]/);
    expect(run.stdout).toContain('--require-coverage');
  });

  it.each([
    [['--bogus'], /Unknown option '--bogus'/],
    [['--format', 'xml'], /unknown format 'xml'; use one of: text, json, junit/],
    [['--run', '('], /--run '\(' is not a valid regular expression/],
    [['--run'], /argument missing/],
  ])('throws a UsageError for %j', async (args, message) => {
    const { io } = fakeIo();
    await expect(testCommand(args, io)).rejects.toThrow(UsageError);
    await expect(testCommand(args, io)).rejects.toThrow(message);
  });

  it('exits 2 on a usage error through the dispatcher', async () => {
    const { io, err } = fakeIo();
    expect(await main(['test', '--format', 'xml'], io)).toBe(2);
    expect(err.join('')).toContain("runpath test: unknown format 'xml'");
  });
});
