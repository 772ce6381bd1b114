import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

function runbook(inputs: string): string {
  return `
    runpath: 1
    id: demo
    title: Demo
    inputs:
${inputs}
    sources: { prom: { type: prometheus } }
    start: rate
    nodes:
      rate:
        type: check
        source: prom
        query: sum(rate(http_requests_total{service="{{ inputs.service }}"}[5m]))
        branches: [{ when: { op: gt, value: 1 }, next: done }]
        default: done
        on_no_data: done
        on_error: done
      done: { type: end, outcome: resolved }
  `;
}

describe('unused-input', () => {
  it('warns at the key of an input no placeholder uses', () => {
    const problems = lintYaml(runbook('      service: {}\n      region: { default: eu }'));
    expect(found(problems, 'unused-input')).toEqual(['6:3 warning']);
    expect(messages(problems, 'unused-input')).toEqual([
      "input 'region' is never used: no `{{ inputs.region }}` in a query, title, question or instructions; use it or remove it",
    ]);
  });

  it('accepts used inputs, and unused ones mapped from an alert label', () => {
    expect(found(lintYaml(runbook('      service: {}\n      cluster: { label: k8s_cluster }')), 'unused-input')).toEqual([]);
  });
});
