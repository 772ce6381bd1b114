import type { Problem } from './problem.js';
import type { SourceMap } from './sourceMap.js';

/** The outcome of loading one YAML file: `value` is set only when it parsed safely and passed its schema. */
export interface LoadResult<T> {
  value?: T;
  map: SourceMap;
  problems: Problem[];
}
