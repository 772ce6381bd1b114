import { describe, expect, it } from 'vitest';
import type { ValidateFunction } from 'ajv';
import { schemaDocument, schemaValidator, usePrecompiledValidators } from '../../src/runbook/schemaValidators.js';

function fake(): ValidateFunction {
  return Object.assign(() => true, { errors: null }) as unknown as ValidateFunction;
}

describe('usePrecompiledValidators', () => {
  it('takes a validator compiled from the current schema text and ignores one compiled from another', () => {
    const current = fake();
    const stale = fake();
    const taken = usePrecompiledValidators({
      scenario: { validate: current, schema: JSON.stringify(schemaDocument('scenario')) },
      'runbook-test': { validate: stale, schema: '{"type":"object"}' },
    });
    expect(taken).toEqual(['scenario']);
    expect(schemaValidator('scenario')).toBe(current);
    expect(schemaValidator('runbook-test')).not.toBe(stale);
    expect(schemaValidator('runbook-test')({ nonsense: true })).toBe(false);
  });

  it('never replaces a validator already in use', () => {
    const inUse = schemaValidator('runbook');
    expect(usePrecompiledValidators({ runbook: { validate: fake(), schema: JSON.stringify(schemaDocument('runbook')) } })).toEqual([]);
    expect(schemaValidator('runbook')).toBe(inUse);
  });
});
