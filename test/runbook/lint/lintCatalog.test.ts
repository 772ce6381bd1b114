import { describe, it, expect } from 'vitest';
import { loadRunbook } from '../../../src/runbook/loadRunbook.js';
import { lintCatalog } from '../../../src/runbook/lint/lintCatalog.js';

function entry(file: string, id: string, padding = '') {
  const text = `${padding}runpath: 1\nid: ${id}\ntitle: T\nsources: { p: { type: fixture } }\nstart: e\nnodes:\n  e: { type: end, outcome: resolved }\n`;
  const loaded = loadRunbook(text, file);
  if (!loaded.value) throw new Error('fixture does not load');
  return { file, runbook: loaded.value, map: loaded.map };
}

describe('lintCatalog duplicate-id', () => {
  it('reports each duplicate after the first (by file name), naming file:line of the first', () => {
    const problems = lintCatalog([entry('c.yaml', 'checkout'), entry('a.yaml', 'checkout', '# first\n'), entry('b.yaml', 'other'), entry('d.yaml', 'checkout')]);
    expect(problems.map((p) => `${p.file}:${p.line}:${p.column} ${p.severity} ${p.rule}`)).toEqual([
      'c.yaml:2:5 error duplicate-id',
      'd.yaml:2:5 error duplicate-id',
    ]);
    expect(problems[0]?.message).toBe("runbook id 'checkout' is already used by a.yaml:3; ids must be unique across the catalog, so rename one of them");
  });

  it('accepts distinct ids', () => {
    expect(lintCatalog([entry('a.yaml', 'one'), entry('b.yaml', 'two')])).toEqual([]);
  });
});
