import { describe, expect, it } from 'vitest';
import { ordinal } from '../../src/engine/ordinal.js';

describe('ordinal', () => {
  it.each([
    [1, '1st'],
    [2, '2nd'],
    [3, '3rd'],
    [4, '4th'],
    [11, '11th'],
    [12, '12th'],
    [13, '13th'],
    [21, '21st'],
    [102, '102nd'],
    [112, '112th'],
  ])('%d → %s', (n, text) => {
    expect(ordinal(n)).toBe(text);
  });
});
