import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { catalogProblems, checkCatalog, checkFile, type SourceFile } from '../../src/runbook/checkCatalog.js';

const DIR = fileURLToPath(new URL('../fixtures/perf/', import.meta.url));
const FILES: SourceFile[] = readdirSync(DIR).sort().map((name) => ({ file: name, text: readFileSync(DIR + name, 'utf8') }));

describe('checkFile + catalogProblems', () => {
  it('give exactly checkCatalog problems, in its order, for files with every kind of problem', () => {
    const expected = checkCatalog(FILES).problems;
    const rules = new Set(expected.map((p) => p.rule));
    // The fixtures must really cover each stage, or equality proves little.
    for (const rule of ['duplicate-id', 'yaml-syntax', 'yaml-duplicate-key', 'schema', 'dangling-target', 'promql-syntax']) expect(rules).toContain(rule);
    expect(expected.some((p) => p.file.endsWith('.test.yaml'))).toBe(true);
    expect(catalogProblems(FILES.map(checkFile))).toEqual(expected);
  });

  it('checks each file on its own: files checked in another order (or on other threads) give the same problems', () => {
    const reversed = [...FILES].reverse().map((f) => structuredClone(checkFile(f))).reverse();
    expect(catalogProblems(reversed)).toEqual(checkCatalog(FILES).problems);
  });

  it('keeps only plain data per file: the id and where it is written, for the catalog rules', () => {
    const check = checkFile(FILES.find((f) => f.file === 'a-disk-full.yaml') ?? { file: '', text: '' });
    expect(check).toEqual({ file: 'a-disk-full.yaml', isTest: false, problems: [], runbookId: { id: 'disk-full', at: { line: 2, column: 5, endLine: 2, endColumn: 14 } } });
    expect(structuredClone(check)).toEqual(check);
    const test = checkFile({ file: 'x.test.yaml', text: 'nonsense: 1\n' });
    expect(test.isTest).toBe(true);
    expect(test.problems.length).toBeGreaterThan(0);
    expect(test).not.toHaveProperty('runbookId');
  });

  it('reports a duplicate id on the later file, naming where the first one is', () => {
    const dup = catalogProblems(FILES.map(checkFile)).filter((p) => p.rule === 'duplicate-id');
    expect(dup.map((p) => `${p.file}:${p.line}:${p.column}`)).toEqual(['b-same-id.yaml:2:5']);
    expect(dup[0]?.message).toContain('already used by a-disk-full.yaml:2');
  });
});
