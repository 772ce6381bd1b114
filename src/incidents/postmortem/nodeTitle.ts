import type { Runbook } from '../../runbook/types.js';

/** A node's title in a runbook: an action's title, a question's text, else the node's own title. */
export function nodeTitle(runbook: Runbook | undefined, id: string | null): string | undefined {
  if (!runbook || id === null || !Object.hasOwn(runbook.nodes, id)) return undefined;
  const node = runbook.nodes[id];
  if (!node) return undefined;
  const title = node.type === 'question' ? (node.title ?? node.question) : node.title;
  return title === undefined || title.trim() === '' ? undefined : title;
}
