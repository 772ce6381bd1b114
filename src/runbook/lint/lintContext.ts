import type { Problem, SourceRange } from '../problem.js';
import type { SourceMap } from '../sourceMap.js';
import type { Runbook } from '../types.js';
import { RULES, type RuleId } from './ruleCatalog.js';
import { runbookGraph, type RunbookGraph } from './runbookGraph.js';

/** What every lint rule gets: the typed runbook, where things are in its source, and its graph. */
export interface LintContext {
  readonly runbook: Runbook;
  readonly map: SourceMap;
  readonly file: string;
  readonly graph: RunbookGraph;
  /** A problem of `rule` (severity from the rule catalog) at `range`. */
  problem(rule: RuleId, range: SourceRange, message: string): Problem;
}

/** A lint rule: one file under `rules/`, one stable id. */
export type LintRule = (ctx: LintContext) => Problem[];

export function createLintContext(runbook: Runbook, map: SourceMap, file: string): LintContext {
  return {
    runbook,
    map,
    file,
    graph: runbookGraph(runbook),
    problem: (rule, range, message) => ({ file, ...range, severity: RULES[rule].severity, rule, message }),
  };
}
