import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parseDocument } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseYamlSafely } from '../../src/runbook/parseYamlSafely.js';

const OPTIONS = { version: '1.2', schema: 'core', uniqueKeys: true, merge: false, strict: true } as const;
const FIXTURES = fileURLToPath(new URL('../fixtures/perf/', import.meta.url));

/** What the yaml package itself makes of a document: the reference for parseYamlSafely's value. */
function reference(text: string): unknown {
  return parseDocument(text, OPTIONS).toJS({ maxAliasCount: 100 });
}

describe('parseYamlSafely value', () => {
  const cases: Record<string, string> = {
    'nested maps and lists': 'a:\n  b: [1, 2.5, true, null, ~, "x"]\n  c:\n    - d: e\n    - [f, [g]]\n',
    'empty values and collections': 'a:\nb: {}\nc: []\nd: ""\ne: |\n  block\n  text\nf: >-\n  folded\n  text\n',
    'keys that name Object.prototype members': 'toString: 1\nhasOwnProperty: 2\nvalueOf: { x: 1 }\n',
    'number-like and boolean keys': '1: one\n0x10: hex\ntrue: yes\nnull: nothing\n2.50: f\n',
    'integer-like string keys (ordered by JavaScript)': '"10": a\n"2": b\nz: c\n"1": d\n',
    'anchors and aliases': 'a: &x { b: 1 }\nc: *x\nd: &s str\ne: *s\n',
    'explicit tags': 'a: !!str 123\nb: !!map { c: 1 }\nd: !!seq [1]\ne: !!int "7"\n',
    'a pair inside a flow list': 'a: [b: 1, c]\n',
    'special numbers': 'a: .inf\nb: -.Inf\nc: .nan\nd: 1e3\ne: 0o17\n',
    'explicit keys': '? a\n: 1\n? b\n',
  };
  for (const [name, text] of Object.entries(cases)) {
    it(`equals the yaml package's own toJS: ${name}`, () => {
      const r = parseYamlSafely(text, 'x.yaml');
      expect(r.problems).toEqual([]);
      expect(r.value).toStrictEqual(reference(text));
      expect(JSON.stringify(r.value)).toBe(JSON.stringify(reference(text)));
    });
  }

  it("equals the yaml package's own toJS for every fixture", () => {
    for (const name of readdirSync(FIXTURES)) {
      const text = readFileSync(FIXTURES + name, 'utf8');
      const r = parseYamlSafely(text, name);
      if (r.problems.length === 0) expect(r.value, name).toStrictEqual(reference(text));
    }
  });

  it('still refuses forbidden and complex keys, reporting each as before', () => {
    expect(parseYamlSafely('a:\n  __proto__: 1\n  b:\n    constructor: 2\n', 'x.yaml').problems.map((p) => `${p.line}:${p.column} ${p.rule}`))
      .toEqual(['2:3 forbidden-key', '4:5 forbidden-key']);
    const complex = parseYamlSafely('a:\n  ? [b, c]\n  : 1\n', 'x.yaml');
    expect(complex.problems.map((p) => p.rule)).toEqual(['yaml-syntax']);
    expect(complex.value).toBeUndefined();
  });
});
