import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

function runbook(sources: string, source: string): string {
  return `
    runpath: 1
    id: demo
    title: Demo
    sources: ${sources}
    start: up
    nodes:
      up:
        type: check
        source: ${source}
        query: up
        branches: [{ when: { op: eq, value: 0 }, next: done }]
        default: done
        on_no_data: done
        on_error: done
      done: { type: end, outcome: resolved }
  `;
}

describe('undeclared-source and unused-source', () => {
  it('reports a check source that is not declared, suggesting the closest, and the unused one', () => {
    const problems = lintYaml(runbook('{ prom: { type: prometheus } }', 'porm'));
    expect(found(problems, 'undeclared-source')).toEqual(['9:13 error']);
    expect(messages(problems, 'undeclared-source')).toEqual(["check 'up' reads source 'porm', which `sources` does not declare; did you mean 'prom'?"]);
    expect(found(problems, 'unused-source')).toEqual(['4:12 warning']);
    expect(messages(problems, 'unused-source')).toEqual(["source 'prom' is declared but no check reads it; remove it or set a check's `source: prom`"]);
  });

  it('shows how to declare a source when no name is close', () => {
    expect(messages(lintYaml(runbook('{ prom: { type: prometheus } }', 'thanos')), 'undeclared-source')).toEqual([
      'check \'up\' reads source \'thanos\', which `sources` does not declare; declare it under `sources:` (e.g. `thanos: { type: prometheus, url: "${PROMETHEUS_URL}" }`)',
    ]);
  });

  it('accepts a declared source that checks read', () => {
    const problems = lintYaml(runbook('{ prom: { type: prometheus } }', 'prom'));
    expect([...found(problems, 'undeclared-source'), ...found(problems, 'unused-source')]).toEqual([]);
  });
});
