import type { Outcome, Runbook } from '../types.js';
import type { GraphNode } from './graphModel.js';
import { graphModel } from './graphModel.js';
import { dotId, dotString } from './escapeDot.js';
import { uniqueId } from './uniqueId.js';

const END_FILL: Record<Outcome, string> = {
  resolved: '#ceead6',
  mitigated: '#ceead6',
  escalate: '#fad2cf',
  false_alarm: '#f1f3f4',
  monitoring: '#feefc3',
};

// Shapes: check diamond, question hexagon, action box (mitigation bold and filled),
// end a rounded double-bordered box (Graphviz has no stadium) coloured by outcome.
function nodeAttributes(node: GraphNode): string {
  switch (node.kind) {
    case 'check':
      return 'shape=diamond, style=filled, fillcolor="#e8f0fe", color="#1a73e8"';
    case 'question':
      return 'shape=hexagon, style=filled, fillcolor="#fef7e0", color="#e37400"';
    case 'action':
      return node.mitigation
        ? 'shape=box, style="filled,bold", penwidth=3, fillcolor="#ceead6", color="#137333", fontname="Helvetica-Bold"'
        : 'shape=box, color="#5f6368"';
    case 'end':
      return `shape=box, style="rounded,filled", peripheries=2, fillcolor="${END_FILL[node.outcome ?? 'escalate']}"`;
    case 'missing':
      return 'shape=box, style="filled,dashed", fillcolor="#fce8e6", color="#c5221f"';
  }
}

/** The runbook as a Graphviz DOT digraph, node ids kept as the runbook's (quoted). */
export function toDot(runbook: Runbook): string {
  const model = graphModel(runbook);
  const start = uniqueId('__start__', new Set(model.nodes.map((n) => n.id)));
  const out = [
    `digraph ${dotId(model.runbookId)} {`,
    `  label=${dotString(model.title)};`,
    '  labelloc=t;',
    '  fontname="Helvetica";',
    '  node [fontname="Helvetica", fontsize=11];',
    '  edge [fontname="Helvetica", fontsize=10];',
    `  ${dotId(start)} [label="start", shape=circle, style=filled, fillcolor="#202124", fontcolor="#ffffff", fontsize=9];`,
  ];
  for (const node of model.nodes) out.push(`  ${dotId(node.id)} [label=${dotString(node.lines)}, ${nodeAttributes(node)}];`);
  out.push(`  ${dotId(start)} -> ${dotId(model.start)};`);
  for (const edge of model.edges) {
    const attrs = [
      ...(edge.lines.length === 0 ? [] : [`label=${dotString(edge.lines)}`]),
      ...(edge.fallback ? ['style=dashed'] : []),
    ];
    out.push(`  ${dotId(edge.from)} -> ${dotId(edge.to)}${attrs.length === 0 ? '' : ` [${attrs.join(', ')}]`};`);
  }
  out.push('}');
  return `${out.join('\n')}\n`;
}
