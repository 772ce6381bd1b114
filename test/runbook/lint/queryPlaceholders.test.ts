import { describe, it, expect } from 'vitest';
import { queryPlaceholders } from '../../../src/runbook/lint/queryPlaceholders.js';

function contexts(query: string): string[] {
  return queryPlaceholders(query).map((p) => `${p.name}:${p.context}`);
}

describe('queryPlaceholders', () => {
  it('tells strings, durations, offsets, comments and bare expression apart', () => {
    expect(contexts('rate(x{a="{{ inputs.a }}", b=\'{{ inputs.b }}\', c=~`{{ inputs.c }}`}[{{ inputs.w }}] offset {{ inputs.o }}) > {{ inputs.t }} # {{ labels.team }}'))
      .toEqual(['a:string', 'b:string', 'c:raw-string', 'w:duration', 'o:offset', 't:expression', 'team:comment']);
  });

  it('is not fooled by braces and quotes inside placeholders or escaped quotes in strings', () => {
    expect(contexts('x{a="say \\"{{ inputs.a }}\\""} + {{ inputs.b }}')).toEqual(['a:string', 'b:expression']);
    expect(contexts('x[5m:{{ inputs.step }}]')).toEqual(['step:duration']);
  });

  it('finds nothing in a query without placeholders', () => {
    expect(queryPlaceholders('sum(x)')).toEqual([]);
  });
});
