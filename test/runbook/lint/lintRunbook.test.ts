import { readFileSync } from 'node:fs';
import { describe, it, expect } from 'vitest';
import { RULES, isRuleId } from '../../../src/runbook/lint/ruleCatalog.js';
import { lintYaml } from './lintYaml.js';

const fixture = (name: string): string => readFileSync(new URL(`../../fixtures/lint/${name}`, import.meta.url), 'utf8');

describe('lintRunbook', () => {
  it('finds nothing in a clean, realistic runbook (the passing case of every rule)', () => {
    expect(lintYaml(fixture('clean.yaml'), 'clean.yaml')).toEqual([]);
  });

  it('reports every rule of a runbook full of mistakes, sorted, each in the rule catalog with its severity', () => {
    const problems = lintYaml(fixture('everything-wrong.yaml'), 'everything-wrong.yaml');
    expect(problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual([
      '9:3 unused-input',
      '11:43 secret-in-runbook',
      '12:3 unused-source',
      '15:3 check-may-miss',
      '15:3 unbounded-cycle',
      '17:13 undeclared-source',
      '21:15 dangling-target',
      '22:15 shadowed-branch',
      '23:15 branch-to-self',
      '28:19 undefined-input',
      '28:49 bad-placeholder',
      '35:94 placeholder-unsafe-context',
      '35:117 promql-syntax',
      '41:14 unreachable-default',
      '44:3 unreachable-node',
      '49:18 question-duplicate-answer',
      '50:3 no-reachable-end',
    ]);
    for (const p of problems) {
      expect(p.file).toBe('everything-wrong.yaml');
      expect(isRuleId(p.rule) ? RULES[p.rule].severity : 'not in the catalog').toBe(p.severity);
    }
  });
});

describe('RULES', () => {
  it('describes every rule with a severity, a description and help', () => {
    for (const [id, info] of Object.entries(RULES)) {
      expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(['error', 'warning']).toContain(info.severity);
      expect(info.description.length).toBeGreaterThan(10);
      expect(info.help.length).toBeGreaterThan(10);
    }
  });

  it('includes the ids the loader emits', () => {
    for (const id of ['yaml-syntax', 'yaml-duplicate-key', 'yaml-alias-limit', 'yaml-too-deep', 'file-too-large', 'forbidden-key', 'unknown-key', 'schema', 'no-runbooks', 'read-error']) {
      expect(isRuleId(id)).toBe(true);
    }
    expect(isRuleId('toString')).toBe(false);
  });
});
