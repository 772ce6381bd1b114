import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';
import { checkRunbook } from './checkYaml.js';

describe('unreachable-default', () => {
  it('warns at a default that branches covering every value make dead', () => {
    const problems = lintYaml(checkRunbook(['{ op: gte, value: 0.05 }', '{ op: lt, value: 0.05 }'], ['default: done']));
    expect(found(problems, 'unreachable-default')).toEqual(['14:14 warning']);
    expect(messages(problems, 'unreachable-default')).toEqual([
      "the `default` of check 'ratio' can never be taken: its branches match every value; remove `default`, or narrow a branch if some values should lead to 'done'",
    ]);
  });

  it.each([
    [['{ op: gte, value: 0.05 }', '{ op: lt, value: 0.05, for: 5m }'], []],
    [['{ op: gte, value: 0.05 }', '{ op: lt, value: 0.05 }'], ['reduce: all']],
    [['{ op: gt, value: 0.05 }', '{ op: lt, value: 0.05 }'], []],
  ])('accepts a default some value can reach: %j %j', (branches, extra) => {
    expect(found(lintYaml(checkRunbook(branches, [...extra, 'default: done'])), 'unreachable-default')).toEqual([]);
  });
});
