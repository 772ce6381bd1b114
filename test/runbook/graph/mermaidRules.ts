// Structural rules a Mermaid flowchart from toMermaid must follow, checked without Mermaid itself:
// one `flowchart TD`, every line a known statement, labels quoted without raw `"`, every edge
// between declared ids.

const ID = '[A-Za-z_][A-Za-z0-9_]*';
const LABEL = '"[^"\\n]*"';
const SHAPE = `(?:\\{\\{${LABEL}\\}\\}|\\{${LABEL}\\}|\\(\\[${LABEL}\\]\\)|\\(\\(${LABEL}\\)\\)|\\[${LABEL}\\])`;
const NODE = new RegExp(`^  (${ID})${SHAPE}:::(${ID})$`);
const EDGE = new RegExp(`^  (${ID}) (?:-->|-\\.->)(?:\\|${LABEL}\\|)? (${ID})$`);
const CLASS_DEF = new RegExp(`^  classDef (${ID}) [^;"]+$`);

/** Problems with a Mermaid text, empty when it follows every rule. */
export function mermaidViolations(text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  if (lines.at(-1) !== '') problems.push('does not end with a newline');
  let i = 0;
  if (lines[0] === '---') {
    i = lines.indexOf('---', 1) + 1;
    if (i === 0) problems.push('front matter is not closed');
    for (const l of lines.slice(1, i - 1)) if (!/^title: "(?:[^"\\]|\\.)*"$/.test(l)) problems.push(`bad front matter line: ${l}`);
  }
  if (lines.filter((l) => l.startsWith('flowchart')).length !== 1 || lines[i] !== 'flowchart TD') problems.push('expected one "flowchart TD" after the front matter');
  const declared = new Set<string>();
  const classes = new Set<string>();
  const edges: [string, string][] = [];
  const usedClasses: string[] = [];
  for (const line of lines.slice(i + 1, -1)) {
    const node = NODE.exec(line);
    const edge = EDGE.exec(line);
    const classDef = CLASS_DEF.exec(line);
    if (node?.[1] !== undefined && node[2] !== undefined) {
      if (declared.has(node[1])) problems.push(`node ${node[1]} declared twice`);
      declared.add(node[1]);
      usedClasses.push(node[2]);
    } else if (edge?.[1] !== undefined && edge[2] !== undefined) {
      edges.push([edge[1], edge[2]]);
    } else if (classDef?.[1] !== undefined) {
      classes.add(classDef[1]);
    } else {
      problems.push(`not a node, edge or classDef: ${line}`);
    }
  }
  for (const [from, to] of edges) for (const id of [from, to]) if (!declared.has(id)) problems.push(`edge ${from} -> ${to} uses undeclared id ${id}`);
  for (const c of usedClasses) if (!classes.has(c)) problems.push(`class ${c} is used but not defined`);
  for (const id of declared) if (/^end$/i.test(id) || /^[ox]/i.test(id)) problems.push(`id ${id} is unsafe in Mermaid`);
  return problems;
}
