import { describe, expect, it } from 'vitest';
import { loadRunbook } from '../../src/runbook/loadRunbook.js';
import { YAML_LIMITS } from '../../src/runbook/parseYamlSafely.js';

const VALID = `runpath: 1
id: demo
title: Demo
sources:
  prom: { type: prometheus, url: "\${PROMETHEUS_URL}" }
start: rate
nodes:
  rate:
    type: check
    source: prom
    query: sum(rate(http_requests_total[5m]))
    branches:
      - when: { op: gt, value: 0.05 }
        next: deploy
    default: done
    on_no_data: done
    on_error: done
  deploy:
    type: question
    question: Was there a deploy?
    answers:
      - { label: Yes, next: done }
      - { label: No, next: done }
  done:
    type: end
    outcome: resolved
`;

function problemsOf(text: string): string[] {
  return loadRunbook(text, 'r.yaml').problems.map((p) => `${p.line}:${p.column} ${p.rule}: ${p.message}`);
}

describe('loadRunbook', () => {
  it('accepts a valid runbook and keeps YAML 1.2 strings such as Yes/No as strings', () => {
    const r = loadRunbook(VALID, 'r.yaml');
    expect(r.problems).toEqual([]);
    const q = r.value?.nodes.deploy;
    expect(q?.type === 'question' ? q.answers.map((a) => a.label) : []).toEqual(['Yes', 'No']);
  });

  it('points an unknown key at its line and column, lists the valid keys and suggests the closest', () => {
    const text = VALID.replace('    on_error: done\n', '    on_eror: done\n');
    const r = loadRunbook(text, 'r.yaml');
    const unknown = r.problems.find((p) => p.rule === 'unknown-key');
    expect(unknown).toMatchObject({ line: 17, column: 5, endColumn: 12, severity: 'error' });
    expect(unknown?.message).toContain("did you mean 'on_error'?");
    expect(unknown?.message).toContain('valid keys: type, title');
    // The missing key is the same mistake seen from the other side; it is reported at the node.
    expect(r.problems.find((p) => p.message.includes("missing required key 'on_error'"))).toMatchObject({ line: 8, column: 3 });
  });

  it('reports a wrong node type once, with a suggestion, instead of a oneOf flood', () => {
    const problems = problemsOf(VALID.replace('    type: end', '    type: edn'));
    expect(problems).toEqual(["25:11 schema: nodes.done.type is string \"edn\" (did you mean 'end'?); it must be one of: check, question, action, end"]);
  });

  it('explains a condition with neither value nor change, and a range given to a plain comparison', () => {
    expect(problemsOf(VALID.replace('{ op: gt, value: 0.05 }', '{ op: gt }'))).toEqual([
      '13:15 schema: nodes.rate.branches[0].when: a condition needs exactly one of `value` or `change`',
    ]);
    expect(problemsOf(VALID.replace('{ op: gt, value: 0.05 }', '{ op: gt, value: [1, 2] }'))[0]).toContain('must be a number (only between/outside take [low, high])');
    expect(problemsOf(VALID.replace('{ op: gt, value: 0.05 }', '{ op: between, value: 3 }'))[0]).toContain('must be [low, high]');
  });

  it('rejects bad durations and ids with a message that shows the expected form', () => {
    expect(problemsOf(VALID.replace('value: 0.05 }', 'value: 0.05, for: 10 minutes }'))[0]).toMatch(/^13:43 schema: .*Prometheus duration, units largest first, such as 30s/);
    expect(problemsOf(VALID.replace('id: demo', 'id: Demo_Runbook'))[0]).toMatch(/^2:5 schema: id must be lowercase letters/);
  });

  it('accepts durations largest unit first and refuses repeated or reordered units', () => {
    expect(problemsOf(VALID.replace('value: 0.05 }', 'value: 0.05, for: 1h30m }'))).toEqual([]);
    expect(problemsOf(VALID.replace('value: 0.05 }', 'value: 0.05, for: 500ms }'))).toEqual([]);
    for (const bad of ['30s1m', '1m1m', '10', 'm']) {
      expect(problemsOf(VALID.replace('value: 0.05 }', `value: 0.05, for: "${bad}" }`))[0]).toContain('units largest first');
    }
  });

  it('names infinite thresholds as such rather than as null', () => {
    expect(problemsOf(VALID.replace('{ op: gt, value: 0.05 }', '{ op: between, value: .inf }'))[0]).toContain('not number Infinity');
  });

  it('refuses custom tags, which would silently change what a value means', () => {
    const problems = problemsOf(VALID.replace('title: Demo', 'title: !secret Demo'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^3:8 yaml-syntax: .*remove the `!tag`/);
  });

  it('reports duplicate keys at the second occurrence', () => {
    const problems = problemsOf(VALID.replace('title: Demo\n', 'title: Demo\ntitle: Again\n'));
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatch(/^4:1 yaml-duplicate-key: .*each key may appear once/);
  });

  it('reports syntax errors with a position and a hint', () => {
    const problems = problemsOf('runpath: 1\nid: demo\n  title: x\n');
    expect(problems[0]).toMatch(/^\d+:\d+ yaml-syntax: /);
    expect(loadRunbook('a: "unterminated\n', 'r.yaml').problems[0]?.rule).toBe('yaml-syntax');
  });

  it('refuses several documents in one file', () => {
    expect(problemsOf(`${VALID}---\nid: other\n`)[0]).toContain('one YAML document');
  });

  it('refuses an empty file with a hint about what a runbook looks like', () => {
    expect(problemsOf('# only a comment\n')[0]).toContain('runpath: 1');
  });
});

describe('loadRunbook on hostile input', () => {
  it('stops a billion-laughs alias bomb', () => {
    let text = 'a0: &a0 [x, x, x, x, x, x, x, x, x]\n';
    for (let i = 1; i < 10; i++) text += `a${i}: &a${i} [${Array(9).fill(`*a${i - 1}`).join(', ')}]\n`;
    const r = loadRunbook(text, 'bomb.yaml');
    expect(r.value).toBeUndefined();
    expect(r.problems.map((p) => p.rule)).toEqual(['yaml-alias-limit']);
    expect(r.problems[0]?.message).toContain('billion laughs');
  });

  it('refuses 100,000 nested flow brackets before the parser sees them', () => {
    const text = `id: x\nnodes: ${'['.repeat(100_000)}${']'.repeat(100_000)}\n`;
    const r = loadRunbook(text, 'deep.yaml');
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ rule: 'yaml-too-deep', line: 2 });
  });

  it('refuses deeply nested block maps', () => {
    let text = '';
    for (let i = 0; i < 200; i++) text += `${' '.repeat(i)}k${i}:\n`;
    expect(loadRunbook(text, 'deep.yaml').problems.map((p) => p.rule)).toEqual(['yaml-too-deep']);
  });

  it('accepts brackets inside block scalars and quoted strings (no false "too deep")', () => {
    const prose = `${'['.repeat(80)} unbalanced prose ${'{'.repeat(80)}`;
    const text = VALID.replace('    question: Was there a deploy?\n', `    question: "${prose}"\n    description: |\n      ${prose}\n`);
    expect(loadRunbook(text, 'r.yaml').problems).toEqual([]);
  });

  it('refuses a file over the size limit without parsing it', () => {
    const text = `# ${'x'.repeat(YAML_LIMITS.maxChars)}\n`;
    const r = loadRunbook(text, 'big.yaml');
    expect(r.problems.map((p) => p.rule)).toEqual(['file-too-large']);
    expect(r.problems[0]?.message).toMatch(/limited to 1048576/);
  });

  it('refuses __proto__ and constructor keys and never pollutes Object.prototype', () => {
    const r = loadRunbook(`${VALID}__proto__: { polluted: true }\n`, 'r.yaml');
    expect(r.problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(['27:1 forbidden-key']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const nested = loadRunbook(VALID.replace('    outcome: resolved', '    outcome: resolved\n    constructor: x'), 'r.yaml');
    expect(nested.problems.map((p) => p.rule)).toEqual(['forbidden-key']);
  });

  it('refuses complex keys', () => {
    expect(loadRunbook('? [a, b]\n: 1\n', 'r.yaml').problems[0]?.message).toContain('map keys must be plain strings');
  });

  it('reports tabs used for indentation', () => {
    expect(loadRunbook('a:\n\tb: 1\n', 'r.yaml').problems[0]?.rule).toBe('yaml-syntax');
  });
});

describe('source positions inside scalars', () => {
  it('maps an offset inside a folded multi-line query back to its line and column', () => {
    const text = VALID.replace('    query: sum(rate(http_requests_total[5m]))', '    query: >-\n      sum(rate(http_requests_total[5m]))\n      / sum(rate(up[5m]))');
    const r = loadRunbook(text, 'r.yaml');
    expect(r.problems).toEqual([]);
    const query = r.value?.nodes.rate;
    const q = query?.type === 'check' ? query.query : '';
    const at = q.indexOf('up[');
    expect(r.map.locateInScalar(['nodes', 'rate', 'query'], at, at + 2)).toEqual({ line: 13, column: 18, endLine: 13, endColumn: 20 });
    expect(r.map.lineText(13).slice(17, 19)).toBe('up');
  });

  it('maps offsets in a double-quoted scalar past the opening quote', () => {
    const r = loadRunbook(VALID.replace('query: sum(rate(http_requests_total[5m]))', 'query: "sum(rate(x[5m]))"'), 'r.yaml');
    expect(r.map.locateInScalar(['nodes', 'rate', 'query'], 9, 10)).toMatchObject({ line: 11, column: 22 });
  });
});
