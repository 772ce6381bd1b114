import type { DocPath } from '../sourceMap.js';
import type { Runbook, RunbookNode } from '../types.js';

/** The key that names a target, as the YAML spells it. */
export type TargetKey = 'start' | 'next' | 'default' | 'on_no_data' | 'on_error' | 'on_skip';

/** One reference to a node id; `from` is null for `start`. The target may not exist. */
export interface Reference {
  from: string | null;
  to: string;
  key: TargetKey;
  /** Where the id is written, e.g. ['nodes', 'a', 'branches', 0, 'next']. */
  path: DocPath;
}

export interface RunbookGraph {
  /** Node ids in document order. */
  readonly ids: readonly string[];
  /** Every reference, dangling ones included, in document order (`start` first). */
  readonly references: readonly Reference[];
  has(id: string): boolean;
  node(id: string): RunbookNode | undefined;
  /** Existing targets of a node, without repeats, in document order. */
  successors(id: string): readonly string[];
  /** Nodes reachable from `from` (including them), following existing targets only. */
  reachableFrom(from: Iterable<string>): Set<string>;
}

function nodeReferences(id: string, node: RunbookNode): Reference[] {
  const at = (...rest: (string | number)[]): DocPath => ['nodes', id, ...rest];
  switch (node.type) {
    case 'check': {
      const refs: Reference[] = node.branches.map((b, i) => ({ from: id, to: b.next, key: 'next', path: at('branches', i, 'next') }));
      if (node.default !== undefined) refs.push({ from: id, to: node.default, key: 'default', path: at('default') });
      refs.push({ from: id, to: node.on_no_data, key: 'on_no_data', path: at('on_no_data') });
      refs.push({ from: id, to: node.on_error, key: 'on_error', path: at('on_error') });
      return refs;
    }
    case 'question':
      return node.answers.map((a, i) => ({ from: id, to: a.next, key: 'next', path: at('answers', i, 'next') }));
    case 'action': {
      const refs: Reference[] = [{ from: id, to: node.next, key: 'next', path: at('next') }];
      if (node.on_skip !== undefined) refs.push({ from: id, to: node.on_skip, key: 'on_skip', path: at('on_skip') });
      return refs;
    }
    case 'end':
      return [];
  }
}

/** The runbook as a graph of node ids, for the rules that reason about paths. */
export function runbookGraph(runbook: Runbook): RunbookGraph {
  const nodes = new Map(Object.entries(runbook.nodes));
  const ids = [...nodes.keys()];
  const references: Reference[] = [{ from: null, to: runbook.start, key: 'start', path: ['start'] }];
  const successors = new Map<string, string[]>();
  for (const [id, node] of nodes) {
    const refs = nodeReferences(id, node);
    references.push(...refs);
    successors.set(id, [...new Set(refs.map((r) => r.to).filter((to) => nodes.has(to)))]);
  }
  return {
    ids,
    references,
    has: (id) => nodes.has(id),
    node: (id) => nodes.get(id),
    successors: (id) => successors.get(id) ?? [],
    reachableFrom(from) {
      const seen = new Set<string>();
      const todo = [...from].filter((id) => nodes.has(id));
      for (let id = todo.pop(); id !== undefined; id = todo.pop()) {
        if (seen.has(id)) continue;
        seen.add(id);
        todo.push(...(successors.get(id) ?? []));
      }
      return seen;
    },
  };
}
