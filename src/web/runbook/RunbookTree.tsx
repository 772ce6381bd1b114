import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Runbook } from '../api/apiTypes.js';
import { arrowHead, smoothPath } from './edgeGeometry.js';
import { cachedRunbookLayout, neighbourInDirection, pathSteps, TEXT, type LayoutEdge, type LayoutNode } from './runbookLayout.js';

export interface RunbookTreeProps {
  runbook: Runbook;
  /** The walk's path so far (node ids, repeats allowed): those nodes and the edges between them are highlighted. */
  path?: readonly string[];
  /** The node the walk waits at; highlighted strongly and scrolled into view (in the tree's box) when it changes. */
  current?: string | null;
  /** The node shown in a detail panel beside the tree (scrolled into view when there is no current node). */
  selected?: string;
  onSelect?: (nodeId: string) => void;
  /** Smaller boxes (type and id; titles in tooltips), for the incident room. */
  compact?: boolean;
}

// Below this scale the text gets too small to read: scroll sideways instead.
const MIN_SCALE = 0.8;

const ARROWS: Record<string, 'up' | 'down' | 'left' | 'right'> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' };

/**
 * A runbook as a top-to-bottom tree (laid out by dagre), with the walk's path and current node
 * highlighted. Nodes are buttons: Enter/Space (or a click) selects; arrow keys move between nodes.
 * The tree is one Tab stop (a roving tabindex), so a 25-node tree does not put 25 stops between a
 * responder and the current step.
 */
export function RunbookTree({ runbook, path = [], current = null, selected, onSelect, compact = false }: RunbookTreeProps) {
  const layout = cachedRunbookLayout(runbook, { compact });
  const onPath = useMemo(() => new Set(path), [path]);
  const steps = useMemo(() => pathSteps(path), [path]);
  const scroller = useRef<HTMLDivElement>(null);

  // Scroll the tree's own box (never the page) so the node that matters is in view: the current
  // one, else the selected one, else the start. At once on the first draw, smoothly after.
  const focus = current ?? selected ?? runbook.start;
  const drawn = useRef(false);
  const [active, setActive] = useState(focus);
  useEffect(() => {
    setActive(focus);
  }, [focus]);
  const tabStop = layout.nodes.some((n) => n.id === active) ? active : layout.nodes[0]?.id;
  useEffect(() => {
    const box = scroller.current;
    const target = box?.querySelector(`[data-node="${CSS.escape(focus)}"]`);
    if (!box || !target) return;
    const outer = box.getBoundingClientRect();
    const inner = target.getBoundingClientRect();
    const margin = 24;
    let left = box.scrollLeft;
    let top = box.scrollTop;
    if (inner.left < outer.left + margin || inner.right > outer.right - margin) left += inner.left + inner.width / 2 - (outer.left + outer.width / 2);
    if (inner.top < outer.top + margin || inner.bottom > outer.bottom - margin) top += inner.top + inner.height / 2 - (outer.top + outer.height / 2);
    if (left !== box.scrollLeft || top !== box.scrollTop) box.scrollTo({ left, top, behavior: drawn.current ? 'smooth' : 'auto' });
    drawn.current = true;
  }, [focus, layout]);

  const onKeyDown = (event: KeyboardEvent, id: string): void => {
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onSelect?.(id);
      return;
    }
    const direction = ARROWS[event.key];
    if (direction === undefined) return;
    const next = neighbourInDirection(layout.nodes, id, direction);
    if (next === undefined) return;
    event.preventDefault();
    setActive(next);
    const element = scroller.current?.querySelector<SVGGElement>(`[data-node="${CSS.escape(next)}"]`);
    element?.focus();
  };

  return (
    <div ref={scroller} class={`runbook-tree-scroll${compact ? ' compact' : ''}`}>
      <svg
        class="runbook-tree"
        aria-label="Runbook tree"
        role="group"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        style={{ width: '100%', maxWidth: `${layout.width}px`, minWidth: `${Math.round(layout.width * MIN_SCALE)}px` }}
      >
        <g class="tree-edges" aria-hidden="true">
          {layout.edges.map((edge) => (
            <Edge key={edge.key} edge={edge} taken={steps.has(`${edge.from}>${edge.to}`)} />
          ))}
        </g>
        <g class="tree-labels" aria-hidden="true">
          {layout.edges.map((edge) => (
            <EdgeLabel key={edge.key} edge={edge} taken={steps.has(`${edge.from}>${edge.to}`)} />
          ))}
        </g>
        <g class="tree-nodes">
          {layout.nodes.map((node) => (
            <Node
              key={node.id}
              node={node}
              compact={compact}
              onPath={onPath.has(node.id)}
              current={node.id === current}
              selected={node.id === selected}
              selectable={onSelect !== undefined}
              tabStop={node.id === tabStop}
              onActivate={() => { setActive(node.id); onSelect?.(node.id); }}
              onKeyDown={(event) => { onKeyDown(event, node.id); }}
            />
          ))}
        </g>
      </svg>
    </div>
  );
}

