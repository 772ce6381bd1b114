import { describe, it, expect } from 'vitest';
import { found, lintYaml, messages } from '../lintYaml.js';

/** A runbook whose one input `service` (line 5) has the given `pattern` (line 6) and `default` (line 7). */
function runbook(pattern: string, defaultValue = 'checkout'): string {
  return `
    runpath: 1
    id: demo
    title: Demo
    inputs:
      service:
        pattern: ${pattern}
        default: ${defaultValue}
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

describe('bad-input-pattern', () => {
  it('reports a pattern that does not compile at the pattern value, with the reason', () => {
    const problems = lintYaml(runbook('"[a-z"'));
    expect(found(problems, 'bad-input-pattern')).toEqual(['6:14 error']);
    expect(messages(problems, 'bad-input-pattern')).toEqual([
      "the pattern of input 'service' is not a valid regular expression: Unterminated character class (runpath compiles it as /^(?:[a-z)$/u); fix the pattern so it compiles, or remove it",
    ]);
  });

  it('explains a pattern that only Unicode mode rejects', () => {
    const problems = lintYaml(runbook(String.raw`'[a-z]+\-[0-9]+'`, 'checkout-1'));
    expect(found(problems, 'bad-input-pattern')).toEqual(['6:14 error']);
    expect(messages(problems, 'bad-input-pattern')[0]).toContain('Invalid escape');
    expect(messages(problems, 'bad-input-pattern')[0]).toContain('it would compile without the `u` flag');
  });

  it('reports a stray `)` that would break out of the anchoring group', () => {
    const problems = lintYaml(runbook('"checkout)|(.*"'));
    expect(found(problems, 'bad-input-pattern')).toEqual(['6:14 error']);
    expect(messages(problems, 'bad-input-pattern')[0]).toContain('closes a group it never opened');
  });

  it('reports a default that does not match its pattern at the default value', () => {
    const problems = lintYaml(runbook('"[a-z0-9-]+"', 'Checkout'));
    expect(found(problems, 'bad-input-pattern')).toEqual(['7:14 error']);
    expect(messages(problems, 'bad-input-pattern')).toEqual([
      "the default 'Checkout' of input 'service' does not match its pattern [a-z0-9-]+ (the whole value must match), so every walk started without a value for it fails; change the default or widen the pattern",
    ]);
  });

  it('anchors the pattern as the engine does: a default matching only partly is reported', () => {
    expect(found(lintYaml(runbook('"[a-z]+"', 'checkout-2')), 'bad-input-pattern')).toEqual(['7:14 error']);
  });

  it('accepts a valid pattern that its default matches, and inputs without pattern or default', () => {
    expect(found(lintYaml(runbook('"[a-z0-9-]+"', 'checkout-2')), 'bad-input-pattern')).toEqual([]);
    expect(found(lintYaml(runbook(String.raw`'\p{L}+'`, 'café')), 'bad-input-pattern')).toEqual([]);
    expect(found(lintYaml(runbook('"[a-z]+"', '""').replace('default: ""', 'description: no default')), 'bad-input-pattern')).toEqual([]);
  });
});
