import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { YAML_LIMITS } from '../../src/runbook/parseYamlSafely.js';
import { loadServerRunbooks } from '../../src/server/loadServerRunbooks.js';

const DIR = 'test/fixtures/server/catalog';
const CWD = path.resolve(import.meta.dirname, '../..');

const temps: string[] = [];
afterEach(async () => {
  await Promise.all(temps.splice(0).map((d) => rm(d, { recursive: true, force: true })));
});

describe('loadServerRunbooks', () => {
  it('loads runbooks without errors, each with its warnings', async () => {
    const { catalog } = await loadServerRunbooks(DIR, CWD);
    expect([...catalog.runbooks.keys()].sort()).toEqual(['clean', 'warned']);
    expect(catalog.problems('warned')).toEqual([
      expect.objectContaining({ file: `${DIR}/warned.yaml`, line: 24, column: 3, severity: 'warning', rule: 'unreachable-node' }),
    ]);
    expect(catalog.problems('clean')).toEqual([]);
    expect(catalog.problems('dangling')).toEqual([]);
    expect(catalog.problems('nope')).toEqual([]);
  });

  it('keeps the files it left out with every problem, and the id when the file had one', async () => {
    const { catalog } = await loadServerRunbooks(DIR, CWD);
    expect(catalog.rejected.map((r) => ({ ...r, problems: r.problems.map((p) => `${p.line}:${p.column} ${p.severity} ${p.rule}`) }))).toEqual([
      { file: `${DIR}/dangling.yaml`, id: 'dangling', problems: ['5:3 warning unused-source', '12:31 error dangling-target'] },
      { file: `${DIR}/schema.yaml`, problems: ['10:14 error schema'] },
    ]);
    expect(catalog.rejected[0]?.problems[1]?.message).toContain("names node 'fire-brigade', which does not exist");
  });

  it('logs one skipped line per file left out, naming its first error, as before', async () => {
    const { skipped, missing } = await loadServerRunbooks(DIR, CWD);
    expect(missing).toBe(false);
    expect(skipped).toEqual([
      expect.stringMatching(new RegExp(`^${DIR}/dangling\\.yaml: left out, it has errors \\(run runpath validate ${DIR}/dangling\\.yaml\\); first: ${DIR}/dangling\\.yaml:12:31 dangling-target: `)),
      expect.stringMatching(new RegExp(`^${DIR}/schema\\.yaml: left out, it has errors .*; first: ${DIR}/schema\\.yaml:10:14 schema: `)),
    ]);
  });

  it('a file too large to read is left out with its problem; a missing folder is no rejected file', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'runpath-catalog-'));
    temps.push(dir);
    await writeFile(path.join(dir, 'huge.yaml'), `# ${'x'.repeat(YAML_LIMITS.maxChars * 4)}\n`);
    const { catalog, skipped } = await loadServerRunbooks('.', dir);
    expect(catalog.runbooks.size).toBe(0);
    expect(catalog.rejected).toEqual([{ file: 'huge.yaml', problems: [expect.objectContaining({ rule: 'file-too-large', severity: 'error' })] }]);
    expect(skipped).toEqual([expect.stringContaining('huge.yaml:1:1 file-too-large: ')]);

    const none = await loadServerRunbooks('nowhere', dir);
    expect(none.missing).toBe(true);
    expect(none.catalog.rejected).toEqual([]);
  });
});
