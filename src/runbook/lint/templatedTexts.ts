import type { DocPath } from '../sourceMap.js';
import type { Runbook } from '../types.js';

/** A string the engine renders with `{{ }}` placeholders, and where it is written. */
export interface TemplatedText {
  path: DocPath;
  text: string;
  /** The node it belongs to; `query` is set for a check's query. */
  nodeId: string;
  field: 'query' | 'title' | 'question' | 'instructions';
}

/** Every templated string of a runbook: queries, titles, questions and instructions, in document order. */
export function templatedTexts(runbook: Runbook): TemplatedText[] {
  const out: TemplatedText[] = [];
  for (const [nodeId, node] of Object.entries(runbook.nodes)) {
    const add = (field: TemplatedText['field'], text: string | undefined): void => {
      if (text !== undefined) out.push({ path: ['nodes', nodeId, field], text, nodeId, field });
    };
    add('title', node.title);
    if (node.type === 'check') add('query', node.query);
    if (node.type === 'question') add('question', node.question);
    if (node.type === 'action') add('instructions', node.instructions);
  }
  return out;
}
