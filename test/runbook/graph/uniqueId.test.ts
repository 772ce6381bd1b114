import { describe, it, expect } from 'vitest';
import { uniqueId } from '../../../src/runbook/graph/uniqueId.js';

describe('uniqueId', () => {
  it('suffixes until the id is free, and reserves it', () => {
    const taken = new Set(['a', 'a_2']);
    expect(uniqueId('a', taken)).toBe('a_3');
    expect(uniqueId('a', taken)).toBe('a_4');
    expect(uniqueId('b', taken)).toBe('b');
    expect(taken.has('b')).toBe(true);
  });
});
