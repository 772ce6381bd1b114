import { describe, expect, it } from 'vitest';
import { describePathMismatch } from '../../src/engine/describePathMismatch.js';

describe('describePathMismatch', () => {
  it('is undefined for equal paths', () => {
    expect(describePathMismatch(['a', 'b'], ['a', 'b'])).toBeUndefined();
  });

  it('shows where the paths diverge and both in full', () => {
    expect(describePathMismatch(['a', 'b', 'c'], ['a', 'x', 'c'])).toBe(
      ["path differs at step 2: expected 'b', got 'x'", '  expected: a → b → c', '  actual:   a → x → c'].join('\n'),
    );
  });

  it('says when the walk went further or stopped short', () => {
    expect(describePathMismatch(['a'], ['a', 'b'])).toContain("path differs at step 2: the walk went on to 'b' after the expected path ended");
    expect(describePathMismatch(['a', 'b'], ['a'])).toContain("path differs at step 2: expected 'b' but the walk had ended");
    expect(describePathMismatch([], ['a'])).toContain('  expected: (empty)');
  });
});
