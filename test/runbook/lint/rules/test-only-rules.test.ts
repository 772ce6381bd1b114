import { describe, it, expect } from 'vitest';
import { RULES, isRuleId } from '../../../../src/runbook/lint/ruleCatalog.js';

describe('rule ids only `runpath test` emits', () => {
  it('are in the rule catalog as errors, so SARIF and isRuleId know them', () => {
    for (const id of ['runbook-not-found', 'runbook-has-errors', 'no-tests', 'no-matching-case']) {
      expect(isRuleId(id)).toBe(true);
      expect(isRuleId(id) ? RULES[id].severity : undefined).toBe('error');
    }
  });

  it('sit beside the new lint rules with their severities', () => {
    expect(RULES['bad-input-pattern'].severity).toBe('error');
    expect(RULES['change-without-compare'].severity).toBe('error');
    expect(RULES['unused-compare'].severity).toBe('warning');
  });
});
