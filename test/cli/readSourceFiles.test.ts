import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { readSourceFiles } from '../../src/cli/readSourceFiles.js';

async function tree(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'runpath-read-'));
  for (const [name, text] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, name)), { recursive: true });
    await writeFile(path.join(dir, name), text);
  }
  return dir;
}

describe('readSourceFiles', () => {
  it('defaults to runbooks/, recurses, keeps only YAML, sorts, and shows paths relative to cwd', async () => {
    const cwd = await tree({ 'runbooks/b.yaml': 'b', 'runbooks/a.yml': 'a', 'runbooks/sub/c.test.yaml': 'c', 'runbooks/notes.md': 'x', 'runbooks/node_modules/x.yaml': 'x' });
    const r = await readSourceFiles([], cwd);
    expect(r.problems).toEqual([]);
    expect(r.files.map((f) => f.file)).toEqual(['runbooks/a.yml', 'runbooks/b.yaml', 'runbooks/sub/c.test.yaml']);
    expect(r.files[0]?.text).toBe('a');
  });

  it('reports a missing path and an empty folder as problems, never a silent pass', async () => {
    const cwd = await tree({ 'empty/readme.md': 'x' });
    const r = await readSourceFiles(['nope', 'empty'], cwd);
    expect(r.files).toEqual([]);
    expect(r.problems.map((p) => `${p.file} ${p.rule}`)).toEqual(['nope no-runbooks', 'empty no-runbooks']);
    expect(r.problems[0]?.message).toContain('does not exist');
  });

  it('reads a file named directly once even when also reached through its folder', async () => {
    const cwd = await tree({ 'rb/a.yaml': 'a' });
    const r = await readSourceFiles(['rb/a.yaml', 'rb'], cwd);
    expect(r.files.map((f) => f.file)).toEqual(['rb/a.yaml']);
  });
});
