// Structural rules a DOT text from toDot must follow, checked without Graphviz: one digraph,
// every statement a quoted-id node or edge with well-formed attributes, edges between declared nodes.

const STR = '"(?:[^"\\\\\\n]|\\\\.)*"';
const ATTR = `[a-z]+=(?:${STR}|[A-Za-z0-9.]+)`;
const ATTRS = `\\[${ATTR}(?:, ${ATTR})*\\]`;
const NODE = new RegExp(`^  (${STR}) ${ATTRS};$`);
const EDGE = new RegExp(`^  (${STR}) -> (${STR})(?: ${ATTRS})?;$`);
const GRAPH_ATTR = new RegExp(`^  ${ATTR};$`);
const DEFAULTS = new RegExp(`^  (?:node|edge) ${ATTRS};$`);

/** Problems with a DOT text, empty when it follows every rule. */
export function dotViolations(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  if (!new RegExp(`^digraph ${STR} \\{$`).test(lines[0] ?? '')) problems.push(`first line is not a digraph: ${lines[0] ?? ''}`);
  if (lines.at(-2) !== '}' || lines.at(-1) !== '') problems.push('does not end with "}" and a newline');
  const declared = new Set<string>();
  const edges: [string, string][] = [];
  for (const line of lines.slice(1, -2)) {
    const node = NODE.exec(line);
    const edge = EDGE.exec(line);
    if (node?.[1] !== undefined) declared.add(node[1]);
    else if (edge?.[1] !== undefined && edge[2] !== undefined) edges.push([edge[1], edge[2]]);
    else if (!GRAPH_ATTR.test(line) && !DEFAULTS.test(line)) problems.push(`not a statement: ${line}`);
  }
  for (const [from, to] of edges) for (const id of [from, to]) if (!declared.has(id)) problems.push(`edge ${from} -> ${to} uses undeclared node ${id}`);
  return problems;
}
