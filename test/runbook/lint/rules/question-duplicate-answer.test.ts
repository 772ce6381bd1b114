import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

function runbook(labels: string[]): string {
  return [
    'runpath: 1',
    'id: demo',
    'title: Demo',
    'sources: { prom: { type: fixture } }',
    'start: ask',
    'nodes:',
    '  ask:',
    '    type: question',
    '    question: Was there a deploy?',
    '    answers:',
    ...labels.map((l) => `      - { label: "${l}", next: done }`),
    '  done: { type: end, outcome: resolved }',
    '',
  ].join('\n');
}

describe('question-duplicate-answer', () => {
  it('reports a label repeated ignoring case, at the later one', () => {
    const problems = lintYaml(runbook(['Yes', 'No', 'yes ']));
    expect(found(problems, 'question-duplicate-answer')).toEqual(['13:18 error']);
    expect(messages(problems, 'question-duplicate-answer')).toEqual([
      "answer 3 'yes ' of question 'ask' repeats answer 1 'Yes'; rename one so the person on call can tell them apart, or merge them",
    ]);
  });

  it('accepts distinct labels', () => {
    expect(found(lintYaml(runbook(['Yes', 'No', 'Not sure'])), 'question-duplicate-answer')).toEqual([]);
  });
});
