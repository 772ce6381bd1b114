import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { loadRunbook } from '../../src/runbook/loadRunbook.js';
import type { CatalogEntry } from '../../src/runbook/checkCatalog.js';
import type { Problem } from '../../src/runbook/problem.js';
import type { SourceMap } from '../../src/runbook/sourceMap.js';
import type { Runbook } from '../../src/runbook/types.js';
import { canonicalJson } from '../../src/server/payloadFingerprint.js';
import { runbookCatalog, runbookHash } from '../../src/server/runbookCatalog.js';
import { dbSlow } from '../fixtures/server/runbooks.js';

const problem = (file: string, rule: string, severity: Problem['severity'] = 'warning'): Problem => ({ file, line: 1, column: 1, endLine: 1, endColumn: 2, severity, rule, message: rule });

const at = { line: 1, column: 1, endLine: 1, endColumn: 1 };
const map: SourceMap = { locate: () => at, locateInScalar: () => at, lineText: () => '' };

function entry(file: string, value: Runbook | undefined, problems: Problem[] = [], text = ''): CatalogEntry<Runbook> {
  return { file, text, map, problems, ...(value ? { value } : {}) };
}

const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

describe('runbookCatalog', () => {
  it('from entries: each runbook with its file and problems; failed and duplicate entries rejected with theirs', () => {
    const catalog = runbookCatalog([
      entry('a.yaml', dbSlow, [problem('a.yaml', 'unreachable-node')]),
      entry('b.yaml', undefined, [problem('b.yaml', 'schema', 'error')]),
      entry('c.yaml', dbSlow, [problem('c.yaml', 'duplicate-id', 'error')]),
    ]);
    expect([...catalog.runbooks.keys()]).toEqual(['db-slow']);
    expect(catalog.file('db-slow')).toBe('a.yaml');
    expect(catalog.problems('db-slow').map((p) => p.rule)).toEqual(['unreachable-node']);
    expect(catalog.problems('other')).toEqual([]);
    expect(catalog.rejected).toEqual([
      { file: 'b.yaml', problems: [problem('b.yaml', 'schema', 'error')] },
      { file: 'c.yaml', id: 'db-slow', problems: [problem('c.yaml', 'duplicate-id', 'error')] },
    ]);
  });

  it('files rejected earlier come first; a map of runbooks has no files, problems or rejected files', () => {
    const earlier = { file: 'x.yaml', problems: [problem('x.yaml', 'file-too-large', 'error')] };
    expect(runbookCatalog([entry('b.yaml', undefined)], [earlier]).rejected).toEqual([earlier, { file: 'b.yaml', problems: [] }]);
    const fromMap = runbookCatalog(new Map([[dbSlow.id, dbSlow]]));
    expect(fromMap.file(dbSlow.id)).toBeUndefined();
    expect(fromMap.problems(dbSlow.id)).toEqual([]);
    expect(fromMap.rejected).toEqual([]);
  });

  it('version(id): the sha256 (hex) of the file text the runbook was loaded from, with the text and the file', () => {
    const text = 'runpath: 1\nid: db-slow\n# the file as written\n';
    const catalog = runbookCatalog([entry('a.yaml', dbSlow, [], text), entry('c.yaml', dbSlow, [], 'another text')]);
    expect(catalog.version('db-slow')).toEqual({ hash: sha256(text), text, file: 'a.yaml' });
    expect(catalog.version('db-slow')).toBe(catalog.version('db-slow'));
    expect(catalog.version('other')).toBeUndefined();
    expect(runbookHash('é')).toBe(sha256('é'));
  });

  it('version(id) of a runbook given as an object: its canonical JSON (keys sorted), which loads back as the same runbook', () => {
    const reordered = Object.fromEntries(Object.entries(dbSlow).reverse()) as unknown as Runbook;
    const a = runbookCatalog(new Map([[dbSlow.id, dbSlow]])).version(dbSlow.id);
    const b = runbookCatalog(new Map([[dbSlow.id, reordered]])).version(dbSlow.id);
    expect(a).toEqual({ hash: sha256(canonicalJson(dbSlow)), text: canonicalJson(dbSlow) });
    expect(b).toEqual(a);
    expect(loadRunbook(a?.text ?? '', 'x.json').value).toEqual(dbSlow);
  });
});
