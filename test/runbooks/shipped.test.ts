// The shipped runbooks are product: they must validate cleanly (no warnings either) and their
// test files must pass with every branch covered, exactly as an author's CI would run it.
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.js';
import type { CliIo } from '../../src/cli/cliIo.js';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

async function run(args: string[]): Promise<{ code: number; out: string }> {
  let out = '';
  const io: CliIo = { stdout: (t) => { out += t; }, stderr: (t) => { out += t; }, cwd: ROOT, env: {}, interactive: false };
  const code = await main(args, io);
  return { code, out };
}

describe('shipped runbooks', () => {
  it('validate with no problems, warnings included', async () => {
    const { code, out } = await run(['validate', 'runbooks', '--fail-on', 'warning', '--format', 'json']);
    const report = JSON.parse(out) as { files: number; problems: unknown[] };
    expect(report.problems).toEqual([]);
    expect(report.files).toBeGreaterThanOrEqual(12);
    expect(code).toBe(0);
  });

  it('pass their tests with every branch covered', async () => {
    const { code, out } = await run(['test', 'runbooks', '--require-coverage']);
    expect(out).toMatch(/^\d+ passed, 0 failed$/m);
    expect(out).not.toContain('never taken');
    expect(code).toBe(0);
  });
});
