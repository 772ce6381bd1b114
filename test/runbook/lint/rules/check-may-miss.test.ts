import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';
import { checkRunbook } from './checkYaml.js';

describe('check-may-miss', () => {
  it('reports a check without default whose branches leave values uncovered, naming them', () => {
    const problems = lintYaml(checkRunbook(['{ op: gt, value: 0.05 }', '{ op: gt, value: 0.01, for: 10m }']));
    expect(found(problems, 'check-may-miss')).toEqual(['7:3 error']);
    expect(messages(problems, 'check-may-miss')).toEqual([
      "check 'ratio' has no `default`, and no branch surely matches values <= 0.05 (branches with `for` or `change` do not count: they can miss whatever the value); add `default: <node>` or a branch that covers them",
    ]);
  });

  it('finds the single value an open and an open end leave out', () => {
    const problems = lintYaml(checkRunbook(['{ op: gt, value: 1 }', '{ op: lt, value: 1 }']));
    expect(messages(problems, 'check-may-miss')[0]).toContain('no branch surely matches values = 1;');
  });

  it('reports reduce: all, where series can disagree, whatever the branches', () => {
    const problems = lintYaml(checkRunbook(['{ op: gt, value: 1 }', '{ op: lte, value: 1 }'], ['reduce: all']));
    expect(found(problems, 'check-may-miss')).toEqual(['7:3 error']);
    expect(messages(problems, 'check-may-miss')[0]).toContain('with `reduce: all` its branches all miss whenever the series disagree');
  });

  it.each([
    [['{ op: gt, value: 1 }', '{ op: lte, value: 1 }'], []],
    [['{ op: between, value: [0, 1] }', '{ op: outside, value: [0, 1] }'], ['reduce: max']],
    [['{ op: ne, value: 0 }', '{ op: eq, value: 0 }'], []],
    [['{ op: gt, value: 0.05 }'], ['default: done']],
  ])('accepts branches that cover every value, or a default: %j %j', (branches, extra) => {
    expect(found(lintYaml(checkRunbook(branches, extra)), 'check-may-miss')).toEqual([]);
  });
});
