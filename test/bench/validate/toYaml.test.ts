import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { toYaml } from '../../../bench/validate/toYaml.js';

const roundTrip = (doc: Record<string, unknown>): unknown => parse(toYaml(doc), { version: '1.2', schema: 'core' });

describe('toYaml', () => {
  it('quotes strings YAML would read as something else', () => {
    const doc = { a: 'yes', b: 'No', c: 'null', d: '10', e: 'key: value', f: 'x # y', g: '${PROMETHEUS_URL}', h: '"quoted"', i: '', j: '85-95% used' };
    expect(roundTrip(doc)).toEqual(doc);
  });

  it('writes short maps and lists in flow style and keeps durations plain', () => {
    const text = toYaml({ when: { op: 'gt', value: 0.05, for: '10m' }, tags: ['a', 'b'], range: { op: 'between', value: [0.8, 0.95] } });
    expect(text).toContain('when: { op: gt, value: 0.05, for: 10m }');
    expect(text).toContain('tags: [a, b]');
    expect(text).toContain('value: [0.8, 0.95]');
  });

  it('folds long queries without splitting a placeholder, and reads back the same string', () => {
    const query = 'sum(rate(http_requests_total{service="{{ inputs.service }}",code=~"5.."}[5m])) / sum(rate(http_requests_total{service="{{ inputs.service }}"}[5m]))';
    const text = toYaml({ query });
    expect(text).toMatch(/^query: >-\n/);
    expect(text).not.toMatch(/\{\{[^}\n]*\n/);
    expect(roundTrip({ query })).toEqual({ query });
  });

  it('writes Markdown as a literal block', () => {
    const instructions = 'Roll back:\n\n```sh\nkubectl rollout undo\n```\n';
    expect(toYaml({ instructions })).toBe('instructions: |\n  Roll back:\n\n  ```sh\n  kubectl rollout undo\n  ```\n');
    expect(roundTrip({ instructions })).toEqual({ instructions });
  });

  it('refuses text a literal block cannot carry as is', () => {
    expect(() => toYaml({ text: '  indented first line\nmore\n' })).toThrow(/literal block/);
  });
});