function Edge({ edge, taken }: { edge: LayoutEdge; taken: boolean }) {
  const { points } = edge;
  const end = points[points.length - 1];
  const before = points[points.length - 2];
  // Only for when the source fails or is empty: drawn dashed, the ways a walk should rarely go.
  const fallback = edge.kinds.every((k) => k === 'error' || k === 'no_data');
  return (
    <g class={`tree-edge edge-${edge.kind}${fallback ? ' fallback' : ''}${taken ? ' on-path' : ''}`} data-from={edge.from} data-to={edge.to}>
      <title>{`${edge.from} → ${edge.to}: ${edge.fullLabel}`}</title>
      <path d={smoothPath(points)} />
      {end && before ? <polygon class="arrow" points={arrowHead(before, end)} /> : null}
    </g>
  );
}

/** Drawn above every line, so no other edge crosses a label. */
function EdgeLabel({ edge, taken }: { edge: LayoutEdge; taken: boolean }) {
  if (edge.label === '') return null;
  return (
    <g class={`edge-label${taken ? ' on-path' : ''}`} data-from={edge.from} data-to={edge.to}>
      <title>{`${edge.from} → ${edge.to}: ${edge.fullLabel}`}</title>
      <rect x={edge.labelX - edge.labelWidth / 2} y={edge.labelY - TEXT.labelHeight / 2} width={edge.labelWidth} height={TEXT.labelHeight} rx="3" />
      <text x={edge.labelX} y={edge.labelY} dominant-baseline="central" text-anchor="middle">{edge.label}</text>
    </g>
  );
}

interface NodeProps {
  node: LayoutNode;
  compact: boolean;
  onPath: boolean;
  current: boolean;
  selected: boolean;
  selectable: boolean;
  /** The one node Tab reaches; arrows move from it. */
  tabStop: boolean;
  onActivate: () => void;
  onKeyDown: (event: KeyboardEvent) => void;
}

function Node({ node, compact, onPath, current, selected, selectable, tabStop, onActivate, onKeyDown }: NodeProps) {
  const left = node.x - node.width / 2;
  const top = node.y - node.height / 2;
  const classes = ['tree-node', `node-${node.type}`];
  if (node.mitigation) classes.push('mitigation');
  if (node.outcome) classes.push(`outcome-${node.outcome}`);
  if (onPath) classes.push('on-path');
  if (current) classes.push('current');
  if (selected) classes.push('selected');
  if (selectable) classes.push('selectable');
  const textX = left + TEXT.padX;
  let y = top + TEXT.padY;
  const typeY = (y += TEXT.typeLine) - 3;
  const idY = (y += TEXT.idLine) - 4;
  const label = `${node.type} ${node.id}${node.title !== '' ? `: ${node.title}` : ''}`;
  // The walk's state goes in the description (the <title>; aria-current says "current step" too), keeping the name stable.
  const description = [compact ? node.title : '', current ? 'current step' : onPath ? 'on the path taken' : ''].filter((part) => part !== '').join(' · ');
  return (
    <g
      class={classes.join(' ')}
      data-node={node.id}
      tabindex={tabStop ? 0 : -1}
      role="button"
      aria-label={label}
      {...(selectable ? { 'aria-pressed': selected } : {})}
      {...(current ? { 'aria-current': 'step' as const } : {})}
      onClick={onActivate}
      onKeyDown={onKeyDown}
    >
      {description !== '' ? <title>{description}</title> : null}
      {selected ? <rect class="selection-ring" x={left - 5} y={top - 5} width={node.width + 10} height={node.height + 10} rx="10" /> : null}
      <NodeShape node={node} left={left} top={top} />
      <text class="node-type" x={textX} y={typeY}>{node.typeLabel}</text>
      <text class="node-id" x={textX} y={idY}>{node.id}</text>
      {node.titleLines.map((line, i) => (
        <text key={i} class="node-title" x={textX} y={idY + (i + 1) * TEXT.titleLine}>{line}</text>
      ))}
    </g>
  );
}

/** Shape by type, so the type reads without colour: check rounded, question with cut corners, action square, end a pill. */
function NodeShape({ node, left, top }: { node: LayoutNode; left: number; top: number }) {
  const { width, height } = node;
  if (node.type === 'question') {
    const cut = 9;
    const right = left + width;
    const bottom = top + height;
    const points = [[left + cut, top], [right - cut, top], [right, top + cut], [right, bottom - cut], [right - cut, bottom], [left + cut, bottom], [left, bottom - cut], [left, top + cut]];
    return <polygon class="node-shape" points={points.map(([x, y]) => `${x},${y}`).join(' ')} />;
  }
  const radius = node.type === 'end' ? Math.min(height / 2, 18) : node.type === 'check' ? 8 : 2;
  return <rect class="node-shape" x={left} y={top} width={width} height={height} rx={radius} />;
}
