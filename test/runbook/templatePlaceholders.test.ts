import { describe, it, expect } from 'vitest';
import { findPlaceholders } from '../../src/runbook/templatePlaceholders.js';

describe('findPlaceholders', () => {
  it('finds inputs and labels with or without spaces, with offsets into the text', () => {
    const text = 'svc="{{ inputs.service }}", job="{{labels.job}}"';
    expect(findPlaceholders(text)).toEqual([
      { start: 5, end: 25, scope: 'inputs', name: 'service', raw: '{{ inputs.service }}', closed: true },
      { start: 33, end: 47, scope: 'labels', name: 'job', raw: '{{labels.job}}', closed: true },
    ]);
    expect(text.slice(5, 25)).toBe('{{ inputs.service }}');
  });

  it('returns anything else inside braces with a null scope', () => {
    expect(findPlaceholders('{{ input.service }} {{ inputs.a.b }} {{}} {{ inputs. x }}').map((p) => [p.scope, p.name])).toEqual([
      [null, 'input.service'],
      [null, 'inputs.a.b'],
      [null, ''],
      [null, 'inputs. x'],
    ]);
  });

  it('reports a {{ that is never closed, even when a later placeholder is', () => {
    expect(findPlaceholders('a {{ inputs.x b {{ inputs.y }}')).toEqual([
      { start: 2, end: 4, scope: null, name: '', raw: '{{', closed: false },
      { start: 16, end: 30, scope: 'inputs', name: 'y', raw: '{{ inputs.y }}', closed: true },
    ]);
  });

  it('finds nothing in plain text', () => {
    expect(findPlaceholders('sum(rate(x{a="b"}[5m]))')).toEqual([]);
  });
});
