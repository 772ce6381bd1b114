/** The failure text for an unexpected path: where it diverges, then both paths in full. */
export function describePathMismatch(expected: readonly string[], actual: readonly string[]): string | undefined {
  const length = Math.max(expected.length, actual.length);
  let at = 0;
  while (at < length && expected[at] === actual[at]) at++;
  if (at === length) return undefined;
  const want = expected[at];
  const got = actual[at];
  const where =
    want === undefined
      ? `the walk went on to '${got ?? ''}' after the expected path ended`
      : got === undefined
        ? `expected '${want}' but the walk had ended`
        : `expected '${want}', got '${got}'`;
  return [
    `path differs at step ${at + 1}: ${where}`,
    `  expected: ${expected.join(' → ') || '(empty)'}`,
    `  actual:   ${actual.join(' → ') || '(empty)'}`,
  ].join('\n');
}
