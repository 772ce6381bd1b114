import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

function runbook(question: string): string {
  return `
    runpath: 1
    id: demo
    title: Demo
    inputs:
      service: { default: checkout }
    sources: { prom: { type: fixture } }
    start: ask
    nodes:
      ask:
        type: question
        question: "${question}"
        answers: [{ label: "Yes", next: done }]
      done: { type: end, outcome: resolved }
  `;
}

describe('undefined-input', () => {
  it('reports an input no `inputs` entry declares, at the placeholder, suggesting the closest', () => {
    const problems = lintYaml(runbook('Is {{ inputs.sevice }} or {{ inputs.zone }} down?'));
    expect(found(problems, 'undefined-input')).toEqual(['11:19 error', '11:42 error']);
    expect(messages(problems, 'undefined-input')).toEqual([
      "`{{ inputs.sevice }}` uses input 'sevice', which `inputs` does not declare; did you mean 'service'? Fix the name or declare 'sevice' under `inputs:`",
      "`{{ inputs.zone }}` uses input 'zone', which `inputs` does not declare; declare it under `inputs:`",
    ]);
  });

  it('accepts declared inputs and any alert label', () => {
    expect(found(lintYaml(runbook('Is {{ inputs.service }} in {{ labels.zone }} down?')), 'undefined-input')).toEqual([]);
  });
});
