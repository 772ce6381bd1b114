import type { SourceRange } from './problem.js';

/** A path into a parsed document: map keys and sequence indexes, e.g. ['nodes', 'a', 'branches', 0]. */
export type DocPath = readonly (string | number)[];

/**
 * Finds where a value lives in the source text. `key` points at a map entry's key (for
 * "unknown key" style problems), `value` at the value. A path that does not exist resolves to
 * its deepest existing ancestor, so every problem still has a position.
 */
export interface SourceMap {
  locate(path: DocPath, part?: 'key' | 'value'): SourceRange;
  /** The range of a character offset span inside a scalar value at `path` (e.g. a PromQL error in a query). */
  locateInScalar(path: DocPath, start: number, end: number): SourceRange;
  /** Source line `line` (1-based) without its line break, for caret output. */
  lineText(line: number): string;
}
