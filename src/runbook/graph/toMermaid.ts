import type { Runbook } from '../types.js';
import type { GraphNode } from './graphModel.js';
import { graphModel } from './graphModel.js';
import { mermaidLabel } from './escapeMermaid.js';
import { uniqueId } from './uniqueId.js';

// Shapes: check rhombus, question hexagon, action rectangle, end stadium, start circle.
const SHAPES: Record<GraphNode['kind'], [string, string]> = {
  check: ['{', '}'],
  question: ['{{', '}}'],
  action: ['[', ']'],
  end: ['([', '])'],
  missing: ['[', ']'],
};

// Class names carry an `rp_` prefix: a bare `end` is a Mermaid keyword.
const CLASS_DEFS: Record<string, string> = {
  rp_start: 'fill:#202124,stroke:#202124,color:#ffffff',
  rp_check: 'fill:#e8f0fe,stroke:#1a73e8',
  rp_question: 'fill:#fef7e0,stroke:#e37400',
  rp_action: 'fill:#ffffff,stroke:#5f6368',
  rp_mitigation: 'fill:#ceead6,stroke:#137333,stroke-width:3px,font-weight:bold',
  rp_end_resolved: 'fill:#ceead6,stroke:#137333',
  rp_end_mitigated: 'fill:#ceead6,stroke:#137333',
  rp_end_escalate: 'fill:#fad2cf,stroke:#c5221f',
  rp_end_false_alarm: 'fill:#f1f3f4,stroke:#5f6368',
  rp_end_monitoring: 'fill:#feefc3,stroke:#e37400',
  rp_missing: 'fill:#fce8e6,stroke:#c5221f,stroke-dasharray:4 3',
};

function nodeClass(node: GraphNode): string {
  if (node.kind === 'end') return `rp_end_${node.outcome ?? 'escalate'}`;
  if (node.mitigation) return 'rp_mitigation';
  return `rp_${node.kind}`;
}

/**
 * The runbook as a Mermaid flowchart (top-down). Node ids are mapped to safe identifiers
 * (`error-rate` → `n_error_rate`); the text lives in quoted, entity-escaped labels.
 */
export function toMermaid(runbook: Runbook): string {
  const model = graphModel(runbook);
  const taken = new Set<string>(['runbook_start']);
  const ids = new Map<string, string>();
  for (const node of model.nodes) ids.set(node.id, uniqueId(`n_${node.id.replace(/[^A-Za-z0-9_]/gu, '_')}`, taken));
  const idOf = (id: string): string => {
    const safe = ids.get(id);
    // graphModel declares a node for every edge end, so this only fires on a bug here.
    if (safe === undefined) throw new Error(`toMermaid: no node declared for '${id}'`);
    return safe;
  };

  const classes = ['rp_start', ...new Set(model.nodes.map(nodeClass))];
  const out = [
    '---',
    // JSON strings are valid YAML: quotes, colons and `#` in a title stay text.
    `title: ${JSON.stringify(model.title)}`,
    '---',
    'flowchart TD',
    ...classes.map((c) => `  classDef ${c} ${CLASS_DEFS[c] ?? ''}`),
    '  runbook_start(("start")):::rp_start',
  ];
  for (const node of model.nodes) {
    const [open, close] = SHAPES[node.kind];
    out.push(`  ${idOf(node.id)}${open}${mermaidLabel(node.lines)}${close}:::${nodeClass(node)}`);
  }
  out.push(`  runbook_start --> ${idOf(model.start)}`);
  for (const edge of model.edges) {
    const arrow = edge.fallback ? '-.->' : '-->';
    const label = edge.lines.length === 0 ? '' : `|${mermaidLabel(edge.lines)}|`;
    out.push(`  ${idOf(edge.from)} ${arrow}${label} ${idOf(edge.to)}`);
  }
  return `${out.join('\n')}\n`;
}
