import { describe, it, expect } from 'vitest';
import { graphModel } from '../../../src/runbook/graph/graphModel.js';
import { everyEdgeKind, runbookOf } from './sampleRunbooks.js';

describe('graphModel', () => {
  it('merges edges between the same two nodes and dashes only pure fallbacks', () => {
    const { edges } = graphModel(everyEdgeKind);
    expect(edges.map((e) => [e.from, e.to, e.lines.join('|'), e.fallback])).toEqual([
      ['c', 'q', '> 1 / error', false],
      ['c', 'a', 'default', true],
      ['c', 'e', 'no data', true],
      ['q', 'a', 'Because', false],
      ['a', 'e', '', false],
      ['a', 'c', 'skip', true],
    ]);
    expect(edges[0]?.kinds).toEqual(['branch', 'error']);
  });

  it('labels a next and a skip to the same node "done / skip"', () => {
    const rb = runbookOf({
      a: { type: 'action', title: 'Do', instructions: 'x', next: 'e', on_skip: 'e' },
      e: { type: 'end', outcome: 'resolved' },
    });
    expect(graphModel(rb).edges).toEqual([{ from: 'a', to: 'e', kinds: ['next', 'skip'], lines: ['done / skip'], fallback: false }]);
  });

  it('shows max visits, mitigation, outcome and handoff in node labels', () => {
    const rb = runbookOf({
      a: { type: 'action', title: 'Roll back', instructions: 'x', mitigation: true, next: 'e', max_visits: 3 },
      b: { type: 'action', title: 'Once', instructions: 'x', next: 'e', max_visits: 1 },
      e: { type: 'end', outcome: 'false_alarm', handoff: 'db-oncall' },
      escalate: { type: 'end', outcome: 'escalate' },
    });
    const nodes = graphModel(rb).nodes;
    expect(nodes.map((n) => n.lines)).toEqual([
      ['Roll back', '(mitigation)', '↻ max 3 visits'],
      ['Once', '↻ max 1 visit'],
      ['e', 'outcome: false alarm', 'page db-oncall'],
      ['escalate'],
    ]);
    expect(nodes.map((n) => n.mitigation)).toEqual([true, false, false, false]);
    expect(nodes[2]?.outcome).toBe('false_alarm');
  });

  it('uses the title, else the question, else the node id', () => {
    const rb = runbookOf({
      c: { type: 'check', title: 'Error ratio', source: 'prom', query: 'up', branches: [], default: 'q', on_no_data: 'q', on_error: 'q' },
      d: { type: 'check', source: 'prom', query: 'up', branches: [], default: 'q', on_no_data: 'q', on_error: 'q' },
      q: { type: 'question', question: 'Deployed?', answers: [{ label: 'yes', next: 'r' }] },
      r: { type: 'question', title: 'Deploy', question: 'Deployed?', answers: [{ label: 'yes', next: 'e' }] },
      e: { type: 'end', outcome: 'resolved', title: 'All good' },
    });
    expect(graphModel(rb).nodes.map((n) => n.lines[0])).toEqual(['Error ratio', 'd', 'Deployed?', 'Deploy', 'All good']);
  });

  it('shortens and wraps long titles', () => {
    const long = 'Check whether the upstream payment provider is timing out for more than a few percent of all checkout requests right now';
    const rb = runbookOf({ e: { type: 'end', outcome: 'resolved', title: long } }, 'e', long);
    const model = graphModel(rb);
    const lines = model.nodes[0]?.lines ?? [];
    expect(lines.slice(0, -1).every((l) => Array.from(l).length <= 30)).toBe(true);
    expect(lines.at(-2)?.endsWith('…')).toBe(true);
    expect(Array.from(model.title).length).toBeLessThanOrEqual(80);
    expect(model.title.endsWith('…')).toBe(true);
  });

  it('adds a missing node for a target or start that names no node', () => {
    const rb = runbookOf({ a: { type: 'action', title: 'Do', instructions: 'x', next: 'nowhere' } }, 'begin');
    const nodes = graphModel(rb).nodes;
    expect(nodes.map((n) => [n.id, n.kind, n.lines.join(' ')])).toEqual([
      ['a', 'action', 'Do'],
      ['begin', 'missing', 'begin (no such node)'],
      ['nowhere', 'missing', 'nowhere (no such node)'],
    ]);
  });
});

describe('graphModel edge labels', () => {
  it("puts a branch's own label before its condition, keeping the condition whole", () => {
    const rb = runbookOf({
      c: {
        type: 'check',
        source: 'prom',
        query: 'up',
        branches: [
          { when: { op: 'gt', value: 0.05 }, next: 'e', label: 'more than 5% of requests fail' },
          { when: { op: 'gt', value: 0.01, for: '10m' }, next: 'e', label: 'above 1%' },
        ],
        on_no_data: 'e',
        on_error: 'e',
      },
      e: { type: 'end', outcome: 'escalate' },
    });
    expect(graphModel(rb).edges[0]?.lines).toEqual([
      'more than 5% of requests',
      'fail (> 0.05) /',
      'above 1% (> 0.01 for 10m) /',
      'no data / error',
    ]);
  });

  it('wraps long answer labels and shortens them to 40 characters', () => {
    const rb = runbookOf({
      q: { type: 'question', question: '?', answers: [{ label: 'The external risk-scoring call (under fraud-check) is slow', next: 'e' }] },
      e: { type: 'end', outcome: 'escalate' },
    });
    expect(graphModel(rb).edges[0]?.lines).toEqual(['The external risk-scoring', 'call (under…']);
  });
});
