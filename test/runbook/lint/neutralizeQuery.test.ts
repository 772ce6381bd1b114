import { describe, it, expect } from 'vitest';
import { neutralizeQuery } from '../../../src/runbook/lint/neutralizeQuery.js';
import { queryPlaceholders } from '../../../src/runbook/lint/queryPlaceholders.js';

function neutral(query: string, defaults: Record<string, string> = {}) {
  return neutralizeQuery(query, queryPlaceholders(query), (p) => defaults[p.name]);
}

describe('neutralizeQuery', () => {
  it('fills strings with same-length x, durations with a duration, expressions with a token', () => {
    const n = neutral('x{a="{{ inputs.a }}"}[{{ inputs.w }}] > {{ inputs.t }}', { w: '10m', t: '0.5' });
    expect(n.text).toBe('x{a="xxxxxxxxxxxxxx"}[10m] > 0.5');
  });

  it('falls back to safe tokens when the default does not fit the context', () => {
    expect(neutral('x[{{ inputs.w }}] > {{ inputs.t }}', { w: 'ten minutes', t: 'a b' }).text).toBe('x[5m] > x');
    expect(neutral('x[{{ inputs.n }}m] + {{ labels.prefix }}_total').text).toBe('x[5m] + x_total');
  });

  it('maps ranges back to the original query, widening a range that touches a stand-in to the placeholder', () => {
    const query = 'x[{{ inputs.w }}] + ) + {{ inputs.t }}';
    const n = neutral(query, { w: '10m' });
    expect(n.text).toBe('x[10m] + ) + x');
    const paren = n.text.indexOf(')');
    expect(n.toOriginal(paren, paren + 1)).toEqual({ start: query.indexOf(')'), end: query.indexOf(')') + 1 });
    expect(n.toOriginal(2, 5)).toEqual({ start: 2, end: 16 });
    expect(n.toOriginal(n.text.length - 1, n.text.length)).toEqual({ start: query.length - 14, end: query.length });
  });
});
