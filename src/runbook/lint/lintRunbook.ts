import { compareProblems, type Problem } from '../problem.js';
import type { SourceMap } from '../sourceMap.js';
import type { Runbook } from '../types.js';
import { createLintContext, type LintRule } from './lintContext.js';
import { badInputPattern } from './rules/bad-input-pattern.js';
import { badPlaceholder } from './rules/bad-placeholder.js';
import { branchToSelf } from './rules/branch-to-self.js';
import { changeWithoutCompare } from './rules/change-without-compare.js';
import { checkMayMiss } from './rules/check-may-miss.js';
import { danglingTarget } from './rules/dangling-target.js';
import { noReachableEnd } from './rules/no-reachable-end.js';
import { placeholderUnsafeContext } from './rules/placeholder-unsafe-context.js';
import { promqlSyntax } from './rules/promql-syntax.js';
import { questionDuplicateAnswer } from './rules/question-duplicate-answer.js';
import { secretInRunbook } from './rules/secret-in-runbook.js';
import { shadowedBranch } from './rules/shadowed-branch.js';
import { unboundedCycle } from './rules/unbounded-cycle.js';
import { undeclaredSource } from './rules/undeclared-source.js';
import { undefinedInput } from './rules/undefined-input.js';
import { unreachableDefault } from './rules/unreachable-default.js';
import { unreachableNode } from './rules/unreachable-node.js';
import { unusedCompare } from './rules/unused-compare.js';
import { unusedInput } from './rules/unused-input.js';
import { unusedSource } from './rules/unused-source.js';

/** The per-runbook rules; `duplicate-id` needs the whole catalog (see lintCatalog). */
export const RUNBOOK_RULES: readonly LintRule[] = [
  danglingTarget, unreachableNode, noReachableEnd, unboundedCycle,
  checkMayMiss, unreachableDefault, shadowedBranch, branchToSelf, changeWithoutCompare, unusedCompare,
  undefinedInput, badPlaceholder, unusedInput, badInputPattern,
  undeclaredSource, unusedSource, promqlSyntax, placeholderUnsafeContext,
  secretInRunbook, questionDuplicateAnswer,
];

/** Lints one runbook that passed the schema; problems come sorted by position. */
export function lintRunbook(runbook: Runbook, map: SourceMap, file: string): Problem[] {
  const ctx = createLintContext(runbook, map, file);
  return RUNBOOK_RULES.flatMap((rule) => rule(ctx)).sort(compareProblems);
}
