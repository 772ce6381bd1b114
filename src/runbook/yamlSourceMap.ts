import { isMap, isPair, isScalar, isSeq, type Document, type LineCounter, type Node, type Pair, type YAMLMap } from 'yaml';
import type { SourceRange } from './problem.js';
import type { DocPath, SourceMap } from './sourceMap.js';

type Range = readonly [number, number];

/** Resolves document paths to source positions using the `yaml` AST's offsets. */
export class YamlSourceMap implements SourceMap {
  private lines: string[] | undefined;
  // Key lookups per map, built on first use: a large file with many problems would otherwise
  // scan every map's entries once per problem.
  private readonly index = new WeakMap<YAMLMap, Map<string, Pair>>();

  constructor(
    private readonly text: string,
    private readonly lineCounter: LineCounter,
    private readonly doc: Document | undefined,
  ) {}

  locate(path: DocPath, part: 'key' | 'value' = 'value'): SourceRange {
    return this.toRange(this.find(path, part));
  }

  locateInScalar(path: DocPath, start: number, end: number): SourceRange {
    const node = this.node(path);
    if (!node || !isScalar(node) || typeof node.value !== 'string' || !node.range) return this.locate(path);
    const value = node.value;
    const from = node.range[0];
    const to = node.range[1];
    const startOffset = alignOffset(this.text, from, to, value, start);
    const endOffset = end > start ? alignOffset(this.text, from, to, value, end - 1) + 1 : startOffset;
    return this.toRange([startOffset, endOffset]);
  }

  lineText(line: number): string {
    this.lines ??= this.text.split(/\r?\n/);
    return this.lines[line - 1] ?? '';
  }

  /** The AST node at `path`, or undefined when the path does not exist. */
  private node(path: DocPath): Node | undefined {
    let cur: unknown = this.doc?.contents;
    for (const seg of path) {
      if (isMap(cur)) cur = this.pair(cur, seg)?.value;
      else if (isSeq(cur) && typeof seg === 'number') cur = cur.items[seg];
      else return undefined;
    }
    return isNodeLike(cur) ? cur : undefined;
  }

  private find(path: DocPath, part: 'key' | 'value'): Range {
    let cur: unknown = this.doc?.contents;
    let best: Range = [0, 0];
    if (isNodeLike(cur) && cur.range) best = [cur.range[0], cur.range[1]];
    for (const [i, seg] of path.entries()) {
      const last = i === path.length - 1;
      if (isMap(cur)) {
        const pair = this.pair(cur, seg);
        if (!pair) return best;
        const keyRange = rangeOf(pair.key);
        const valueRange = rangeOf(pair.value);
        if (last && part === 'key' && keyRange) return keyRange;
        // A key with an empty value (`default:`) points at the key.
        best = valueRange && valueRange[1] > valueRange[0] ? valueRange : keyRange ?? best;
        cur = pair.value;
      } else if (isSeq(cur) && typeof seg === 'number') {
        const item: unknown = cur.items[seg];
        const r = rangeOf(item);
        if (!r) return best;
        best = r;
        cur = item;
      } else {
        return best;
      }
    }
    return best;
  }

  private pair(map: YAMLMap, key: string | number): Pair | undefined {
    let byKey = this.index.get(map);
    if (!byKey) {
      byKey = new Map();
      for (const p of map.items) {
        const k = keyOf(p);
        if (k !== undefined && !byKey.has(k)) byKey.set(k, p);
      }
      this.index.set(map, byKey);
    }
    return byKey.get(String(key));
  }

  private toRange([start, end]: Range): SourceRange {
    const s = this.lineCounter.linePos(start);
    // An end at a line break belongs to the line before it.
    let e = end > start ? end : start;
    while (e > start && (this.text[e - 1] === '\n' || this.text[e - 1] === '\r' || this.text[e - 1] === ' ')) e--;
    const ep = this.lineCounter.linePos(e > start ? e : start + 1);
    return { line: s.line, column: s.col, endLine: ep.line, endColumn: ep.col };
  }
}

function keyOf(pair: Pair): string | undefined {
  const k = pair.key;
  if (isScalar(k)) return String(k.value);
  return undefined;
}

function isNodeLike(v: unknown): v is Node {
  return isScalar(v) || isMap(v) || isSeq(v);
}

function rangeOf(v: unknown): Range | undefined {
  if (isPair(v)) return undefined;
  if (isNodeLike(v) && v.range) return [v.range[0], v.range[1]];
  return undefined;
}

/**
 * Maps an index into a scalar's parsed value to an offset in the source, by walking both in step:
 * quotes, escapes, indentation and folded line breaks exist only in the source, so each value
 * character is matched to the next equal source character (a folded space may match a line break).
 */
function alignOffset(text: string, from: number, to: number, value: string, index: number): number {
  let p = from;
  // Block scalars start with a header line (`|`, `>-`): the value begins on the next line.
  const head = text[from];
  if (head === '|' || head === '>') {
    const nl = text.indexOf('\n', from);
    p = nl === -1 ? from : nl + 1;
  } else if (head === '"' || head === "'") {
    p = from + 1;
  }
  for (let i = 0; i <= index && i < value.length; i++) {
    const c = value[i];
    let q = p;
    while (q < to && !(text[q] === c || (c === ' ' && text[q] === '\n'))) q++;
    if (q >= to) return p;
    if (i === index) return q;
    p = q + 1;
  }
  return p;
}
