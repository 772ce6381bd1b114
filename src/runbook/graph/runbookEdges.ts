import type { Runbook, RunbookNode } from '../types.js';
import { conditionLabel } from './conditionLabel.js';

/** Why a walk may go from one node to another. */
export type EdgeKind = 'branch' | 'default' | 'no_data' | 'error' | 'answer' | 'next' | 'skip';

export interface RunbookEdge {
  from: string;
  to: string;
  kind: EdgeKind;
  /** Human text for the edge: the condition (`> 0.05`), answer label, `default`, `no data`, `error`, `skip`; empty for `next`. */
  label: string;
  /** The author's own label of a branch (`label:` in the YAML), shown beside the condition. */
  title?: string;
  /** Position of the branch or answer in its list (0-based), so tools can point back at the YAML. */
  index?: number;
}

function nodeEdges(from: string, node: RunbookNode): RunbookEdge[] {
  switch (node.type) {
    case 'check': {
      const edges: RunbookEdge[] = node.branches.map((b, index) => ({
        from,
        to: b.next,
        kind: 'branch',
        label: conditionLabel(b.when, node.compare?.offset),
        ...(b.label !== undefined && b.label.trim() !== '' ? { title: b.label } : {}),
        index,
      }));
      if (node.default !== undefined) edges.push({ from, to: node.default, kind: 'default', label: 'default' });
      edges.push({ from, to: node.on_no_data, kind: 'no_data', label: 'no data' });
      edges.push({ from, to: node.on_error, kind: 'error', label: 'error' });
      return edges;
    }
    case 'question':
      return node.answers.map((a, index) => ({ from, to: a.next, kind: 'answer', label: a.label, index }));
    case 'action': {
      const edges: RunbookEdge[] = [{ from, to: node.next, kind: 'next', label: '' }];
      if (node.on_skip !== undefined) edges.push({ from, to: node.on_skip, kind: 'skip', label: 'skip' });
      return edges;
    }
    case 'end':
      return [];
  }
}

/**
 * Every transition of a runbook, in YAML order (nodes, then branches/answers in order, then
 * default, no data, error). Targets are not checked: a dangling target still yields its edge.
 */
export function runbookEdges(runbook: Runbook): RunbookEdge[] {
  return Object.entries(runbook.nodes).flatMap(([id, node]) => nodeEdges(id, node));
}
