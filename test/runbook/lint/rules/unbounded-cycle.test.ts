import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

function runbook(rollbackLimit: string): string {
  return `
    runpath: 1
    id: checkout-5xx
    title: Checkout 5xx
    sources: { prom: { type: prometheus } }
    start: error-rate
    nodes:
      error-rate:
        type: check
        source: prom
        query: sum(rate(http_requests_total{code=~"5.."}[5m]))
        branches:
          - { when: { op: gt, value: 0.05 }, next: recent-deploy }
        default: done
        on_no_data: done
        on_error: done
      recent-deploy:
        type: question
        question: Deployed lately?
        answers:
          - { label: "Yes", next: rollback }
          - { label: "No", next: done }
      rollback:
        type: action
        title: Roll back
        instructions: Roll back the deploy.
        next: error-rate${rollbackLimit}
      done: { type: end, outcome: escalate }
  `;
}

describe('unbounded-cycle', () => {
  it('prints the cycle path and asks for max_visits, at the first node of the cycle', () => {
    const problems = lintYaml(runbook(''));
    expect(found(problems, 'unbounded-cycle')).toEqual(['7:3 error']);
    expect(messages(problems, 'unbounded-cycle')).toEqual([
      "cycle without a visit limit: error-rate → recent-deploy → rollback → error-rate; add `max_visits` to one of its nodes ('error-rate', 'recent-deploy', 'rollback') so a walk cannot loop forever",
    ]);
  });

  it('accepts the same loop once one of its nodes has max_visits', () => {
    expect(found(lintYaml(runbook('\n        max_visits: 3')), 'unbounded-cycle')).toEqual([]);
  });

  it('still finds a second cycle that avoids the limited node', () => {
    const problems = lintYaml(`
      runpath: 1
      id: demo
      title: Demo
      sources: { prom: { type: fixture } }
      start: hub
      nodes:
        hub:
          type: question
          question: Where?
          answers:
            - { label: Limited, next: limited }
            - { label: Free, next: free }
            - { label: Out, next: done }
        limited: { type: action, title: L, instructions: L., next: hub, max_visits: 2 }
        free: { type: action, title: F, instructions: F., next: hub }
        done: { type: end, outcome: resolved }
    `);
    expect(messages(problems, 'unbounded-cycle')).toEqual([
      "cycle without a visit limit: hub → free → hub; add `max_visits` to one of its nodes ('hub', 'free') so a walk cannot loop forever",
    ]);
  });
});
