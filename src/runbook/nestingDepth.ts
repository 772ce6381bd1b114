const BLOCK_SCALAR_HEADER = /(?:^|[\s:-])[|>][0-9+-]*\s*(?:#.*)?$/;

/**
 * A cheap scan of raw YAML for nesting depth, run before the parser: the `yaml` package
 * recurses (and builds large regular expressions) on deeply nested input, so a hostile file of
 * 100,000 `[` exhausts memory inside the parser. Counts flow brackets outside quotes, comments
 * and block scalars, plus block indentation levels. Returns the 0-based offset where `limit` is
 * first exceeded, or -1. It may overestimate on odd input; the exact check runs on the AST.
 */
export function findExcessiveNesting(text: string, limit: number): number {
  const indents: number[] = [];
  let flow = 0;
  let blockScalarIndent = -1;
  let lineStart = 0;
  const n = text.length;
  while (lineStart < n) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = n;
    let col = 0;
    while (lineStart + col < lineEnd && text[lineStart + col] === ' ') col++;
    const contentStart = lineStart + col;
    const blank = contentStart >= lineEnd || text[contentStart] === '\r' || text[contentStart] === '#';
    if (blockScalarIndent >= 0 && (blank || col > blockScalarIndent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalarIndent = -1;
    if (!blank) {
      if (flow === 0) {
        while (indents.length > 0 && (indents[indents.length - 1] ?? 0) >= col) indents.pop();
        indents.push(col);
        // `- - - x` nests once per dash on one line.
        let k = contentStart;
        while (text[k] === '-' && text[k + 1] === ' ') {
          indents.push(k - lineStart + 2);
          k += 2;
        }
        if (indents.length > limit) return contentStart;
      }
      let quote: string | null = null;
      for (let i = contentStart; i < lineEnd; i++) {
        const c = text[i];
        if (quote !== null) {
          if (c === '\\' && quote === '"') i++;
          else if (c === quote) quote = null;
        } else if (c === '"' || c === "'") {
          const prev = text[i - 1];
          if (i === contentStart || (prev !== undefined && ' \t[{,:'.includes(prev))) quote = c;
        } else if (c === '#' && (text[i - 1] === ' ' || text[i - 1] === '\t')) {
          break;
        } else if (c === '[' || c === '{') {
          flow++;
          if (flow + indents.length > limit) return i;
        } else if ((c === ']' || c === '}') && flow > 0) {
          flow--;
        }
      }
      if (flow === 0 && BLOCK_SCALAR_HEADER.test(text.slice(contentStart, lineEnd))) blockScalarIndent = col;
    }
    lineStart = lineEnd + 1;
  }
  return -1;
}
