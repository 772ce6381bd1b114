import type { LintRule } from '../lintContext.js';

/** Two answers with the same label cannot be told apart by the person answering. */
export const questionDuplicateAnswer: LintRule = (ctx) =>
  ctx.graph.ids.flatMap((id) => {
    const node = ctx.graph.node(id);
    if (node?.type !== 'question') return [];
    const seen = new Map<string, number>();
    return node.answers.flatMap((answer, i) => {
      const key = answer.label.trim().toLowerCase();
      const first = seen.get(key);
      if (first === undefined) {
        seen.set(key, i);
        return [];
      }
      const firstLabel = node.answers[first]?.label ?? '';
      return [ctx.problem('question-duplicate-answer', ctx.map.locate(['nodes', id, 'answers', i, 'label']),
        `answer ${i + 1} '${answer.label}' of question '${id}' repeats answer ${first + 1} '${firstLabel}'; rename one so the person on call can tell them apart, or merge them`)];
    });
  });
