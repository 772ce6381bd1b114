import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

function runbook(query: string): string {
  return [
    'runpath: 1',
    'id: demo',
    'title: Demo',
    'inputs:',
    '  service: { default: checkout }',
    '  threshold: { default: "0.5" }',
    '  window: { default: 10m }',
    'sources: { prom: { type: prometheus } }',
    'start: errors',
    'nodes:',
    '  errors:',
    '    type: check',
    '    source: prom',
    `    query: '${query}'`,
    '    branches: [{ when: { op: gt, value: 0.05 }, next: done }]',
    '    default: done',
    '    on_no_data: done',
    '    on_error: done',
    '  done: { type: end, outcome: resolved }',
    '',
  ].join('\n');
}

describe('placeholder-unsafe-context', () => {
  it('reports a placeholder spliced into the expression, at the placeholder', () => {
    const problems = lintYaml(runbook('errors{service="{{ inputs.service }}"} > {{ inputs.threshold }}'));
    expect(found(problems, 'placeholder-unsafe-context')).toEqual(['14:54 error']);
    expect(messages(problems, 'placeholder-unsafe-context')).toEqual([
      "`{{ inputs.threshold }}` in the query of check 'errors' sits outside a quoted string, where a value would be spliced into the PromQL itself; the engine can only escape string contents, so move it inside a label matcher's quotes (`label=\"{{ inputs.threshold }}\"`), or compare a threshold in the check's branches instead",
    ]);
  });

  it('reports placeholders in backtick strings and comments', () => {
    const problems = lintYaml(runbook('errors{service=~`{{ inputs.service }}`} # for {{ labels.team }}'));
    expect(messages(problems, 'placeholder-unsafe-context').map((m) => m.split(' sits ')[1]?.slice(0, 30))).toEqual([
      'in a backtick string, which ha',
      'in a PromQL comment, where a v',
    ]);
  });

  it('accepts placeholders in quoted strings, range durations and offsets', () => {
    const query = "rate(errors{service=\"{{ inputs.service }}\", team=\"{{ labels.team }}\"}[{{ inputs.window }}] offset {{ inputs.window }})";
    expect(found(lintYaml(runbook(query)), 'placeholder-unsafe-context')).toEqual([]);
  });
});
