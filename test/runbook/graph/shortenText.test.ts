import { describe, it, expect } from 'vitest';
import { oneLine, shortenText } from '../../../src/runbook/graph/shortenText.js';

describe('oneLine', () => {
  it('collapses line breaks, tabs and control characters', () => {
    expect(oneLine('  a\nb\r\n\tc\u0000d\u2028e  ')).toBe('a b c d e');
  });
});

describe('shortenText', () => {
  it('leaves short text alone', () => {
    expect(shortenText('Roll back', 20)).toBe('Roll back');
  });

  it('cuts at a word boundary and adds an ellipsis', () => {
    const out = shortenText('Check whether the payment provider is returning timeouts', 30);
    expect(out).toBe('Check whether the payment…');
    expect(Array.from(out).length).toBeLessThanOrEqual(30);
  });

  it('cuts inside a long word rather than losing most of the text', () => {
    expect(shortenText('x'.repeat(50), 10)).toBe(`${'x'.repeat(9)}…`);
  });

  it('drops trailing punctuation before the ellipsis', () => {
    expect(shortenText('one two, three four five', 10)).toBe('one two…');
  });
});
