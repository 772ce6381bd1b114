import type { Problem, SourceRange } from '../problem.js';
import type { SourceMap } from '../sourceMap.js';
import type { Runbook } from '../types.js';
import { findPlaceholders, type Placeholder } from '../templatePlaceholders.js';
import { queryPlaceholders, type QueryPlaceholder } from './queryPlaceholders.js';
import { RULES, type RuleId } from './ruleCatalog.js';
import { runbookGraph, type RunbookGraph } from './runbookGraph.js';
import { templatedTexts, type TemplatedText } from './templatedTexts.js';

/** A templated string with the placeholders found in it. */
export interface TemplatedPlaceholders extends TemplatedText {
  readonly placeholders: readonly Placeholder[];
}

/** What every lint rule gets: the typed runbook, where things are in its source, and its graph. */
export interface LintContext {
  readonly runbook: Runbook;
  readonly map: SourceMap;
  readonly file: string;
  readonly graph: RunbookGraph;
  /** Every templated string in document order, with its placeholders: found once, shared by the rules. */
  readonly templated: readonly TemplatedPlaceholders[];
  /** A query's placeholders with their PromQL contexts (see queryPlaceholders): found once per query. */
  queryPlaceholders(query: string): readonly QueryPlaceholder[];
  /** A problem of `rule` (severity from the rule catalog) at `range`. */
  problem(rule: RuleId, range: SourceRange, message: string): Problem;
}

/** A lint rule: one file under `rules/`, one stable id. */
export type LintRule = (ctx: LintContext) => Problem[];

export function createLintContext(runbook: Runbook, map: SourceMap, file: string): LintContext {
  // Several rules read the same placeholders; scanning once per runbook keeps lint off the hot path.
  let templated: TemplatedPlaceholders[] | undefined;
  const queries = new Map<string, QueryPlaceholder[]>();
  return {
    runbook,
    map,
    file,
    graph: runbookGraph(runbook),
    get templated() {
      templated ??= templatedTexts(runbook).map((t) => ({ ...t, placeholders: findPlaceholders(t.text) }));
      return templated;
    },
    queryPlaceholders(query) {
      let found = queries.get(query);
      if (found === undefined) {
        found = queryPlaceholders(query);
        queries.set(query, found);
      }
      return found;
    },
    problem: (rule, range, message) => ({ file, ...range, severity: RULES[rule].severity, rule, message }),
  };
}
