import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

const HEAD = `
  runpath: 1
  id: demo
  title: Demo
  sources: { prom: { type: fixture } }
  start: ask
  nodes:
    ask:
      type: question
      question: Fixed?
      answers: [{ label: "Yes", next: done }]
    done: { type: end, outcome: resolved }`;

describe('unreachable-node', () => {
  it('warns at the key of a node no path from start reaches', () => {
    const problems = lintYaml(`${HEAD}
    orphan: { type: end, outcome: escalate }`);
    expect(found(problems, 'unreachable-node')).toEqual(['12:3 warning']);
    expect(messages(problems, 'unreachable-node')).toEqual([
      "node 'orphan' is never reached from start 'ask'; point a `next`, branch or answer at it, or delete it",
    ]);
  });

  it('accepts a tree where every node is reachable', () => {
    expect(found(lintYaml(HEAD), 'unreachable-node')).toEqual([]);
  });
});
