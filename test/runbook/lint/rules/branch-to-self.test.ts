import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

function runbook(next: string): string {
  return `
    runpath: 1
    id: demo
    title: Demo
    sources: { prom: { type: prometheus } }
    start: lag
    nodes:
      lag:
        type: check
        max_visits: 5
        source: prom
        query: max(kafka_consumergroup_lag)
        branches:
          - { when: { op: gt, value: 1000 }, next: ${next} }
        default: done
        on_no_data: done
        on_error: done
      wait: { type: action, title: Wait, instructions: Wait five minutes., next: lag }
      done: { type: end, outcome: resolved }
  `;
}

describe('branch-to-self', () => {
  it('warns at the next of a branch that leads straight back to its check', () => {
    const problems = lintYaml(runbook('lag'));
    expect(found(problems, 'branch-to-self')).toEqual(['13:48 warning']);
    expect(messages(problems, 'branch-to-self')[0]).toBe(
      "check 'lag' leads straight back to itself (`next`), re-reading the metric at once; route it through an action (wait, then re-check) or a question");
  });

  it('accepts a re-check through an action', () => {
    expect(found(lintYaml(runbook('wait')), 'branch-to-self')).toEqual([]);
  });
});
