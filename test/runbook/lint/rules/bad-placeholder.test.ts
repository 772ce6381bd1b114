import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

function runbook(instructions: string): string {
  return `
    runpath: 1
    id: demo
    title: Demo
    inputs:
      service: { default: checkout }
    sources: { prom: { type: fixture } }
    start: act
    nodes:
      act:
        type: action
        title: Restart {{ inputs.service }}
        instructions: "${instructions}"
        next: done
      done: { type: end, outcome: resolved }
  `;
}

describe('bad-placeholder', () => {
  it('reports placeholders runpath does not know, with a guess when it is clear', () => {
    const problems = lintYaml(runbook('Restart {{ input.service }} via {{ env.HOME }}, then {{ inputs.service'));
    expect(found(problems, 'bad-placeholder')).toEqual(['12:28 error', '12:52 error', '12:73 error']);
    expect(messages(problems, 'bad-placeholder')).toEqual([
      '`{{ input.service }}` is not a placeholder runpath knows (did you mean `{{ inputs.service }}`?); write `{{ inputs.NAME }}` or `{{ labels.NAME }}`',
      '`{{ env.HOME }}` is not a placeholder runpath knows; write `{{ inputs.NAME }}` or `{{ labels.NAME }}`',
      'this `{{` is never closed; close it with `}}` or remove it',
    ]);
  });

  it('accepts inputs and labels placeholders', () => {
    expect(found(lintYaml(runbook('Restart {{inputs.service}} on {{ labels.instance }}.')), 'bad-placeholder')).toEqual([]);
  });
});
