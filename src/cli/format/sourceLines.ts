/** Looks up source lines by file and 1-based number, splitting each file's text once. */
export function sourceLines(texts: ReadonlyMap<string, string>): (file: string, line: number) => string | undefined {
  const cache = new Map<string, string[]>();
  return (file, line) => {
    let lines = cache.get(file);
    if (!lines) {
      const text = texts.get(file);
      if (text === undefined) return undefined;
      // Lines end at \n as the YAML loader counts them; a \r before it belongs to the break, not the line.
      lines = text.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
      cache.set(file, lines);
    }
    return lines[line - 1];
  };
}
