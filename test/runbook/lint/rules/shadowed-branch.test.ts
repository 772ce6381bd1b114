import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';
import { checkRunbook } from './checkYaml.js';

const DEFAULT = ['default: done'];

describe('shadowed-branch', () => {
  it('warns at a stricter branch after a looser one, naming both', () => {
    const problems = lintYaml(checkRunbook(['{ op: gt, value: 0.01 }', '{ op: gt, value: 0.05 }'], DEFAULT));
    expect(found(problems, 'shadowed-branch')).toEqual(['13:17 warning']);
    expect(messages(problems, 'shadowed-branch')).toEqual([
      "branch 2 (gt 0.05) of check 'ratio' can never match: branch 1 (gt 0.01) matches every value it does; put the stricter condition first",
    ]);
  });

  it('names every earlier branch a union needs', () => {
    const problems = lintYaml(checkRunbook(['{ op: lt, value: 1 }', '{ op: gte, value: 1 }', '{ op: between, value: [0, 2] }'], DEFAULT));
    expect(messages(problems, 'shadowed-branch')).toEqual([
      "branch 3 (between [0, 2]) of check 'ratio' can never match: branches 1 (lt 1) and 2 (gte 1) together match every value it does; remove it or change the conditions",
    ]);
  });

  it('reports a repeated condition and an empty range', () => {
    const problems = lintYaml(checkRunbook(['{ op: gt, value: 1 }', '{ op: gt, value: 1 }', '{ op: between, value: [2, 1] }'], DEFAULT));
    expect(messages(problems, 'shadowed-branch')).toEqual([
      "branch 2 (gt 1) of check 'ratio' can never match: branch 1 (gt 1) matches every value it does; it repeats that condition; remove one of them",
      "branch 3 (between [2, 1]) of check 'ratio' can never match: no value satisfies it; for `between`/`outside` write the lower bound first",
    ]);
  });

  it('with reduce: all counts only a single earlier branch, since series may split between them', () => {
    const branches = ['{ op: lt, value: 1 }', '{ op: gte, value: 1 }', '{ op: between, value: [0, 2] }'];
    expect(found(lintYaml(checkRunbook(branches, [...DEFAULT, 'reduce: all'])), 'shadowed-branch')).toEqual([]);
  });

  it.each([
    [['{ op: gt, value: 0.05 }', '{ op: gt, value: 0.01 }']],
    [['{ op: gt, value: 0.05, for: 10m }', '{ op: gt, value: 0.01 }']],
    [['{ op: gt, value: 0.01, for: 5m }', '{ op: gt, value: 0.05, for: 10m }']],
    [['{ op: gt, change: 0.1 }', '{ op: gt, value: 0.5 }']],
    [['{ op: gt, value: 0.01 }', '{ op: gte, value: 0.01 }']],
  ])('accepts branches that can each match: %j', (branches) => {
    expect(found(lintYaml(checkRunbook(branches, DEFAULT)), 'shadowed-branch')).toEqual([]);
  });

  it('warns at a sustained branch after an instant one that covers it: the newest sample decides first', () => {
    const problems = lintYaml(checkRunbook(['{ op: gt, value: 0.01 }', '{ op: gt, value: 0.05, for: 10m }'], DEFAULT));
    expect(messages(problems, 'shadowed-branch')).toEqual([
      "branch 2 (gt 0.05 for 10m) of check 'ratio' can never match: branch 1 (gt 0.01) matches every value it does; put the stricter condition first",
    ]);
  });

  it('treats 10m and 600s as the same window', () => {
    const problems = lintYaml(checkRunbook(['{ op: gt, value: 0.01, for: 10m }', '{ op: gt, value: 0.05, for: 600s }'], DEFAULT));
    expect(found(problems, 'shadowed-branch')).toEqual(['13:17 warning']);
  });
});
