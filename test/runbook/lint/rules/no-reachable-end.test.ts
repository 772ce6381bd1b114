import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

describe('no-reachable-end', () => {
  it('reports at start when no end is reachable at all', () => {
    const problems = lintYaml(`
      runpath: 1
      id: demo
      title: Demo
      sources: { prom: { type: fixture } }
      start: a
      nodes:
        a: { type: action, title: A, instructions: Do A., next: b, max_visits: 2 }
        b: { type: action, title: B, instructions: Do B., next: a }
    `);
    expect(found(problems, 'no-reachable-end')).toEqual(['5:8 error']);
    expect(messages(problems, 'no-reachable-end')[0]).toContain('the runbook has no `end` node');
  });

  it('reports the entrance of a trap once, not every node inside it', () => {
    const problems = lintYaml(`
      runpath: 1
      id: demo
      title: Demo
      sources: { prom: { type: fixture } }
      start: ask
      nodes:
        ask:
          type: question
          question: Which way?
          answers:
            - { label: Out, next: done }
            - { label: Loop, next: spin }
        spin: { type: action, title: Spin, instructions: Wait., next: spin-again, max_visits: 3 }
        spin-again: { type: action, title: Again, instructions: Wait more., next: spin }
        done: { type: end, outcome: resolved }
    `);
    expect(found(problems, 'no-reachable-end')).toEqual(['13:3 error']);
    expect(messages(problems, 'no-reachable-end')).toEqual([
      "a walk that gets to node 'spin' can never finish: no `end` node is reachable from it; give it (or a node after it) a way out to an `end` node",
    ]);
  });

  it('accepts a loop with a way out', () => {
    const problems = lintYaml(`
      runpath: 1
      id: demo
      title: Demo
      sources: { prom: { type: fixture } }
      start: ask
      nodes:
        ask:
          type: question
          question: Fixed?
          answers:
            - { label: "Yes", next: done }
            - { label: "No", next: retry }
        retry: { type: action, title: Retry, instructions: Try again., next: ask, max_visits: 3 }
        done: { type: end, outcome: resolved }
    `);
    expect(found(problems, 'no-reachable-end')).toEqual([]);
  });
});
