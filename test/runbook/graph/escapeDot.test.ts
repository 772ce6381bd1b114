import { describe, it, expect } from 'vitest';
import { dotId, dotString, escapeDot } from '../../../src/runbook/graph/escapeDot.js';

describe('escapeDot', () => {
  it('escapes quotes, backslashes and entities', () => {
    expect(escapeDot('a "b" \\N & <c>')).toBe('a \\"b\\" \\\\N &amp; <c>');
  });

  it('flattens raw line breaks', () => {
    expect(escapeDot('a\nb')).toBe('a b');
  });
});

describe('dotString', () => {
  it('joins lines with \\n inside one quoted string', () => {
    expect(dotString(['x', 'y"'])).toBe('"x\\ny\\""');
    expect(dotString('one')).toBe('"one"');
  });

  it('cannot be closed early by a trailing backslash', () => {
    expect(dotString('ends with \\')).toBe('"ends with \\\\"');
  });
});

describe('dotId', () => {
  it('quotes ids without touching &', () => {
    expect(dotId('error-rate')).toBe('"error-rate"');
    expect(dotId('a&"b')).toBe('"a&\\"b"');
  });
});
