import { describe, it, expect } from 'vitest';
import { runbookEdges } from '../../../src/runbook/graph/runbookEdges.js';
import { everyEdgeKind, runbookOf } from './sampleRunbooks.js';

describe('runbookEdges', () => {
  it('lists every kind of edge in YAML order with human labels', () => {
    expect(runbookEdges(everyEdgeKind)).toEqual([
      { from: 'c', to: 'q', kind: 'branch', label: '> 1', index: 0 },
      { from: 'c', to: 'a', kind: 'default', label: 'default' },
      { from: 'c', to: 'e', kind: 'no_data', label: 'no data' },
      { from: 'c', to: 'q', kind: 'error', label: 'error' },
      { from: 'q', to: 'a', kind: 'answer', label: 'Because', index: 0 },
      { from: 'a', to: 'e', kind: 'next', label: '' },
      { from: 'a', to: 'c', kind: 'skip', label: 'skip' },
    ]);
  });

  it("keeps a branch's own label as its title and uses the compare offset", () => {
    const rb = runbookOf({
      c: {
        type: 'check',
        source: 'prom',
        query: 'up',
        compare: { offset: '1d' },
        branches: [{ when: { op: 'gt', change: 0.5 }, next: 'e', label: 'latency up by half' }],
        on_no_data: 'e',
        on_error: 'e',
      },
      e: { type: 'end', outcome: 'escalate' },
    });
    expect(runbookEdges(rb)[0]).toEqual({ from: 'c', to: 'e', kind: 'branch', label: 'change > +50% vs 1d ago', title: 'latency up by half', index: 0 });
  });

  it('has no default edge when the check has no default, and no skip edge without on_skip', () => {
    const rb = runbookOf({
      c: { type: 'check', source: 'prom', query: 'up', branches: [{ when: { op: 'gt', value: 0 }, next: 'a' }], on_no_data: 'a', on_error: 'a' },
      a: { type: 'action', title: 'Do', instructions: 'x', next: 'e' },
      e: { type: 'end', outcome: 'resolved' },
    });
    expect(runbookEdges(rb).map((e) => e.kind)).toEqual(['branch', 'no_data', 'error', 'next']);
  });

  it('still yields an edge to a target that names no node', () => {
    const rb = runbookOf({ a: { type: 'action', title: 'Do', instructions: 'x', next: 'nowhere' } });
    expect(runbookEdges(rb)).toEqual([{ from: 'a', to: 'nowhere', kind: 'next', label: '' }]);
  });
});
