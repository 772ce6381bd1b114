import { describe, expect, it } from 'vitest';
import { generateRunbook } from '../../../bench/validate/generateRunbook.js';
import { checkCatalog } from '../../../src/runbook/checkCatalog.js';

const SEED = 20261121;

describe('generateRunbook', () => {
  it('is deterministic: the same index and seed give the same bytes', () => {
    expect(generateRunbook(7, SEED).text).toBe(generateRunbook(7, SEED).text);
    expect(generateRunbook(7, SEED).text).not.toBe(generateRunbook(8, SEED).text);
    expect(generateRunbook(7, SEED).text).not.toBe(generateRunbook(7, SEED + 1).text);
  });

  it('writes about 30 nodes of every type, with a guarded loop back to the start', () => {
    for (let i = 0; i < 20; i++) {
      const { runbook } = generateRunbook(i, SEED);
      const nodes = Object.values(runbook.nodes);
      expect(nodes.length).toBeGreaterThanOrEqual(28);
      expect(nodes.length).toBeLessThanOrEqual(32);
      expect(new Set(nodes.map((n) => n.type))).toEqual(new Set(['check', 'question', 'action', 'end']));
      const loop = nodes.filter((n) => n.type === 'action' && n.next === runbook.start);
      expect(loop.length).toBeGreaterThan(0);
      expect(loop.every((n) => n.max_visits === 3)).toBe(true);
    }
  });

  it('puts `{{ inputs.service }}` inside label matchers of its PromQL queries', () => {
    const { runbook } = generateRunbook(3, SEED);
    const queries = Object.values(runbook.nodes).flatMap((n) => (n.type === 'check' ? [n.query] : []));
    expect(queries.length).toBeGreaterThan(5);
    expect(queries.some((q) => /\{[^{}]*="\{\{ inputs\.service \}\}"/.test(q))).toBe(true);
  });

  it('passes the schema and every lint rule, so the benchmark times the clean path', () => {
    const files = Array.from({ length: 25 }, (_, i) => {
      const g = generateRunbook(i, SEED);
      return { file: g.file, text: g.text };
    });
    const catalog = checkCatalog(files);
    expect(catalog.problems.map((p) => `${p.file}:${p.line}: ${p.message} [${p.rule}]`)).toEqual([]);
    expect(catalog.runbooks.every((r) => r.value !== undefined)).toBe(true);
  });
});
