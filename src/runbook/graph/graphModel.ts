import type { Outcome, Runbook, RunbookNode } from '../types.js';
import type { EdgeKind, RunbookEdge } from './runbookEdges.js';
import { runbookEdges } from './runbookEdges.js';
import { shortenText } from './shortenText.js';
import { joinParts, wrapText } from './wrapText.js';

// The language-neutral picture of a runbook that toMermaid and toDot both print, so the two
// stay in step: same labels, same merged edges, same markers.

export type GraphNodeKind = RunbookNode['type'] | 'missing';

export interface GraphNode {
  /** The runbook's node id (renderers map it to a safe id for their language). */
  id: string;
  kind: GraphNodeKind;
  /** Label lines, plain text, already shortened and wrapped; renderers escape them. */
  lines: string[];
  mitigation: boolean;
  outcome?: Outcome;
}

export interface GraphEdge {
  from: string;
  to: string;
  kinds: EdgeKind[];
  /** Label lines, plain text; empty for a plain `next`. */
  lines: string[];
  /** Only fallbacks (default, no data, error, skip): drawn dashed. */
  fallback: boolean;
}

export interface GraphModel {
  runbookId: string;
  title: string;
  start: string;
  nodes: GraphNode[];
  edges: GraphEdge[];
}

const TITLE_MAX = 80;
const NODE_WIDTH = 30;
const LABEL_MAX = 40;
const EDGE_WIDTH = 28;
const FALLBACKS: ReadonlySet<EdgeKind> = new Set<EdgeKind>(['default', 'no_data', 'error', 'skip']);
const OUTCOME_TEXT: Record<Outcome, string> = {
  resolved: 'resolved',
  mitigated: 'mitigated',
  escalate: 'escalate',
  false_alarm: 'false alarm',
  monitoring: 'monitoring',
};

function wrapped(text: string): string[] {
  return wrapText(shortenText(text, TITLE_MAX), NODE_WIDTH);
}

function nodeLines(id: string, node: RunbookNode): string[] {
  const lines: string[] = [];
  switch (node.type) {
    case 'check':
      lines.push(...wrapped(node.title ?? id));
      break;
    case 'question':
      lines.push(...wrapped(node.title ?? node.question));
      break;
    case 'action':
      lines.push(...wrapped(node.title));
      if (node.mitigation === true) lines.push('(mitigation)');
      break;
    case 'end': {
      const head = wrapped(node.title ?? id);
      lines.push(...head);
      const outcome = OUTCOME_TEXT[node.outcome];
      if (head.join(' ').toLowerCase() !== outcome) lines.push(`outcome: ${outcome}`);
      if (node.handoff !== undefined) lines.push(...wrapText(`page ${shortenText(node.handoff, LABEL_MAX)}`, NODE_WIDTH));
      break;
    }
  }
  if (node.max_visits !== undefined) lines.push(`↻ max ${node.max_visits} ${node.max_visits === 1 ? 'visit' : 'visits'}`);
  return lines;
}

/** One edge's text as lines: free text wrapped, a condition kept whole (in parentheses after a branch's own label). */
function edgeLines(edge: RunbookEdge): string[] {
  if (edge.kind === 'next') return ['done'];
  if (edge.kind === 'answer') return wrapText(shortenText(edge.label, LABEL_MAX), EDGE_WIDTH);
  if (edge.title === undefined) return [edge.label];
  const lines = wrapText(shortenText(edge.title, LABEL_MAX), EDGE_WIDTH);
  const last = lines.pop() ?? '';
  const joined = `${last} (${edge.label})`;
  return Array.from(joined).length <= EDGE_WIDTH ? [...lines, joined] : [...lines, last, `(${edge.label})`];
}

function toGraphNode(id: string, node: RunbookNode): GraphNode {
  return {
    id,
    kind: node.type,
    lines: nodeLines(id, node),
    mitigation: node.type === 'action' && node.mitigation === true,
    ...(node.type === 'end' ? { outcome: node.outcome } : {}),
  };
}

/**
 * Builds the picture of a runbook: one node per runbook node (in YAML order), plus a `missing`
 * node for each target that names no node, and one edge per pair of nodes, so a check whose
 * `no data` and `error` both go to the same node gets one edge labelled `no data / error`.
 */
export function graphModel(runbook: Runbook): GraphModel {
  const nodes = Object.entries(runbook.nodes).map(([id, node]) => toGraphNode(id, node));
  const known = new Set(Object.keys(runbook.nodes));
  const missing = (id: string): void => {
    if (known.has(id)) return;
    known.add(id);
    nodes.push({ id, kind: 'missing', lines: [...wrapText(shortenText(id, TITLE_MAX), NODE_WIDTH), '(no such node)'], mitigation: false });
  };
  missing(runbook.start);

  const merged = new Map<string, { from: string; to: string; kinds: EdgeKind[]; parts: string[][] }>();
  for (const e of runbookEdges(runbook)) {
    missing(e.to);
    const key = JSON.stringify([e.from, e.to]);
    const entry = merged.get(key) ?? { from: e.from, to: e.to, kinds: [], parts: [] };
    merged.set(key, entry);
    entry.kinds.push(e.kind);
    const part = edgeLines(e);
    if (!entry.parts.some((p) => p.join('\n') === part.join('\n'))) entry.parts.push(part);
  }
  const edges = [...merged.values()].map(({ from, to, kinds, parts }) => ({
    from,
    to,
    kinds,
    // A lone `next` needs no words; beside a `skip` to the same node it reads `done / skip`.
    lines: kinds.length === 1 && kinds[0] === 'next' ? [] : joinParts(parts, EDGE_WIDTH),
    fallback: kinds.every((k) => FALLBACKS.has(k)),
  }));

  return { runbookId: runbook.id, title: shortenText(runbook.title, TITLE_MAX), start: runbook.start, nodes, edges };
}
