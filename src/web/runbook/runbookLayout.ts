import dagre from '@dagrejs/dagre';
import { runbookEdges, type EdgeKind } from '../../runbook/graph/runbookEdges.js';
import { shortenText } from '../../runbook/graph/shortenText.js';
import { wrapText } from '../../runbook/graph/wrapText.js';
import type { NodeType, Outcome, Runbook, RunbookNode } from '../../runbook/types.js';
import { outcomeLabel } from './outcomeLabel.js';

export interface Point {
  x: number;
  y: number;
}

/** A node's box: (x, y) is its centre, as dagre gives it. `missing` is a target no node defines. */
export interface LayoutNode {
  id: string;
  type: NodeType | 'missing';
  /** The type as words (not colour alone): `check`, `action · mitigation`, `end · resolved`. */
  typeLabel: string;
  /** The node's title (or question, or an end's handoff), whole, for tooltips and screen readers. */
  title: string;
  /** The title as drawn: wrapped and shortened; empty in compact mode. */
  titleLines: string[];
  mitigation: boolean;
  outcome?: Outcome;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface LayoutEdge {
  /** `from>to`: one edge per pair, unique within the layout. */
  key: string;
  from: string;
  to: string;
  /** The first outlet's kind (for the line's style). */
  kind: EdgeKind;
  /** Every outlet of `from` that leads to `to`, in YAML order. */
  kinds: EdgeKind[];
  /** The label as drawn (shortened), the outlets joined by ` / `: `> 0.05`, `Yes`, `no data / error`, `next`. */
  label: string;
  /** The whole label, with the authors' branch labels, for the tooltip. */
  fullLabel: string;
  /** The polyline from the source box to the target box. */
  points: Point[];
  /** Centre of the label. */
  labelX: number;
  labelY: number;
  labelWidth: number;
}

export interface RunbookLayout {
  width: number;
  height: number;
  nodes: LayoutNode[];
  edges: LayoutEdge[];
}

export interface LayoutOptions {
  /** Boxes show type and id only (titles in tooltips) and labels are shorter: for the incident room. */
  compact?: boolean;
}

// Text is measured by estimate (no DOM here): generous per-character widths for the fonts the CSS sets.
export const TEXT = {
  typeSize: 10,
  idSize: 12,
  titleSize: 12,
  labelSize: 11,
  charWidth: 7.2,
  labelCharWidth: 6.4,
  padX: 10,
  padY: 7,
  typeLine: 13,
  idLine: 16,
  titleLine: 15,
  labelHeight: 16,
} as const;

const TITLE_WIDTH = 24;
const TITLE_LINES = 3;
const LABEL_MAX = { full: 20, compact: 12 };
const MIN_WIDTH = { full: 110, compact: 80 };
const MAX_WIDTH = 200;

function nodeTitle(node: RunbookNode): string {
  switch (node.type) {
    case 'check':
      return node.title ?? '';
    case 'question':
      return node.title ?? node.question;
    case 'action':
      return node.title;
    case 'end':
      return node.title ?? (node.handoff !== undefined ? `hand off to ${node.handoff}` : node.summary ?? '');
  }
}

function typeLabel(node: RunbookNode): string {
  if (node.type === 'action' && node.mitigation === true) return 'action · mitigation';
  if (node.type === 'end') return `end · ${outcomeLabel(node.outcome)}`;
  return node.type;
}

/** At most TITLE_LINES lines of at most TITLE_WIDTH characters, the last shortened with `…` when cut. */
function titleLines(title: string): string[] {
  const lines = wrapText(title, TITLE_WIDTH).filter((line) => line !== '');
  if (lines.length <= TITLE_LINES) return lines;
  const kept = lines.slice(0, TITLE_LINES - 1);
  kept.push(shortenText(lines.slice(TITLE_LINES - 1).join(' '), TITLE_WIDTH));
  return kept;
}

function textWidth(text: string, charWidth: number): number {
  return Array.from(text).length * charWidth;
}

function box(id: string, node: RunbookNode | undefined, compact: boolean): Omit<LayoutNode, 'x' | 'y'> {
  const mode = compact ? 'compact' : 'full';
  const title = node ? nodeTitle(node) : 'no node has this id';
  const lines = compact ? [] : titleLines(title);
  const label = node ? typeLabel(node) : 'missing';
  const widest = Math.max(
    textWidth(id, TEXT.charWidth),
    textWidth(label, TEXT.charWidth * 1.05),
    ...lines.map((line) => textWidth(line, TEXT.charWidth * 0.95)),
  );
  const width = Math.round(Math.min(MAX_WIDTH, Math.max(MIN_WIDTH[mode], widest + 2 * TEXT.padX)));
  const height = 2 * TEXT.padY + TEXT.typeLine + TEXT.idLine + lines.length * TEXT.titleLine;
  return {
    id,
    type: node ? node.type : 'missing',
    typeLabel: label,
    title,
    titleLines: lines,
    mitigation: node?.type === 'action' && node.mitigation === true,
    ...(node?.type === 'end' ? { outcome: node.outcome } : {}),
    width,
    height,
  };
}

type MergedEdge = Pick<LayoutEdge, 'key' | 'from' | 'to' | 'kind' | 'kinds' | 'label' | 'fullLabel'>;

/**
 * The runbook's edges with the outlets of one node to the same target joined into one edge
 * (`no data / error`): fewer lines, and far fewer label boxes widening the drawing.
 */
function mergedEdges(runbook: Runbook, labelMax: number): MergedEdge[] {
  const byPair = new Map<string, MergedEdge & { parts: string[]; fullParts: string[] }>();
  for (const edge of runbookEdges(runbook)) {
    const pair = `${edge.from}>${edge.to}`;
    const text = edge.kind === 'next' ? 'next' : edge.label;
    const full = edge.title !== undefined ? `${text} (${edge.title})` : text;
    const merged = byPair.get(pair);
    if (merged) {
      merged.kinds.push(edge.kind);
      merged.parts.push(shortenText(text, labelMax));
      merged.fullParts.push(full);
    } else {
      byPair.set(pair, { key: pair, from: edge.from, to: edge.to, kind: edge.kind, kinds: [edge.kind], label: '', fullLabel: '', parts: [shortenText(text, labelMax)], fullParts: [full] });
    }
  }
  return [...byPair.values()].map(({ parts, fullParts, ...edge }) => ({
    ...edge,
    label: shortenText(parts.join(' / '), Math.round(labelMax * 1.4)),
    fullLabel: fullParts.join(' / '),
  }));
}

interface EdgeData {
  width: number;
  height: number;
  labelpos: 'c';
  points?: Point[];
  x?: number;
  y?: number;
}

/**
 * Positions a runbook's nodes top to bottom with dagre and routes its edges. Pure (no DOM):
 * text sizes are estimated. Targets that name no node get a `missing` box so a broken runbook
 * still draws. Prefer `cachedRunbookLayout`, which lays each runbook out once.
 */
export function runbookLayout(runbook: Runbook, options: LayoutOptions = {}): RunbookLayout {
  const compact = options.compact === true;
  const mode = compact ? 'compact' : 'full';
  const graph = new dagre.graphlib.Graph<Record<string, unknown>, Omit<LayoutNode, 'x' | 'y'> & Partial<Point>, EdgeData>({ multigraph: true });
  graph.setGraph({ rankdir: 'TB', nodesep: compact ? 12 : 16, ranksep: compact ? 22 : 28, edgesep: 8, marginx: 8, marginy: 8 });

  const ids = Object.keys(runbook.nodes);
  for (const id of ids) graph.setNode(id, box(id, runbook.nodes[id], compact));
  const edges = mergedEdges(runbook, LABEL_MAX[mode]);
  for (const edge of edges) {
    if (!graph.hasNode(edge.to)) graph.setNode(edge.to, box(edge.to, undefined, compact));
    const width = Math.round(textWidth(edge.label, TEXT.labelCharWidth) + 8);
    graph.setEdge(edge.from, edge.to, { width, height: TEXT.labelHeight, labelpos: 'c' }, edge.key);
  }

  dagre.layout(graph);

  const nodes: LayoutNode[] = graph.nodes().map((id) => {
    const data = graph.node(id);
    return { ...data, x: data.x ?? 0, y: data.y ?? 0 };
  });
  const layoutEdges: LayoutEdge[] = edges.map((edge) => {
    const data = graph.edge(edge.from, edge.to, edge.key);
    const points = (data.points ?? []).map((p) => ({ x: p.x, y: p.y }));
    const middle = points[Math.floor(points.length / 2)] ?? { x: 0, y: 0 };
    return {
      key: edge.key,
      from: edge.from,
      to: edge.to,
      kind: edge.kind,
      kinds: edge.kinds,
      label: edge.label,
      fullLabel: edge.fullLabel,
      points,
      labelX: data.x ?? middle.x,
      labelY: data.y ?? middle.y,
      labelWidth: data.width,
    };
  });
  const size = graph.graph() as { width?: number; height?: number };
  return { width: Math.ceil(size.width ?? 0), height: Math.ceil(size.height ?? 0), nodes, edges: layoutEdges };
}

const cache = new WeakMap<Runbook, { full?: RunbookLayout; compact?: RunbookLayout }>();

/** `runbookLayout`, computed once per runbook object and mode (a runbook from the API never changes). */
export function cachedRunbookLayout(runbook: Runbook, options: LayoutOptions = {}): RunbookLayout {
  const mode = options.compact === true ? 'compact' : 'full';
  let entry = cache.get(runbook);
  if (!entry) {
    entry = {};
    cache.set(runbook, entry);
  }
  return (entry[mode] ??= runbookLayout(runbook, options));
}

/** The pairs `from>to` of consecutive nodes of a walk's path: the edges it went along. */
export function pathSteps(path: readonly string[]): Set<string> {
  const steps = new Set<string>();
  for (let i = 1; i < path.length; i++) steps.add(`${path[i - 1] ?? ''}>${path[i] ?? ''}`);
  return steps;
}

/**
 * The node to move to from `from` with an arrow key. Up/down go to the nearest rank in that
 * direction (then the node closest sideways); left/right stay near the same height.
 */
export function neighbourInDirection(nodes: readonly LayoutNode[], from: string, direction: 'up' | 'down' | 'left' | 'right'): string | undefined {
  const start = nodes.find((n) => n.id === from);
  if (!start) return undefined;
  const vertical = direction === 'up' || direction === 'down';
  let best: { id: string; score: number } | undefined;
  for (const node of nodes) {
    if (node.id === from) continue;
    const dx = node.x - start.x;
    const dy = node.y - start.y;
    const along = direction === 'down' ? dy : direction === 'up' ? -dy : direction === 'right' ? dx : -dx;
    const across = Math.abs(vertical ? dx : dy);
    if (along < 1 || (!vertical && across >= along)) continue;
    const score = vertical ? 3 * along + across : along + 3 * across;
    if (!best || score < best.score) best = { id: node.id, score };
  }
  return best?.id;
}
