import { describe, expect, it } from 'vitest';
import { checkRequirements } from '../../src/engine/checkRequirements.js';
import { checkNode } from '../fixtures/engine/runbooks.js';

describe('checkRequirements', () => {
  it('asks for nothing extra from an instant check', () => {
    expect(checkRequirements(checkNode({ branches: [{ when: { op: 'gt', value: 1 }, next: 'x' }] }))).toEqual({});
  });

  it('asks for the longest for window and the compare offset', () => {
    const node = checkNode({
      compare: { offset: '1d' },
      branches: [
        { when: { op: 'gt', value: 1, for: '5m' }, next: 'x' },
        { when: { op: 'gt', value: 0.5, for: '1h' }, next: 'y' },
        { when: { op: 'gt', change: 0.5 }, next: 'z' },
      ],
    });
    expect(checkRequirements(node)).toEqual({ rangeSeconds: 3600, baselineOffsetSeconds: 86400 });
  });

  it('throws on a bad duration', () => {
    expect(() => checkRequirements(checkNode({ compare: { offset: 'yesterday' } }))).toThrow(/not a duration/);
  });
});
