import { describe, it, expect } from 'vitest';
import { shortestCycle, stronglyConnected } from '../../../src/runbook/lint/stronglyConnected.js';

const graph: Record<string, string[]> = { a: ['b'], b: ['c', 'e'], c: ['a', 'd'], d: ['d'], e: [] };
const succ = (id: string): string[] => graph[id] ?? [];

describe('stronglyConnected', () => {
  it('groups nodes that reach each other, keeping self-loops and singletons apart', () => {
    expect(stronglyConnected(Object.keys(graph), succ).map((c) => [...c].sort().join(''))).toEqual(['d', 'e', 'abc']);
  });

  it('handles a long chain without recursion', () => {
    const ids = Array.from({ length: 20000 }, (_, i) => `n${i}`);
    const chain = (id: string): string[] => [`n${(Number(id.slice(1)) + 1) % ids.length}`];
    expect(stronglyConnected(ids, chain)).toHaveLength(1);
  });

  it('finds the shortest cycle through a node within a component', () => {
    expect(shortestCycle('a', new Set(['a', 'b', 'c']), succ)).toEqual(['a', 'b', 'c', 'a']);
    expect(shortestCycle('d', new Set(['d']), succ)).toEqual(['d', 'd']);
    expect(shortestCycle('e', new Set(['e']), succ)).toBeUndefined();
  });
});
