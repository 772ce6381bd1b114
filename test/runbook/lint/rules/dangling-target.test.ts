import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

describe('dangling-target', () => {
  it('reports a next that names no node, at the value, suggesting the closest id', () => {
    const problems = lintYaml(`
      runpath: 1
      id: demo
      title: Demo
      sources: { prom: { type: fixture } }
      start: ask
      nodes:
        ask:
          type: question
          question: Roll back?
          answers:
            - { label: "Yes", next: rolback }
            - { label: "No", next: done }
        rollback: { type: action, title: Roll back, instructions: Do it., next: done, on_skip: nowhere }
        done: { type: end, outcome: resolved }
    `);
    expect(found(problems, 'dangling-target')).toEqual(['11:31 error', '13:90 error']);
    expect(messages(problems, 'dangling-target')).toEqual([
      "`next` names node 'rolback', which does not exist; did you mean 'rollback'?",
      "`on_skip` names node 'nowhere', which does not exist; add a node 'nowhere' under `nodes` or point `on_skip` at an existing one",
    ]);
  });

  it('reports a dangling start and does not pile reachability problems on it', () => {
    const problems = lintYaml(`
      runpath: 1
      id: demo
      title: Demo
      sources: { prom: { type: fixture } }
      start: begin
      nodes:
        done: { type: end, outcome: resolved }
    `);
    expect(problems.map((p) => `${p.line}:${p.column} ${p.rule}`)).toEqual(['4:12 unused-source', '5:8 dangling-target']);
  });

  it('accepts targets that all exist', () => {
    const problems = lintYaml(`
      runpath: 1
      id: demo
      title: Demo
      sources: { prom: { type: fixture } }
      start: ask
      nodes:
        ask:
          type: question
          question: Done?
          answers: [{ label: "Yes", next: done }]
        done: { type: end, outcome: resolved }
    `);
    expect(found(problems, 'dangling-target')).toEqual([]);
  });
});
